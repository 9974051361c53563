// Who spoke in published contributions: what the balance of participation (balance module)
// counts, read from the counts kept on write (migration 20261210-0501), never by grouping the
// contributions themselves (a process can have 100,000). Why this is not contributionCounts (the
// scorecard's): see queries-counts.ts.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { SpeakingFor } from './tables.ts'

export interface ContributionParticipation {
  processId: number
  callId: number
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
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

/**
 * Published contributions of States and organizations, by speaker, for some processes, one call
 * or one year (all when no filter). People speaking for themselves are counted by
 * individualParticipation.
 */
export async function contributionParticipation(db: Db, filter: Filter): Promise<ContributionParticipation[]> {
  if (filter.processIds?.length === 0) return []
  const result = await sql<ContributionParticipation>`
    select process_id as "processId", call_id as "callId", speaking_for as "speakingFor",
      member_state_iso3 as "memberStateIso3", organization_id as "organizationId",
      stakeholder_group as "stakeholderGroup", nullif(regional_group, '') as "regionalGroup", ldc, lldc, sids,
      language, published_year as year, sum(n)::int as n
    from contributions_speaker_count
    where status = 'published' and speaking_for <> 'self'
      ${filter.processIds ? sql`and process_id = any(${filter.processIds}::bigint[])` : sql``}
      ${filter.callId !== undefined ? sql`and call_id = ${filter.callId}` : sql``}
      ${filter.year !== undefined ? sql`and published_year = ${filter.year}` : sql``}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    having sum(n) > 0`.execute(db)
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

/** What people are counted once in: a process, a call, a body, or a year of publication (UTC). */
export type PeopleScope = 'process' | 'call' | 'body' | 'year'

/**
 * People speaking for themselves in published contributions, counted on write: each person once
 * in each of the scopes `ids` name (every one of the kind when `ids` is not given), with the
 * groups recorded on their earliest published contribution there and every language they wrote
 * in; then the people who share all of that, counted. A person is their account, or for an
 * import the name it gave (lowercased).
 */
export async function individualParticipation(
  db: Db,
  scope: PeopleScope,
  ids?: readonly number[],
): Promise<IndividualClass[]> {
  if (ids?.length === 0) return []
  // after `ecp import`, the bodies' people are counted on the first read (see the migration)
  if (scope === 'body') await sql`select contributions_people_settle()`.execute(db)
  const result = await sql<Omit<IndividualClass, 'processId' | 'year'> & { scopeId: string }>`
    select scope_id as "scopeId", stakeholder_group as "stakeholderGroup",
      nullif(regional_group, '') as "regionalGroup", ldc, lldc, sids, languages, sum(people)::int as people
    from contributions_people_count
    where scope = ${scope} ${ids ? sql`and scope_id = any(${ids}::bigint[])` : sql``}
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(people) > 0`.execute(db)
  return result.rows.map(({ scopeId, ...row }) => ({
    ...row,
    processId: scope === 'process' ? Number(scopeId) : null,
    year: scope === 'year' ? Number(scopeId) : null,
    languages: [...row.languages],
    people: Number(row.people),
  }))
}
