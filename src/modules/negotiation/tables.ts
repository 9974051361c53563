// Kysely types of the negotiation tables (migrations/). The proposal tables created by the same
// migrations are the proposals module's (src/modules/proposals/tables.ts).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import type { ParagraphStatus, Position } from './rules/consensus.ts'

export const PARAGRAPH_KINDS = ['preambular', 'operative', 'heading', 'narrative'] as const
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number]
export const AMENDMENT_OPERATIONS = [
  'insert_paragraph',
  'delete_paragraph',
  'replace_text',
  'insert_text',
  'delete_text',
  'propose_alternative',
] as const
export type AmendmentOperation = (typeof AMENDMENT_OPERATIONS)[number]
export const AMENDMENT_STATUSES = ['tabled', 'incorporated', 'rejected', 'withdrawn', 'superseded'] as const
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number]
export type StatementKind =
  | 'declaration'
  | 'explanation'
  | 'reservation'
  | 'reopening'
  | 'silence_break'
  | 'silence_outcome'

export interface NegotiationDocumentTable {
  id: Generated<number>
  processId: number
  title: string
  symbol: string | null
  enactingFormula: string | null
  /** the language the text is negotiated in */
  language: Generated<Locale>
  stakeholdersMayTable: Generated<boolean>
  currentRevision: Generated<number>
  createdBy: number | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface NegotiationParagraphTable {
  id: Generated<number>
  documentId: number
  position: number
  parentId: number | null
  kind: ParagraphKind
  label: string | null
  text: string
  status: Generated<ParagraphStatus>
  alternativeGroup: string | null
  alternativeLabel: string | null
  proposalId: number | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface NegotiationAmendmentTable {
  id: Generated<number>
  documentId: number
  paragraphId: number
  operation: AmendmentOperation
  quotedOld: string | null
  newText: string | null
  justification: Generated<string>
  memberStateIso3: string | null
  organizationId: number | null
  tabledBy: number
  baseRevision: number
  status: Generated<AmendmentStatus>
  supersededById: number | null
  createdAt: CreatedAt
  decidedAt: Date | null
  /** the rule its wording digest is made by (rules/wording.ts): 1 for those tabled before 2026-12-11 */
  wordingVersion: Generated<number>
}

export interface NegotiationPositionTable {
  id: Generated<number>
  subjectType: 'paragraph' | 'amendment'
  subjectId: number
  memberStateIso3: string
  position: Position
  note: string | null
  accountId: number
  at: CreatedAt
  /** fingerprint of the text the position was given on (rules/wording.ts) */
  wording: string
}

/** Each State's latest word on a subject (one row per State per subject), kept with each position. */
export interface NegotiationCurrentPositionTable {
  subjectType: 'paragraph' | 'amendment'
  subjectId: number
  memberStateIso3: string
  documentId: number
  positionId: number
  position: Position
  wording: string
  note: string | null
  accountId: number
  at: Date
}

/** One row per subject: its counts on its present wording, kept with each position and text change. */
export interface NegotiationTallyTable {
  subjectType: 'paragraph' | 'amendment'
  subjectId: number
  documentId: number
  wording: string
  support: number
  noObjection: number
  objection: number
  reservation: number
  earlier: number
  objecting: string[]
  reserving: string[]
  earlierObjecting: string[]
}

export interface NegotiationStatementTable {
  id: Generated<number>
  documentId: number
  paragraphId: number | null
  kind: StatementKind
  declaration: 'agreed_ad_ref' | 'adopted' | 'no_consensus' | null
  method: 'consensus' | 'silence_procedure' | null
  memberStateIso3: string | null
  text: Generated<string>
  recordedBy: number | null
  at: CreatedAt
  /** the silence procedure a break or an outcome belongs to */
  silenceId: Generated<number | null>
}

export interface NegotiationCommentTable {
  id: Generated<number>
  documentId: number
  paragraphId: number | null
  amendmentId: number | null
  stakeholderGroup: string
  organizationId: number
  authorAccountId: number
  text: string
  answer: string | null
  answeredBy: number | null
  answeredAt: Date | null
  createdAt: CreatedAt
}

export interface NegotiationRevisionTable {
  id: Generated<number>
  documentId: number
  number: number
  label: string
  snapshot: unknown
  contentHash: string
  changeNote: Generated<string>
  issuedBy: number | null
  issuedAt: CreatedAt
}

export interface NegotiationSilenceTable {
  id: Generated<number>
  documentId: number
  paragraphIds: number[]
  circulatedAt: Date
  deadline: Date
  status: Generated<'pending' | 'adopted' | 'broken'>
  brokenBy: string | null
  brokenAt: Date | null
  note: Generated<string>
  circulatedBy: number | null
}

/** An amendment being written, its author's alone (migrations/20261208-0420). */
export interface NegotiationAmendmentDraftTable {
  paragraphId: number
  accountId: number
  speaker: string
  operation: string
  quotedOld: string
  newText: string
  justification: string
  savedAt: Date
}

export type NegotiationTables = {
  negotiationDocument: NegotiationDocumentTable
  negotiationParagraph: NegotiationParagraphTable
  negotiationAmendment: NegotiationAmendmentTable
  negotiationPosition: NegotiationPositionTable
  negotiationCurrentPosition: NegotiationCurrentPositionTable
  negotiationTally: NegotiationTallyTable
  negotiationStatement: NegotiationStatementTable
  negotiationComment: NegotiationCommentTable
  negotiationRevision: NegotiationRevisionTable
  negotiationSilence: NegotiationSilenceTable
  negotiationAmendmentDraft: NegotiationAmendmentDraftTable
}
