// Who spoke in published contributions, grouped by speaker, language, process, call and year:
// what the balance of participation (balance module) counts. Read-only. Why this is not
// contributionCounts (the scorecard's): see queries-counts.ts.
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

type Filter = { processIds?: number[]; callId?: number; year?: number }

const PUBLISHED_AT = sql`coalesce(published_at, created_at)`

function where(filter: Filter) {
  return sql`status = 'published'
    ${filter.processIds ? sql`and process_id = any(${filter.processIds}::bigint[])` : sql``}
    ${filter.callId !== undefined ? sql`and call_id = ${filter.callId}` : sql``}
    ${filter.year !== undefined ? sql`and ${PUBLISHED_AT} >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'UTC') and ${PUBLISHED_AT} < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'UTC')` : sql``}`
}

/**
 * Published contributions by speaker, for some processes, one call or one year (all when no
 * filter). With `individuals: false`, only States and organizations (people speaking for
 * themselves are then read, counted, through individualParticipation).
 */
export async function contributionParticipation(
  db: Db,
  filter: Filter,
  options: { individuals?: boolean } = {},
): Promise<ContributionParticipation[]> {
  if (filter.processIds?.length === 0) return []
  const result = await sql<ContributionParticipation>`
    select process_id as "processId", call_id as "callId", speaking_for as "speakingFor",
      member_state_iso3 as "memberStateIso3", organization_id as "organizationId",
      case when speaking_for = 'self' then
        case when import_id is null then 'account:' || author_account_id::text else 'name:' || lower(contributor_name) end
      end as individual,
      stakeholder_group as "stakeholderGroup", nullif(regional_group, '') as "regionalGroup", ldc, lldc, sids,
      language, extract(year from ${PUBLISHED_AT} at time zone 'UTC')::int as year, count(*)::int as n
    from contributions_contribution
    where ${where(filter)} ${options.individuals === false ? sql`and speaking_for <> 'self'` : sql``}
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

/** People speaking for themselves who share a profile, counted (see individualParticipation). */
export interface IndividualClass {
  /** the process, when counted per process; else null */
  processId: number | null
  /** the UTC year of publication, when counted per year; else null */
  year: number | null
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  /** the languages each of them wrote in, sorted */
  languages: string[]
  /** how many distinct people */
  people: number
}

/**
 * People speaking for themselves in published contributions, counted in the database rather than
 * listed (a call can have 100,000 of them): each person once per process, per year, or once in
 * all (`per`), with the groups recorded on their earliest published contribution there and every
 * language they wrote in; then the people who share all of that, counted.
 */
export async function individualParticipation(
  db: Db,
  filter: Filter,
  per: 'process' | 'year' | 'all',
): Promise<IndividualClass[]> {
  if (filter.processIds?.length === 0) return []
  const part =
    per === 'process'
      ? sql`process_id`
      : per === 'year'
        ? sql`extract(year from ${PUBLISHED_AT} at time zone 'UTC')::int`
        : sql`null::int`
  const first = (column: string) => sql`(array_agg(${sql.ref(column)} order by ${PUBLISHED_AT}, id))[1]`
  const result = await sql<IndividualClass>`
    with person as (
      select ${part} as part,
        ${first('stakeholder_group')} as stakeholder_group, ${first('regional_group')} as regional_group,
        ${first('ldc')} as ldc, ${first('lldc')} as lldc, ${first('sids')} as sids,
        array_agg(distinct language order by language) as languages
      from contributions_contribution
      where ${where(filter)} and speaking_for = 'self'
      group by 1, case when import_id is null then 'account:' || author_account_id::text else 'name:' || lower(contributor_name) end
    )
    select part, stakeholder_group as "stakeholderGroup", nullif(regional_group, '') as "regionalGroup",
      ldc, lldc, sids, languages, count(*)::int as people
    from person
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db)
  return result.rows.map((r) => {
    const { part, ...row } = r as IndividualClass & { part: number | null }
    return {
      ...row,
      processId: per === 'process' ? Number(part) : null,
      year: per === 'year' ? Number(part) : null,
      languages: [...row.languages],
      people: Number(row.people),
    }
  })
}
