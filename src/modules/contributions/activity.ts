// What happens to contributions in a process, as an activity source (core/activity.ts reads every
// module's in one query): published, revised, withdrawn; what waits for review or was hidden is
// not news.
import { sql } from 'kysely'
import { type ActivitySource, activityColumns } from '../../core/activity.ts'
import { cdb } from './queries.ts'

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
