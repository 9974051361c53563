// SQL for a process's meetings (agenda, attendance) and documents.
import type { Db } from '../../core/db/database.ts'
import { pdb } from './queries.ts'
import type { AgendaLink, AttendanceMode, DocumentKind } from './tables.ts'

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

/** How many meetings the bodies have held or planned (the home page's figure). */
export async function countMeetings(db: Db): Promise<number> {
  const row = await pdb(db)
    .selectFrom('processesMeeting')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface DelegationRow {
  meetingId: number
  attendanceId: number
  memberStateIso3: string | null
  organizationId: number | null
  mode: AttendanceMode
  people: { name: string; function: string | null; mode: AttendanceMode }[]
}

/** The delegations recorded at these meetings, each with its representatives in the order recorded. */
export async function delegationsAt(db: Db, meetingIds: number[]): Promise<DelegationRow[]> {
  if (meetingIds.length === 0) return []
  const rows = await pdb(db)
    .selectFrom('processesAttendance')
    .select(['id', 'meetingId', 'memberStateIso3', 'organizationId', 'mode'])
    .where('meetingId', 'in', meetingIds)
    .orderBy('id')
    .execute()
  const people = rows.length
    ? await pdb(db)
        .selectFrom('processesAttendee')
        .select(['attendanceId', 'name', 'function', 'mode'])
        .where(
          'attendanceId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : []
  return rows.map((r) => ({
    meetingId: r.meetingId,
    attendanceId: r.id,
    memberStateIso3: r.memberStateIso3,
    organizationId: r.organizationId,
    mode: r.mode,
    people: people
      .filter((p) => p.attendanceId === r.id)
      .map(({ name, function: fn, mode }) => ({ name, function: fn, mode })),
  }))
}
