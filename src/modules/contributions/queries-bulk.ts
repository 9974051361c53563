// Contributions taken in bulk (written by queries-bulk-write.ts): their search index, built after
// an import's last batch, and the reading of a call's contributions in bulk for analysis (campaigns).
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { cdb } from './queries.ts'

/**
 * The search index of an import's contributions, built after its last batch in one set-based pass
 * (a statement per `chunk` ids, each committed, `workers` at a time: on PostgreSQL each is a
 * server process, so two use both cores of a small machine): a batch leaves it out (searchLater),
 * since the six languages' vectors cost several times the batch's own writes. Resumable: what is
 * indexed already is skipped. `members` (a subquery of `contribution_id`) are the contributions in a
 * campaign already, written with their campaign term (markCampaignMembers); `guard` runs first in
 * each statement's transaction, so that membership cannot change between its read and the write.
 */
export async function indexImportedForSearch(
  db: Db,
  callId: number,
  importId: number,
  options: {
    chunk?: number
    workers?: number
    members?: RawBuilder<{ contribution_id: number }>
    guard?: RawBuilder<unknown>
  } = {},
): Promise<void> {
  const span = await sql<{ first: string | null; last: string | null }>`
    select min(id) as first, max(id) as last from contributions_contribution
    where call_id = ${callId} and import_id = ${importId}`.execute(db)
  const first = Number(span.rows[0]?.first ?? 0)
  const last = Number(span.rows[0]?.last ?? -1)
  // A large import changes the table's shape more than the planner knows until autovacuum (off on
  // some servers) analyzes it: without statistics, the rebuild's reads in id order became scans of
  // every later row with an on-disk sort (5.6 s a page at 1,000,000 instead of 63 ms).
  const large = last - first >= 10_000
  if (large) await sql`analyze contributions_contribution`.execute(db)
  // A large pass gathers the text index's new entries in its pending list up to 64 MB and merges
  // them in a few large sorted passes, not one every megabyte (10,000 imported answers at 100,000:
  // 3.8 s of PostgreSQL CPU instead of 6.0 s, of which 1.8 s is the documents themselves); searches
  // meanwhile scan up to that much of the list. The index has its own limit again once the pass is
  // over: the one it had, kept by the database (migration 20261214-0500), not a number of ours.
  if (large) await sql`select contributions_search_pending_widen(65536)`.execute(db)
  try {
    await indexInChunks(db, callId, importId, first, last, options)
  } finally {
    if (large) await sql`select contributions_search_pending_restore()`.execute(db)
  }
  if (large) await sql`analyze contributions_search`.execute(db)
}

async function indexInChunks(
  db: Db,
  callId: number,
  importId: number,
  first: number,
  last: number,
  options: Parameters<typeof indexImportedForSearch>[3] & object,
): Promise<void> {
  const chunk = options.chunk ?? 5000
  let from = first
  const worker = async () => {
    while (from <= last) {
      const lo = from
      from += chunk
      const hi = lo + chunk - 1
      const members = options.members
        ? sql`array(select m.contribution_id from (${options.members}) m where m.contribution_id between ${lo} and ${hi})`
        : sql`'{}'::bigint[]`
      await inTransaction(db, async (trx) => {
        if (options.guard) await options.guard.execute(trx)
        // the pending list, once full, is merged by the statement that filled it, in this memory
        await sql`select set_config('work_mem', '64MB', true)`.execute(trx)
        await sql`select contributions_search_index_imported(array(
          select id from contributions_contribution where call_id = ${callId} and import_id = ${importId}
            and id between ${lo} and ${hi} and imported_text is not null), ${members})`.execute(trx)
      })
    }
  }
  await Promise.all(Array.from({ length: options.workers ?? 2 }, worker))
}

/** A contribution as the campaign analysis reads it: its current text and who sent it. */
export interface ContributionText {
  id: number
  callId: number
  externalId: string | null
  text: string
  submittedAt: Date
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  /** when the author's account was made; null for imported contributions (no account of their own) */
  accountCreatedAt: Date | null
}

export function textsQuery(db: Db) {
  return cdb(db)
    .selectFrom('contributionsContribution as c')
    .innerJoin('authAccount as a', 'a.id', 'c.authorAccountId')
    .select([
      'c.id',
      'c.callId',
      'c.externalId',
      'c.createdAt as submittedAt',
      'c.contributorName',
      'c.stakeholderGroup',
      'c.regionalGroup',
      'c.ldc',
      'c.lldc',
      'c.sids',
      'c.language',
      sql<Date | null>`case when c.external_id is null then a.created_at end`.as('accountCreatedAt'),
      // an imported contribution not revised since has its one answer on its row: read without a join
      sql<string>`coalesce(c.imported_text, (select string_agg(body, E'\n\n' order by question_id)
        from contributions_current_answer where contribution_id = c.id))`.as('text'),
    ])
}

/**
 * The call's contributions that count (published), in id order from `afterId`, `limit` at a time:
 * the campaign rebuild reads a million this way without holding them in one answer.
 */
export async function contributionTextsOfCall(
  db: Db,
  callId: number,
  page: { afterId: number; limit: number },
): Promise<ContributionText[]> {
  const rows = await textsQuery(db)
    .where('c.callId', '=', callId)
    .where('c.status', '=', 'published')
    .where('c.id', '>', page.afterId)
    .orderBy('c.id')
    .limit(page.limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/** The same reading of a few contributions (one that just arrived, a campaign's members). */
export async function contributionTexts(db: Db, ids: number[]): Promise<ContributionText[]> {
  if (ids.length === 0) return []
  const rows = await textsQuery(db)
    .where('c.id', 'in', ids)
    .where('c.status', '=', 'published')
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/**
 * The call's contributions up to `upToId` that do not count now (withdrawn, hidden, held for
 * review), ids in order: what a campaign rebuild read may have left the record since. Read
 * through the process's index by status (a few entries), not the call's every row.
 */
export async function uncountedContributionIds(
  db: Db,
  call: { callId: number; processId: number },
  upToId: number,
): Promise<number[]> {
  const rows = await cdb(db)
    .selectFrom('contributionsContribution')
    .select('id')
    .where('processId', '=', call.processId)
    .where('status', 'in', ['withdrawn', 'hidden', 'pending_review'])
    .where('callId', '=', call.callId)
    .where('id', '<=', upToId)
    .orderBy('id')
    .execute()
  return rows.map((r) => Number(r.id))
}
