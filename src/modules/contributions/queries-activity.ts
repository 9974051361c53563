// What the contributions module tells the rest of the platform: the recent activity in processes
// (for their feeds and followers' digests) and the home page's figure.
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'

/** Published and withdrawn contributions in these processes changed after `since`, newest first. */
export async function contributionActivityRows(db: Db, query: { processIds: number[]; since: Date; limit: number }) {
  if (query.processIds.length === 0) return []
  return cdb(db)
    .selectFrom('contributionsContribution')
    .select([
      'id',
      'processId',
      'contributorName',
      'status',
      'revisionCount',
      'publishedAt',
      'withdrawnAt',
      'updatedAt',
    ])
    .where('processId', 'in', query.processIds)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('updatedAt', '>', query.since)
    .orderBy('updatedAt', 'desc')
    .limit(query.limit)
    .execute()
}

/** How many contributions are published. */
export async function countPublishedContributions(db: Db): Promise<number> {
  const row = await cdb(db)
    .selectFrom('contributionsContribution')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
