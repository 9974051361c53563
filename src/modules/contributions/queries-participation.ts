// Who spoke in published contributions, grouped by speaker, language, process, call and year:
// what the balance of participation (balance module) counts. Read-only.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { SpeakingFor } from './tables.ts'

export interface ContributionParticipation {
  processId: number
  callId: number
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
  /** a person speaking for themselves: their account, or for an import the name it gave */
  individual: string | null
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  /** the UTC year it was published */
  year: number
  n: number
}

/** Published contributions by speaker, for some processes, one call or one year (all when no filter). */
export async function contributionParticipation(
  db: Db,
  filter: { processIds?: number[]; callId?: number; year?: number },
): Promise<ContributionParticipation[]> {
  if (filter.processIds?.length === 0) return []
  const at = sql`coalesce(published_at, created_at)`
  const result = await sql<ContributionParticipation>`
    select process_id as "processId", call_id as "callId", speaking_for as "speakingFor",
      member_state_iso3 as "memberStateIso3", organization_id as "organizationId",
      case when speaking_for = 'self' then
        case when import_id is null then 'account:' || author_account_id::text else 'name:' || lower(contributor_name) end
      end as individual,
      stakeholder_group as "stakeholderGroup", nullif(regional_group, '') as "regionalGroup", ldc, lldc, sids,
      language, extract(year from ${at} at time zone 'UTC')::int as year, count(*)::int as n
    from contributions_contribution
    where status = 'published'
      ${filter.processIds ? sql`and process_id = any(${filter.processIds}::bigint[])` : sql``}
      ${filter.callId !== undefined ? sql`and call_id = ${filter.callId}` : sql``}
      ${filter.year !== undefined ? sql`and ${at} >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'UTC') and ${at} < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'UTC')` : sql``}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`.execute(db)
  return result.rows.map((r) => ({
    ...r,
    processId: Number(r.processId),
    callId: Number(r.callId),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    year: Number(r.year),
    n: Number(r.n),
  }))
}
