// The arrival queue: contributions published on the platform, written in the transaction that
// publishes them and taken away by their reader (the consultation's assignment) once processed.
// Unlike ids above a watermark, an entry committed late or published after a later one is read.
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'

/** Queues a contribution just published (inside the transaction that publishes it). */
export async function queueArrival(trx: Db, contributionId: number): Promise<void> {
  await cdb(trx)
    .insertInto('contributionsArrival')
    .values({ contributionId })
    .onConflict((oc) => oc.column('contributionId').doNothing())
    .execute()
}

/**
 * Up to `limit` queued contributions, ids in order. An entry stays until `takeArrivals` removes
 * it, so a reader that stops halfway reads it again (its processing must be idempotent). A queued
 * contribution may have been withdrawn or hidden since: the reader reads what counts now.
 */
export async function arrivedContributions(db: Db, limit: number): Promise<number[]> {
  const rows = await cdb(db)
    .selectFrom('contributionsArrival')
    .select('contributionId')
    .orderBy('contributionId')
    .limit(limit)
    .execute()
  return rows.map((r) => Number(r.contributionId))
}

/** Removes processed entries from the queue. */
export async function takeArrivals(db: Db, contributionIds: number[]): Promise<void> {
  if (contributionIds.length === 0) return
  await cdb(db).deleteFrom('contributionsArrival').where('contributionId', 'in', contributionIds).execute()
}
