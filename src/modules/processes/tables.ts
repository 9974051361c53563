// Kysely types of the processes tables (migrations/). The body tables that the first migration
// created belong to the bodies module (renamed bodies_* by its migration 20261207-0230).
import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'

export const PHASE_KINDS = [
  'call_for_contributions',
  'synthesis',
  'proposals',
  'negotiation',
  'adoption',
  'reporting',
] as const
export type PhaseKind = (typeof PHASE_KINDS)[number]
export const PROCESS_STATES = ['planned', 'active', 'concluded'] as const
export type ProcessState = (typeof PROCESS_STATES)[number]
export const ELIGIBILITIES = ['members', 'accredited_stakeholders', 'everyone'] as const
export type Eligibility = (typeof ELIGIBILITIES)[number]
export const MODERATIONS = ['immediate', 'after_review'] as const
export type Moderation = (typeof MODERATIONS)[number]
export const DOCUMENT_KINDS = [
  'agenda',
  'background',
  'compilation',
  'synthesis',
  'report',
  'statement',
  'corrigendum',
  'other',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]
export const ATTENDANCE_MODES = ['in_person', 'remote'] as const
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number]

export interface ProcessesProcessTable {
  id: Generated<number>
  /** set once: a process never changes body (the counts kept per body rely on it; the database refuses it too) */
  bodyId: ColumnType<number, number, never>
  slug: string
  title: string
  description: Generated<string>
  objectives: Generated<string>
  mandateSymbol: string
  mandateParagraph: string | null
  mandateText: Generated<string>
  state: Generated<ProcessState>
  recurrence: Generated<'none' | 'annual'>
  cycleYear: number | null
  previousProcessId: number | null
  /** the reason given for the last reopening (cleared by the database on any other change of state) */
  stateReason: string | null
  stateChangedBy: number | null
  stateChangedAt: Date | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

/** Every change of a process's state, written by the database (migration 20261205-0600). */
export interface ProcessesStateChangeTable {
  id: Generated<number>
  processId: number
  fromState: ProcessState
  toState: ProcessState
  reason: string | null
  changedBy: number | null
  changedAt: Date
}

export interface ProcessesGuidingQuestionTable {
  id: Generated<number>
  processId: number
  position: number
  text: string
}

export interface ProcessesPhaseTable {
  id: Generated<number>
  processId: number
  kind: PhaseKind
  startsOn: string
  endsOn: string
}

export interface ProcessesCallTable {
  id: Generated<number>
  processId: number
  title: string
  opensAt: Date
  closesAt: Date
  extendedUntil: Date | null
  eligibility: Eligibility
  languages: string[]
  moderation: Moderation
  questionIds: number[]
  createdAt: CreatedAt
}

export interface ProcessesMeetingTable {
  id: Generated<number>
  processId: number
  number: number
  title: string
  startsAt: Date
  endsAt: Date
  timeZone: Generated<string>
  venue: string | null
  remoteUrl: string | null
  interpretationLanguages: string[]
  liveCaptioning: Generated<boolean>
  outcomeSummary: Generated<string>
  transcript: Generated<string>
  /** iCalendar SEQUENCE: raised by a trigger when what a calendar shows changes */
  sequence: Generated<number>
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface ProcessesDocumentTable {
  id: Generated<number>
  processId: number
  meetingId: number | null
  kind: DocumentKind
  symbol: string | null
  title: string
  url: string | null
  language: Generated<string>
  issuedOn: string
  /** the agenda item of its meeting it serves */
  agendaItemId: number | null
  createdAt: CreatedAt
}

export interface ProcessesDocumentVersionTable {
  id: Generated<number>
  documentId: number
  language: string
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  content: Uint8Array
  uploadedBy: number | null
  createdAt: CreatedAt
}

export interface AgendaLink {
  label: string
  href: string
}

export interface ProcessesAgendaItemTable {
  id: Generated<number>
  meetingId: number
  position: number
  title: string
  description: Generated<string>
  documentIds: number[]
  links: Json<AgendaLink[]>
}

export interface ProcessesAttendanceTable {
  id: Generated<number>
  meetingId: number
  memberStateIso3: string | null
  organizationId: number | null
  mode: AttendanceMode
}

export interface ProcessesAttendeeTable {
  id: Generated<number>
  attendanceId: number
  name: string
  function: string | null
  mode: AttendanceMode
  createdAt: CreatedAt
}

export interface ProcessesTransmissionTable {
  id: Generated<number>
  processId: number
  toBodyId: number
  occasion: string
  transmittedOn: string
  documentSymbol: string | null
  createdAt: CreatedAt
}

export type ProcessesTables = {
  processesProcess: ProcessesProcessTable
  processesStateChange: ProcessesStateChangeTable
  processesGuidingQuestion: ProcessesGuidingQuestionTable
  processesPhase: ProcessesPhaseTable
  processesCall: ProcessesCallTable
  processesMeeting: ProcessesMeetingTable
  processesDocument: ProcessesDocumentTable
  processesDocumentVersion: ProcessesDocumentVersionTable
  processesAgendaItem: ProcessesAgendaItemTable
  processesAttendance: ProcessesAttendanceTable
  processesAttendee: ProcessesAttendeeTable
  processesTransmission: ProcessesTransmissionTable
}
