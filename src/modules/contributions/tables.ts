// Kysely types of the contributions tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'

export const SPEAKING_FOR = ['member_state', 'organization', 'self'] as const
export type SpeakingFor = (typeof SPEAKING_FOR)[number]
export const CONTRIBUTION_STATUSES = ['published', 'pending_review', 'withdrawn', 'hidden'] as const
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number]

export interface ContributionsContributionTable {
  id: Generated<number>
  callId: number
  processId: number
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
  authorAccountId: number
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  status: ContributionStatus
  revisionCount: Generated<number>
  answeredQuestionIds: number[]
  createdAt: CreatedAt
  updatedAt: CreatedAt
  publishedAt: Date | null
  withdrawnAt: Date | null
  withdrawalNote: string | null
  hiddenAt: Date | null
  hiddenReason: string | null
  /** the identifier at the source of an imported contribution (unique per call) */
  externalId: Generated<string | null>
  /** where an imported contribution came from: the import, the file and its line or record */
  importId: Generated<number | null>
  sourceFile: Generated<string | null>
  sourceLine: Generated<number | null>
  /** an imported contribution's question and text, on its own row (no revision 1 until revised) */
  importedQuestionId: Generated<number | null>
  importedText: Generated<string | null>
}

/** The view every reader of a contribution's current text goes through (both storage forms). */
export interface ContributionsCurrentAnswerView {
  contributionId: number
  revisionNumber: number
  language: string
  questionId: number
  body: string
}

export interface ContributionsRevisionTable {
  id: Generated<number>
  contributionId: number
  number: number
  language: string
  createdBy: number
  createdAt: CreatedAt
}

export interface ContributionsAnswerTable {
  revisionId: number
  questionId: number
  body: string
}

export interface ContributionsAttachmentTable {
  id: Generated<number>
  contributionId: number
  revisionNumber: number
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  content: Uint8Array
  createdAt: CreatedAt
}

/** Counts of published contributions, kept by a trigger. */
export interface ContributionsTallyTable {
  processId: number
  stakeholderGroup: string
  /** '' for none */
  regionalGroup: string
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  n: number
}

/** What an author typed for a call and has not submitted yet (private to them). */
export interface ContributionsDraftTable {
  id: Generated<number>
  callId: number
  accountId: number
  /** a speaker key (rules/eligibility.ts), '' when none chosen yet */
  speaker: string
  language: string
  /** question id -> text */
  answers: Json<Record<string, string>>
  savedAt: Date
}

/** A contribution published on the platform, until the consultation has assigned it. */
export interface ContributionsArrivalTable {
  contributionId: number
}

export type ContributionsTables = {
  contributionsDraft: ContributionsDraftTable
  contributionsTally: ContributionsTallyTable
  contributionsContribution: ContributionsContributionTable
  contributionsRevision: ContributionsRevisionTable
  contributionsAnswer: ContributionsAnswerTable
  contributionsCurrentAnswer: ContributionsCurrentAnswerView
  contributionsAttachment: ContributionsAttachmentTable
  contributionsArrival: ContributionsArrivalTable
}
