// What happens among proposals that others follow, as an activity source (core/activity.ts reads
// every module's in one query): proposals put forward.
import { sql } from 'kysely'
import { type ActivitySource, activityColumns } from '../../core/activity.ts'
import { pdb } from './queries.ts'

export const proposalActivity: ActivitySource[] = [
  {
    kind: 'proposal',
    rows: (db) =>
      pdb(db)
        .selectFrom('proposalsProposal')
        .select((eb) =>
          activityColumns({
            id: sql`'proposal:' || id`,
            processId: eb.ref('processId'),
            at: eb.ref('createdAt'),
            message: 'proposals.activity.proposal',
            values: { title: eb.ref('title') },
            href: sql`'/proposals/' || id`,
          }),
        ),
  },
]
