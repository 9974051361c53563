// What happens in a negotiation that others follow, as activity sources (core/activity.ts reads
// every module's in one query): revisions issued (the zero draft first).
import { sql } from 'kysely'
import { type ActivitySource, activityColumns } from '../../core/activity.ts'
import { ndb } from './queries.ts'

export const negotiationActivity: ActivitySource[] = [
  {
    kind: 'revision',
    rows: (db) =>
      ndb(db)
        .selectFrom('negotiationRevision as r')
        .innerJoin('negotiationDocument as d', 'd.id', 'r.documentId')
        .select((eb) =>
          activityColumns({
            id: sql`'revision:' || r.id`,
            processId: eb.ref('d.processId'),
            at: eb.ref('r.issuedAt'),
            message: sql`case when r.number = 0 then 'negotiation.activity.zeroDraft' else 'negotiation.activity.revision' end`,
            values: { label: eb.ref('r.label'), title: eb.ref('d.title') },
            href: sql`'/negotiation/' || d.id || '/revisions/' || r.number`,
          }),
        ),
  },
]
