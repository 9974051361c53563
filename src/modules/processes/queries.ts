// SQL for processes, calls, meetings and documents (bodies are the bodies module's).
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { Call } from './rules/calls.ts'
import type { PhaseKind, ProcessesTables, ProcessState } from './tables.ts'

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

export const callColumns = [
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

/** Every call of every process, for the open data (questions left out). */
export async function allCalls(db: Db): Promise<Omit<Call, 'questionIds' | 'createdAt'>[]> {
  return pdb(db)
    .selectFrom('processesCall')
    .select([
      'id',
      'processId',
      'title',
      'opensAt',
      'closesAt',
      'extendedUntil',
      'eligibility',
      'languages',
      'moderation',
    ])
    .orderBy('id')
    .execute()
}

export async function findCall(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<Call | undefined> {
  const query = pdb(db).selectFrom('processesCall').select(callColumns).where('id', '=', id)
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst()
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

export {
  type AgendaItem,
  type Attendance,
  agendaOf,
  attendanceOf,
  countMeetings,
  type DelegationRow,
  delegationsAt,
  documentsOf,
  findMeeting,
  type Meeting,
  meetingsOf,
  type ProcessDocument,
} from './queries-meetings.ts'
