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

/** How a page is found: after a contribution (keyset), or at a depth (old `page` links, the API's `page`). */
export type ListPosition = { after?: number | undefined; offset?: number | undefined }

/**
 * The ids of a page, newest first, one more than `limit` when more follow: published ones and the
 * (few) others each read in id order and merged. By keyset (`after`), a page costs the filter's
 * rarity, never its depth; at an offset, it reads every row above it (old links only). A filter
 * known to match at most LIST_COUNT_LIMIT (`rare`) reads its matches through its own index and
 * sorts them: in id order it would walk the whole process to find a handful.
 */
async function pageIds(
  db: Db,
  filter: ContributionFilter & ListPosition & { limit: number },
  rare: boolean,
): Promise<number[]> {
  const skip = filter.offset ?? 0
  const upTo = skip + filter.limit + 1
  const others = filter.statuses.filter((s) => s !== 'published')
  const read = async (statuses: readonly ContributionStatus[]) => {
    if (!statuses.length) return []
    let matches = filtered(db, { ...filter, statuses })
    if (filter.after) matches = matches.where('id', '<', filter.after)
    if (!rare) return matches.select('id').orderBy('id', 'desc').limit(upTo).execute()
    // OFFSET 0 keeps the order and limit out of the matches' plan (their index, not the id order)
    return cdb(db)
      .selectFrom(matches.select('id').offset(0).as('m'))
      .select('m.id')
      .orderBy('m.id', 'desc')
      .limit(upTo)
      .execute()
  }
  const [published, rest] = await Promise.all([
    read(filter.statuses.includes('published') ? ['published'] : []),
    read(others),
  ])
  return [...published, ...rest]
    .map((r) => Number(r.id))
    .sort((a, b) => b - a)
    .slice(skip, upTo)
}

const narrowed = (f: ContributionFilter) =>
  Boolean(f.callId || f.questionId || f.stakeholderGroup || f.regionalGroup || f.language)

/**
 * A page of the process's contributions, newest first, how many match (see countOf) and the id
 * the next page starts after (null on the last). Each state is read through the
 * (process, status, id) index in id order from `after`, so a page costs its own rows, never the
 * whole process; a filter is counted first, so that a rare one is read through its own index.
 */
export async function listContributions(
  db: Db,
  filter: ContributionFilter & ListPosition & { limit: number; withTotal?: boolean },
): Promise<{ rows: Contribution[]; total: number; more: boolean; next: number | null }> {
  const counting = filter.withTotal === false ? Promise.resolve({ n: -1, more: true }) : countOf(db, filter)
  // one state, unfiltered, by keyset (the process page's latest): the page's rows in one statement,
  // in the same id order the ids would be read in (each statement costs ~0.5 ms of CPU on PGlite)
  if (filter.statuses.length === 1 && !narrowed(filter) && !filter.offset) {
    let query = filtered(db, filter)
    if (filter.after) query = query.where('id', '<', filter.after)
    const [found, count] = await Promise.all([
      query
        .select(columns)
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute(),
      counting,
    ])
    const rows = found.slice(0, filter.limit)
    return {
      rows,
      total: Math.max(count.n, 0),
      more: count.more && count.n >= 0,
      next: found.length > filter.limit ? (rows.at(-1)?.id ?? null) : null,
    }
  }
  // unfiltered, the id order is the best plan whatever the count: read both at once
  const known = narrowed(filter) ? await counting : null
  const [found, count] = await Promise.all([
    pageIds(db, filter, known !== null && !known.more && known.n <= LIST_COUNT_LIMIT),
    counting,
  ])
  const ids = found.slice(0, filter.limit)
  const rows = ids.length
    ? await cdb(db)
        .selectFrom('contributionsContribution')
        .select(columns)
        .where('id', 'in', ids)
        .orderBy('id', 'desc')
        .execute()
    : []
  return {
    rows,
    total: Math.max(count.n, 0),
    more: count.more && count.n >= 0,
    next: found.length > filter.limit ? (ids.at(-1) ?? null) : null,
  }
}

/** The id a page at this depth starts after (an old `page` link), or null past the last. */
export async function idAtDepth(db: Db, filter: ContributionFilter, depth: number): Promise<number | null> {
  const ids = await pageIds(db, { ...filter, offset: depth - 1, limit: 1 }, false)
  return ids[0] ?? null
}
