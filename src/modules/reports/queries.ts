// SQL for the report's issue (symbol, distribution, date ...), the attribution of divergent views
// and the follow-up of recommendations: the only code that touches the reports tables.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { DivergentChoice } from './rules/attribution.ts'
import type { ReportsFollowUpTable, ReportsIssueTable, ReportsTables } from './tables.ts'

type ReportsDb = Kysely<CoreTables & ReportsTables>
export const rdb = (db: Db): ReportsDb => db.withTables<ReportsTables>()

export type ReportIssue = {
  [K in keyof ReportsIssueTable]: K extends 'agendaItem' | 'session'
    ? string
    : K extends 'updatedAt'
      ? Date
      : ReportsIssueTable[K]
}

export interface FollowUp {
  id: number
  processId: number
  paragraphId: number
  year: number
  status: ReportsFollowUpTable['status']
  sourceKind: ReportsFollowUpTable['sourceKind']
  sourceReference: string
  annualReportId: number | null
  note: string
  recordedAt: Date
}

/** The report's issue as the Secretariat set it, or undefined while it is not set. */
export async function findIssue(
  db: Db,
  processId: number,
  options: { forUpdate?: boolean } = {},
): Promise<ReportIssue | undefined> {
  const query = rdb(db).selectFrom('reportsIssue').selectAll().where('processId', '=', processId)
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

/** The process whose report carries this symbol, if any. */
export async function processWithSymbol(db: Db, symbol: string): Promise<number | undefined> {
  const row = await rdb(db)
    .selectFrom('reportsIssue')
    .select('processId')
    .where('symbol', '=', symbol)
    .executeTakeFirst()
  return row?.processId
}

/** How each divergent view of the report is attributed, by paragraph id. */
export async function divergentChoices(db: Db, processId: number): Promise<Map<number, DivergentChoice>> {
  const rows = await rdb(db)
    .selectFrom('reportsDivergentView')
    .select(['paragraphId', 'attribution', 'memberStates'])
    .where('processId', '=', processId)
    .execute()
  return new Map(rows.map((r) => [r.paragraphId, { attribution: r.attribution, memberStates: r.memberStates }]))
}

const followUpColumns = [
  'id',
  'processId',
  'paragraphId',
  'year',
  'status',
  'sourceKind',
  'sourceReference',
  'annualReportId',
  'note',
  'recordedAt',
] as const

/** Every follow-up record of a process's recommendations, oldest first. */
export async function followUpsOf(db: Db, processId: number): Promise<FollowUp[]> {
  return rdb(db)
    .selectFrom('reportsFollowUp')
    .select(followUpColumns)
    .where('processId', '=', processId)
    .orderBy('recordedAt')
    .orderBy('id')
    .execute()
}

/** The follow-up records a year's synthesis reads: every process's, for that year. */
export async function followUpsOfYear(db: Db, year: number): Promise<FollowUp[]> {
  return rdb(db)
    .selectFrom('reportsFollowUp')
    .select(followUpColumns)
    .where('year', '=', year)
    .orderBy('recordedAt')
    .orderBy('id')
    .execute()
}

/** What an organization's annual report said it implements. */
export async function followUpsOfAnnualReport(db: Db, annualReportId: number): Promise<FollowUp[]> {
  return rdb(db)
    .selectFrom('reportsFollowUp')
    .select(followUpColumns)
    .where('annualReportId', '=', annualReportId)
    .orderBy('id')
    .execute()
}

/** The processes whose report has been issued, newest first. */
export async function issuedProcessIds(db: Db): Promise<number[]> {
  const rows = await rdb(db).selectFrom('reportsIssue').select('processId').orderBy('issuedOn', 'desc').execute()
  return rows.map((r) => r.processId)
}
