// SQL for processes, calls, meetings and documents (bodies are the bodies module's).
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { Call } from './rules/calls.ts'
import type { AgendaLink, AttendanceMode, DocumentKind, PhaseKind, ProcessesTables, ProcessState } from './tables.ts'

type ProcessesDb = Kysely<CoreTables & ProcessesTables>
export const pdb = (db: Db): ProcessesDb => db.withTables<ProcessesTables>()

export interface Process {
  id: number
  bodyId: number
  slug: string
  title: string
  description: string
  objectives: string
  mandateSymbol: string
  mandateParagraph: string | null
  mandateText: string
  state: ProcessState
  recurrence: 'none' | 'annual'
  cycleYear: number | null
  previousProcessId: number | null
  createdAt: Date
  updatedAt: Date
}

export interface GuidingQuestion {
  id: number
  processId: number
  position: number
  text: string
}

export interface PhaseRow {
  id: number
  kind: PhaseKind
  startsOn: string
  endsOn: string
}

export interface Meeting {
  id: number
  processId: number
  number: number
  title: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  venue: string | null
  remoteUrl: string | null
  interpretationLanguages: string[]
  liveCaptioning: boolean
  outcomeSummary: string
  transcript: string
  /** the event's revision for calendars (iCalendar SEQUENCE) */
  sequence: number
  updatedAt: Date
}

export interface ProcessDocument {
  id: number
  processId: number
  meetingId: number | null
  kind: DocumentKind
  symbol: string | null
  title: string
  url: string | null
  language: string
  issuedOn: string
  createdAt: Date
}

export interface AgendaItem {
  id: number
  position: number
  title: string
  description: string
  documentIds: number[]
  links: AgendaLink[]
}

export interface Attendance {
  memberStateIso3: string | null
  organizationId: number | null
  mode: AttendanceMode
}

export interface Transmission {
  id: number
  toBodyId: number
  occasion: string
  transmittedOn: string
  documentSymbol: string | null
}

const processColumns = [
  'id',
  'bodyId',
  'slug',
  'title',
  'description',
  'objectives',
  'mandateSymbol',
  'mandateParagraph',
  'mandateText',
  'state',
  'recurrence',
  'cycleYear',
  'previousProcessId',
  'createdAt',
  'updatedAt',
] as const

const callColumns = [
  'id',
  'processId',
  'title',
  'opensAt',
  'closesAt',
  'extendedUntil',
  'eligibility',
  'languages',
  'moderation',
  'questionIds',
  'createdAt',
] as const

const meetingColumns = [
  'id',
  'processId',
  'number',
  'title',
  'startsAt',
  'endsAt',
  'timeZone',
  'venue',
  'remoteUrl',
  'interpretationLanguages',
  'liveCaptioning',
  'outcomeSummary',
  'transcript',
  'sequence',
  'updatedAt',
] as const

const documentColumns = [
  'id',
  'processId',
  'meetingId',
  'kind',
  'symbol',
  'title',
  'url',
  'language',
  'issuedOn',
  'createdAt',
] as const

export async function listProcesses(
  db: Db,
  filter: { bodyId?: number | undefined; state?: ProcessState | undefined } = {},
): Promise<Process[]> {
  let query = pdb(db).selectFrom('processesProcess').select(processColumns)
  if (filter.bodyId) query = query.where('bodyId', '=', filter.bodyId)
  if (filter.state) query = query.where('state', '=', filter.state)
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute()
}

export async function findProcess(
  db: Db,
  id: number,
  options: { lock?: 'share' | 'update' } = {},
): Promise<Process | undefined> {
  const query = pdb(db).selectFrom('processesProcess').select(processColumns).where('id', '=', id)
  // a writer holds the row (share) so the process cannot conclude before the write commits
  if (options.lock === 'share') return query.forShare().executeTakeFirst()
  if (options.lock === 'update') return query.forUpdate().executeTakeFirst()
  return query.executeTakeFirst()
}

export interface StateChange {
  id: number
  fromState: ProcessState
  toState: ProcessState
  reason: string | null
  changedBy: number | null
  changedByName: string | null
  changedAt: Date
}

