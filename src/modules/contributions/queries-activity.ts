// What the contributions module tells the rest of the platform: its activity source in processes
// (core/activity.ts reads every module's in one query, for feeds and digests) and the home page's figure.
import { sql } from 'kysely'
import { type ActivitySource, activityColumns } from '../../core/activity.ts'
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'

/** Published, revised and withdrawn contributions (what waits for review or was hidden is not news). */
export const contributionsActivity: ActivitySource[] = [
  {
    kind: 'contribution',
    names: ['name'],
    rows: (db) =>
      cdb(db)
        .selectFrom('contributionsContribution')
        .where('status', 'in', ['published', 'withdrawn'])
        .select((eb) =>
          activityColumns({
            id: sql`'contribution:' || id || ':' || status || ':' || revision_count`,
            processId: eb.ref('processId'),
            at: eb.ref('updatedAt'),
            message: sql`case when status = 'withdrawn' then 'contributions.activity.withdrawn'
              when revision_count > 1 then 'contributions.activity.revised'
              else 'contributions.activity.published' end`,
            values: { name: eb.ref('contributorName'), revision: eb.ref('revisionCount') },
            href: sql`'/contributions/' || id`,
          }),
        ),
  },
]

/** How many contributions are published. */
export async function countPublishedContributions(db: Db): Promise<number> {
  const row = await cdb(db)
    .selectFrom('contributionsContribution')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
