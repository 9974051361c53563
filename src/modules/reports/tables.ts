// Kysely types of the reports tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import type { Attribution } from './rules/attribution.ts'
import type { FollowUpSource, FollowUpStatus } from './rules/follow-up.ts'

export const DISTRIBUTIONS = ['general', 'limited', 'restricted'] as const
export type Distribution = (typeof DISTRIBUTIONS)[number]

export interface ReportsIssueTable {
  processId: number
  documentId: number
  revision: number | null
  symbol: string
  distribution: Distribution
  /** yyyy-mm-dd */
  issuedOn: string
  originalLanguage: Locale
  agendaItem: Generated<string>
  session: Generated<string>
  updatedBy: number | null
  updatedAt: CreatedAt
}

export interface ReportsDivergentViewTable {
  processId: number
  paragraphId: number
  attribution: Attribution
  memberStates: Generated<string[]>
  updatedBy: number | null
  updatedAt: CreatedAt
}

export interface ReportsFollowUpTable {
  id: Generated<number>
  processId: number
  paragraphId: number
  year: number
  status: FollowUpStatus
  sourceKind: FollowUpSource
  sourceReference: string
  annualReportId: number | null
  note: Generated<string>
  recordedBy: number | null
  recordedAt: CreatedAt
}

export type ReportsTables = {
  reportsIssue: ReportsIssueTable
  reportsDivergentView: ReportsDivergentViewTable
  reportsFollowUp: ReportsFollowUpTable
}
