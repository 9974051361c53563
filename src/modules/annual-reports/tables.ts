// Kysely types of the annual-reports tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { ReportContent } from './rules/report.ts'

export interface AnnualReportsCycleTable {
  id: Generated<number>
  year: number
  deadline: string
  openedBy: number | null
  openedAt: CreatedAt
  illustrative: Generated<boolean>
}

export interface AnnualReportsInvitationTable {
  cycleId: number
  organizationId: number
  invitedAt: CreatedAt
  lastRemindedAt: Date | null
}

export interface AnnualReportsReportTable {
  id: Generated<number>
  cycleId: number
  organizationId: number
  draft: ReportContent
  draftSavedAt: Date | null
  draftSavedBy: number | null
  version: Generated<number>
  published: ReportContent | null
  publishedAt: Date | null
  illustrative: Generated<boolean>
  createdAt: CreatedAt
}

export interface AnnualReportsVersionTable {
  reportId: number
  number: number
  content: ReportContent
  submittedBy: number | null
  submittedAt: Date
  /** submitted by the Secretariat on the organization's behalf, not by its representative */
  keyedInBySecretariat: Generated<boolean>
}

export type AnnualReportsTables = {
  annualReportsCycle: AnnualReportsCycleTable
  annualReportsInvitation: AnnualReportsInvitationTable
  annualReportsReport: AnnualReportsReportTable
  annualReportsVersion: AnnualReportsVersionTable
}
