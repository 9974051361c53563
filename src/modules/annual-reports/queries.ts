// Reading cycles, invitations and reports.
import type { Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { AnnualReportsCycleTable, AnnualReportsReportTable, AnnualReportsTables } from './tables.ts'

type AnnualReportsDb = Kysely<CoreTables & AnnualReportsTables>
export const adb = (db: Db): AnnualReportsDb => db.withTables<AnnualReportsTables>()

export type Cycle = Selectable<AnnualReportsCycleTable>
export type Report = Selectable<AnnualReportsReportTable>

const deadlineText = (c: Cycle): Cycle => ({ ...c, deadline: String(c.deadline).slice(0, 10) })

export async function listCycles(db: Db): Promise<Cycle[]> {
  return (await adb(db).selectFrom('annualReportsCycle').selectAll().orderBy('year', 'desc').execute()).map(
    deadlineText,
  )
}

export async function findCycle(db: Db, year: number): Promise<Cycle | undefined> {
  const row = await adb(db).selectFrom('annualReportsCycle').selectAll().where('year', '=', year).executeTakeFirst()
  return row ? deadlineText(row) : undefined
}

/** Every cycle with how many organizations it invited and how many reports it published, in one query. */
export async function listCyclesWithCounts(db: Db): Promise<(Cycle & { invited: number; published: number })[]> {
  const rows = await adb(db)
    .selectFrom('annualReportsCycle as c')
    .selectAll('c')
    .select((eb) => [
      eb
        .selectFrom('annualReportsInvitation as i')
        .whereRef('i.cycleId', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('invited'),
      eb
        .selectFrom('annualReportsReport as r')
        .whereRef('r.cycleId', '=', 'c.id')
        .where('r.version', '>', 0)
        .select(eb.fn.countAll<number>().as('n'))
        .as('published'),
    ])
    .orderBy('c.year', 'desc')
    .execute()
  return rows.map((r) => ({ ...deadlineText(r), invited: Number(r.invited), published: Number(r.published) }))
}

export async function invitationsOf(db: Db, cycleId: number) {
  return adb(db)
    .selectFrom('annualReportsInvitation')
    .selectAll()
    .where('cycleId', '=', cycleId)
    .orderBy('organizationId')
    .execute()
}

export async function reportsOf(db: Db, cycleId: number): Promise<Report[]> {
  return adb(db)
    .selectFrom('annualReportsReport')
    .selectAll()
    .where('cycleId', '=', cycleId)
    .orderBy('organizationId')
    .execute()
}

export async function findReport(
  db: Db,
  cycleId: number,
  organizationId: number,
  options: { forUpdate?: boolean } = {},
) {
  let query = adb(db)
    .selectFrom('annualReportsReport')
    .selectAll()
    .where('cycleId', '=', cycleId)
    .where('organizationId', '=', organizationId)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function findReportById(db: Db, id: number) {
  return adb(db).selectFrom('annualReportsReport').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function versionsOf(db: Db, reportId: number) {
  return adb(db)
    .selectFrom('annualReportsVersion')
    .selectAll()
    .where('reportId', '=', reportId)
    .orderBy('number')
    .execute()
}

/** Published reports, newest cycle first, for the API and the open data. */
export async function publishedReports(db: Db, year?: number) {
  let query = adb(db)
    .selectFrom('annualReportsReport as r')
    .innerJoin('annualReportsCycle as c', 'c.id', 'r.cycleId')
    .select(['r.id', 'r.organizationId', 'r.version', 'r.published', 'r.publishedAt', 'r.illustrative', 'c.year'])
    .where('r.version', '>', 0)
    .orderBy('c.year', 'desc')
    .orderBy('r.organizationId')
  if (year) query = query.where('c.year', '=', year)
  return query.execute()
}

/**
 * Every cycle with the organizations it invited and, for each report submitted, when it was first
 * submitted and what it published: what the scorecard reads (timeliness, regions, self-reports).
 */
export async function reportingRecord(db: Db) {
  const a = adb(db)
  const [cycles, invitations, reports] = await Promise.all([
    listCycles(db),
    a.selectFrom('annualReportsInvitation').select(['cycleId', 'organizationId']).execute(),
    a
      .selectFrom('annualReportsReport as r')
      .innerJoin('annualReportsVersion as v', (join) => join.onRef('v.reportId', '=', 'r.id').on('v.number', '=', 1))
      .select(['r.cycleId', 'r.organizationId', 'r.published', 'v.submittedAt'])
      .where('r.version', '>', 0)
      .execute(),
  ])
  return cycles.map((cycle) => ({
    year: cycle.year,
    deadline: cycle.deadline,
    invited: invitations.filter((i) => i.cycleId === cycle.id).map((i) => i.organizationId),
    reports: reports
      .filter((r) => r.cycleId === cycle.id)
      .map((r) => ({ organizationId: r.organizationId, firstSubmittedAt: r.submittedAt, content: r.published ?? {} })),
  }))
}
