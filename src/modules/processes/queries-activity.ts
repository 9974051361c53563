// What happens in processes that this module records, as activity sources (core/activity.ts reads
// every module's in one query): calls opened, meetings scheduled, documents issued, reports
// transmitted.
import { sql } from 'kysely'
import { type ActivitySource, activityColumns } from '../../core/activity.ts'
import { pdb } from './queries.ts'

export const processesActivity: ActivitySource[] = [
  {
    // a call is news when it opens, not when the Secretariat prepared it
    kind: 'call',
    rows: (db) =>
      pdb(db)
        .selectFrom('processesCall')
        .select((eb) =>
          activityColumns({
            id: sql`'call:' || id`,
            processId: eb.ref('processId'),
            at: eb.ref('opensAt'),
            message: 'processes.activity.callOpened',
            values: { title: eb.ref('title') },
            href: sql`'/processes/' || process_id || '#call-' || id`,
          }),
        ),
  },
  {
    kind: 'meeting',
    rows: (db) =>
      pdb(db)
        .selectFrom('processesMeeting')
        .select((eb) =>
          activityColumns({
            id: sql`'meeting:' || id`,
            processId: eb.ref('processId'),
            at: eb.ref('createdAt'),
            message: 'processes.activity.meetingScheduled',
            values: { title: eb.ref('title') },
            href: sql`'/meetings/' || id`,
          }),
        ),
  },
  {
    kind: 'document',
    rows: (db) =>
      pdb(db)
        .selectFrom('processesDocument')
        .select((eb) =>
          activityColumns({
            id: sql`'document:' || id`,
            processId: eb.ref('processId'),
            at: eb.ref('createdAt'),
            message: 'processes.activity.documentIssued',
            values: {
              title: sql`case when symbol is not null and symbol <> '' then symbol || ': ' || title else title end`,
            },
            href: sql`'/processes/' || process_id || '#documents'`,
          }),
        ),
  },
  {
    kind: 'transmission',
    rows: (db) =>
      pdb(db)
        .selectFrom('processesTransmission')
        .select((eb) =>
          activityColumns({
            id: sql`'transmission:' || id`,
            processId: eb.ref('processId'),
            at: eb.ref('createdAt'),
            message: 'processes.activity.reportTransmitted',
            values: { occasion: eb.ref('occasion') },
            href: sql`'/processes/' || process_id || '#transmissions'`,
          }),
        ),
  },
]
