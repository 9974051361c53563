// Who took part in a negotiation: States that took a position, tabled an amendment or made a
// statement, organizations that tabled or commented; grouped by process and year, for the
// balance of participation (balance module). Read-only.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

export interface NegotiationParticipation {
  processId: number
  memberStateIso3: string | null
  organizationId: number | null
  /** the UTC year of the act */
  year: number
  n: number
}

/** Participants in the negotiations of some processes, or of one year (all when no filter). */
export async function negotiationParticipation(
  db: Db,
  filter: { processIds?: number[]; year?: number },
): Promise<NegotiationParticipation[]> {
  if (filter.processIds?.length === 0) return []
  const result = await sql<NegotiationParticipation>`
    select d.process_id as "processId", x.iso3 as "memberStateIso3", x.org as "organizationId",
      extract(year from x.at at time zone 'UTC')::int as year, count(*)::int as n
    from (
      select document_id, member_state_iso3 as iso3, null::bigint as org, at from negotiation_current_position
      union all
      select document_id, member_state_iso3, organization_id, created_at from negotiation_amendment
      union all
      select document_id, member_state_iso3, null::bigint, at from negotiation_statement
        where member_state_iso3 is not null
      union all
      select document_id, null, organization_id, created_at from negotiation_comment
    ) as x
    join negotiation_document as d on d.id = x.document_id
    where (x.iso3 is not null or x.org is not null)
      ${filter.processIds ? sql`and d.process_id = any(${filter.processIds}::bigint[])` : sql``}
      ${filter.year !== undefined ? sql`and x.at >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'UTC') and x.at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'UTC')` : sql``}
    group by 1, 2, 3, 4`.execute(db)
  return result.rows.map((r) => ({
    ...r,
    processId: Number(r.processId),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    year: Number(r.year),
    n: Number(r.n),
  }))
}
