// The reporting cycle's writes, called by commands.ts inside its transaction (with its trx), and
// the reminders' bookkeeping.
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { adb, type Cycle } from './queries.ts'
import type { ReportContent } from './rules/report.ts'

export async function insertCycle(
  db: Db,
  row: { year: number; deadline: string; openedBy: number | null; openedAt: Date; illustrative: boolean },
): Promise<number> {
  return (await adb(db).insertInto('annualReportsCycle').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function insertInvitation(db: Db, cycleId: number, organizationId: number, at: Date): Promise<void> {
  await adb(db)
    .insertInto('annualReportsInvitation')
    .values({ cycleId, organizationId, invitedAt: at, lastRemindedAt: null })
    .execute()
}

/** The organization's draft for the cycle, created or replaced. */
export async function upsertDraft(
  db: Db,
  draft: { cycleId: number; organizationId: number; content: ReportContent; at: Date; by: number | null },
): Promise<void> {
  await adb(db)
    .insertInto('annualReportsReport')
    .values({
      cycleId: draft.cycleId,
      organizationId: draft.organizationId,
      draft: jsonb(draft.content),
      draftSavedAt: draft.at,
      draftSavedBy: draft.by,
      published: null,
      publishedAt: null,
      createdAt: draft.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['cycleId', 'organizationId'])
        .doUpdateSet({ draft: jsonb(draft.content), draftSavedAt: draft.at, draftSavedBy: draft.by }),
    )
    .execute()
}

/** The draft published as the report's next version, kept in its version history. */
export async function publishVersion(
  db: Db,
  v: { reportId: number; number: number; content: ReportContent; by: number | null; at: Date; keyedIn: boolean },
): Promise<void> {
  await adb(db)
    .insertInto('annualReportsVersion')
    .values({
      reportId: v.reportId,
      number: v.number,
      content: jsonb(v.content),
      submittedBy: v.by,
      submittedAt: v.at,
      keyedInBySecretariat: v.keyedIn,
    })
    .execute()
  await adb(db)
    .updateTable('annualReportsReport')
    .set({ version: v.number, published: jsonb(v.content), publishedAt: v.at })
    .where('id', '=', v.reportId)
    .execute()
}

export async function allCycles(db: Db): Promise<Cycle[]> {
  const rows = await adb(db).selectFrom('annualReportsCycle').selectAll().execute()
  return rows.map((raw) => ({ ...raw, deadline: String(raw.deadline).slice(0, 10) }))
}

export async function markReminded(db: Db, cycleId: number, organizationId: number, at: Date): Promise<void> {
  await adb(db)
    .updateTable('annualReportsInvitation')
    .set({ lastRemindedAt: at })
    .where('cycleId', '=', cycleId)
    .where('organizationId', '=', organizationId)
    .execute()
}
