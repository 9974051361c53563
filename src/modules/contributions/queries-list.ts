// The list of a process's contributions: a page newest first, filtered, and how many match
// (published ones from the tally, a call or a question counted up to a bound).
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { type Contribution, cdb, columns } from './queries.ts'
import type { ContributionStatus } from './tables.ts'

export interface ContributionFilter {
  processId: number
  callId?: number | undefined
  questionId?: number | undefined
  stakeholderGroup?: string | undefined
  regionalGroup?: string | undefined
  language?: string | undefined
  /** which states to include; the public sees published, withdrawn and hidden (as notes) */
  statuses: readonly ContributionStatus[]
}

function filtered(db: Db, f: ContributionFilter) {
  let query = cdb(db)
    .selectFrom('contributionsContribution')
    .where('processId', '=', f.processId)
    .where('status', 'in', [...f.statuses])
  if (f.callId) query = query.where('callId', '=', f.callId)
  if (f.questionId) query = query.where(sql<boolean>`answered_question_ids @> array[${f.questionId}]::integer[]`)
  if (f.stakeholderGroup) query = query.where('stakeholderGroup', '=', f.stakeholderGroup)
  if (f.regionalGroup) query = query.where('regionalGroup', '=', f.regionalGroup)
  if (f.language) query = query.where('language', '=', f.language)
  return query
}

/** At most this many are counted when a call or a question narrows the list (the tally has neither). */
export const LIST_COUNT_LIMIT = 10_000

/**
 * How many match. Published ones come from the tally (kept by a trigger, by group, region and
 * language); the few in other states are counted. A call or a question, which the tally does not
 * keep, is counted up to LIST_COUNT_LIMIT: past it, `more` says so.
 */
async function countOf(db: Db, filter: ContributionFilter): Promise<{ n: number; more: boolean }> {
  if (filter.callId || filter.questionId) {
    const row = await cdb(db)
      .selectFrom(
        filtered(db, filter)
          .select(sql<number>`1`.as('one'))
          .limit(LIST_COUNT_LIMIT + 1)
          .as('bounded'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const n = Number(row.n)
    return n > LIST_COUNT_LIMIT ? { n: LIST_COUNT_LIMIT, more: true } : { n, more: false }
  }
  const others = filter.statuses.filter((s) => s !== 'published')
  let tally = cdb(db)
    .selectFrom('contributionsTally')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where('processId', '=', filter.processId)
  if (filter.stakeholderGroup) tally = tally.where('stakeholderGroup', '=', filter.stakeholderGroup)
  if (filter.regionalGroup) tally = tally.where('regionalGroup', '=', filter.regionalGroup)
  if (filter.language) tally = tally.where('language', '=', filter.language)
  const [published, rest] = await Promise.all([
    filter.statuses.includes('published') ? tally.executeTakeFirstOrThrow() : { n: 0 },
    others.length
      ? filtered(db, { ...filter, statuses: others })
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : { n: 0 },
  ])
  return { n: Number(published.n) + Number(rest.n), more: false }
}

/** The ids of a page, newest first: published ones and the (few) others each read in id order. */
async function pageIds(db: Db, filter: ContributionFilter & { limit: number; offset: number }): Promise<number[]> {
  const upTo = filter.offset + filter.limit
  const others = filter.statuses.filter((s) => s !== 'published')
  const read = (statuses: readonly ContributionStatus[]) =>
    statuses.length
      ? filtered(db, { ...filter, statuses })
          .select('id')
          .orderBy('id', 'desc')
          .limit(upTo)
          .execute()
      : Promise.resolve([])
  const [published, rest] = await Promise.all([
    read(filter.statuses.includes('published') ? ['published'] : []),
    read(others),
  ])
  return [...published, ...rest]
    .map((r) => Number(r.id))
    .sort((a, b) => b - a)
    .slice(filter.offset, upTo)
}

/**
 * A page of the process's contributions, newest first, and how many match (see countOf). Each
 * state is read through the (process, status, id) index in id order, so a page costs its depth,
 * never the whole process.
 */
export async function listContributions(
  db: Db,
  filter: ContributionFilter & { limit: number; offset: number; withTotal?: boolean },
): Promise<{ rows: Contribution[]; total: number; more: boolean }> {
  const [ids, count] = await Promise.all([
    pageIds(db, filter),
    filter.withTotal === false ? { n: -1, more: false } : countOf(db, filter),
  ])
  const rows = ids.length
    ? await cdb(db)
        .selectFrom('contributionsContribution')
        .select(columns)
        .where('id', 'in', ids)
        .orderBy('id', 'desc')
        .execute()
    : []
  return { rows, total: count.n, more: count.more }
}