/** The record of a process's changes of state, oldest first, with who made each one. */
export async function stateChangesOf(db: Db, processId: number): Promise<StateChange[]> {
  return pdb(db)
    .selectFrom('processesStateChange as s')
    .leftJoin('authAccount as a', 'a.id', 's.changedBy')
    .select([
      's.id',
      's.fromState',
      's.toState',
      's.reason',
      's.changedBy',
      'a.displayName as changedByName',
      's.changedAt',
    ])
    .where('s.processId', '=', processId)
    .orderBy('s.id')
    .execute()
}

export async function guidingQuestions(db: Db, processId: number): Promise<GuidingQuestion[]> {
  return pdb(db)
    .selectFrom('processesGuidingQuestion')
    .select(['id', 'processId', 'position', 'text'])
    .where('processId', '=', processId)
    .orderBy('position')
    .execute()
}

export async function phasesOf(db: Db, processId: number): Promise<PhaseRow[]> {
  return pdb(db)
    .selectFrom('processesPhase')
    .select(['id', 'kind', 'startsOn', 'endsOn'])
    .where('processId', '=', processId)
    .orderBy('startsOn')
    .execute()
}

export async function callsOf(db: Db, processId: number): Promise<Call[]> {
  return pdb(db)
    .selectFrom('processesCall')
    .select(callColumns)
    .where('processId', '=', processId)
    .orderBy('opensAt', 'desc')
    .execute()
}

export async function findCall(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<Call | undefined> {
  const query = pdb(db).selectFrom('processesCall').select(callColumns).where('id', '=', id)
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

export async function meetingsOf(db: Db, filter: { processId?: number; bodyId?: number }): Promise<Meeting[]> {
  let query = pdb(db)
    .selectFrom('processesMeeting as m')
    .select(meetingColumns.map((c) => `m.${c}` as const))
  if (filter.processId) query = query.where('m.processId', '=', filter.processId)
  if (filter.bodyId) {
    query = query.innerJoin('processesProcess as p', 'p.id', 'm.processId').where('p.bodyId', '=', filter.bodyId)
  }
  return query.orderBy('m.startsAt').execute()
}

export async function findMeeting(db: Db, id: number): Promise<Meeting | undefined> {
  return pdb(db).selectFrom('processesMeeting').select(meetingColumns).where('id', '=', id).executeTakeFirst()
}

export async function agendaOf(db: Db, meetingId: number): Promise<AgendaItem[]> {
  return pdb(db)
    .selectFrom('processesAgendaItem')
    .select(['id', 'position', 'title', 'description', 'documentIds', 'links'])
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .execute()
}

export async function attendanceOf(db: Db, meetingId: number): Promise<Attendance[]> {
  return pdb(db)
    .selectFrom('processesAttendance')
    .select(['memberStateIso3', 'organizationId', 'mode'])
    .where('meetingId', '=', meetingId)
    .orderBy('id')
    .execute()
}

export async function documentsOf(db: Db, processId: number): Promise<ProcessDocument[]> {
  return pdb(db)
    .selectFrom('processesDocument')
    .select(documentColumns)
    .where('processId', '=', processId)
    .orderBy('issuedOn')
    .orderBy('id')
    .execute()
}

export async function transmissionsOf(db: Db, processId: number): Promise<Transmission[]> {
  return pdb(db)
    .selectFrom('processesTransmission')
    .select(['id', 'toBodyId', 'occasion', 'transmittedOn', 'documentSymbol'])
    .where('processId', '=', processId)
    .orderBy('transmittedOn')
    .execute()
}

/** Processes of the given bodies (for followers of a body). */
export async function processIdsOfBodies(db: Db, bodyIds: number[]): Promise<number[]> {
  if (bodyIds.length === 0) return []
  const rows = await pdb(db).selectFrom('processesProcess').select('id').where('bodyId', 'in', bodyIds).execute()
  return rows.map((r) => r.id)
}

/** How many meetings the bodies have held or planned (the home page's figure). */
export async function countMeetings(db: Db): Promise<number> {
  const row = await pdb(db)
    .selectFrom('processesMeeting')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
