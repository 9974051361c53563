// The reports' writes, called by commands.ts inside its transaction (with its trx).
import type { Insertable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { rdb } from './queries.ts'
import type { ReportsDivergentViewTable, ReportsFollowUpTable, ReportsIssueTable } from './tables.ts'

/** The report's issue, once: false when the process's report was issued already. */
export async function insertIssue(
  db: Db,
  processId: number,
  values: Omit<Insertable<ReportsIssueTable>, 'processId'>,
): Promise<boolean> {
  const row = await rdb(db)
    .insertInto('reportsIssue')
    .values({ processId, ...values })
    .onConflict((oc) => oc.column('processId').doNothing())
    .returning('processId')
    .executeTakeFirst()
  return row !== undefined
}

/** The report's issue, corrected. */
export async function updateIssue(
  db: Db,
  processId: number,
  values: Omit<Insertable<ReportsIssueTable>, 'processId'>,
): Promise<void> {
  await rdb(db).updateTable('reportsIssue').set(values).where('processId', '=', processId).execute()
}

/** How one divergent view is attributed, set or changed. */
export async function upsertDivergentView(
  db: Db,
  processId: number,
  paragraphId: number,
  values: Omit<Insertable<ReportsDivergentViewTable>, 'processId' | 'paragraphId'>,
): Promise<void> {
  await rdb(db)
    .insertInto('reportsDivergentView')
    .values({ processId, paragraphId, ...values })
    .onConflict((oc) => oc.columns(['processId', 'paragraphId']).doUpdateSet(values))
    .execute()
}

/** A follow-up record, appended (never rewritten). */
export async function insertFollowUp(db: Db, values: Insertable<ReportsFollowUpTable>): Promise<{ id: number }> {
  return rdb(db).insertInto('reportsFollowUp').values(values).returning('id').executeTakeFirstOrThrow()
}
