// State changes of a process's meetings (schedule, outcome, attendance), its documents and the
// report's transmission. Each authorizes, writes in one transaction and leaves an audit entry.
import type { CommandContext } from '../../core/audit/audit.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findBody } from '../bodies/index.ts'
import { audit, isUniqueViolation, managedProcess, memberTargetProblem } from './command-kit.ts'
import { findMeeting, findProcess } from './queries.ts'
import { symbolTaken } from './queries-documents.ts'
import {
  insertAgenda,
  insertDocument,
  insertMeeting,
  insertTransmission,
  updateMeetingRecord,
  upsertAttendance,
} from './queries-write-meetings.ts'
import type { AttendanceInput, DocumentInput, MeetingInput, MeetingRecordInput, TransmissionInput } from './schemas.ts'
import { processTakes } from './writes.ts'

export async function scheduleMeeting(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: MeetingInput,
): Promise<Result<{ id: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const process = await managedProcess(trx, ctx, processId, 'meeting')
      if (!process.ok) return process
      const row = await insertMeeting(trx, processId, input, ctx.now)
      if (input.agenda?.length) {
        await insertAgenda(trx, row.id, input.agenda)
      }
      await audit(trx, ctx, 'meeting.scheduled', 'meeting', row.id, {
        processId,
        number: input.number,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        venue: input.venue ?? null,
      })
      return ok(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('meeting_number_taken')
    throw error
  }
}

export async function recordMeetingOutcome(
  db: Db,
  ctx: CommandContext,
  meetingId: number,
  input: MeetingRecordInput,
): Promise<Result<void>> {
  const meeting = await findMeeting(db, meetingId)
  if (!meeting) return notFound('meeting_not_found')
  return inTransaction(db, async (trx) => {
    const process = await managedProcess(trx, ctx, meeting.processId, 'meeting_record')
    if (!process.ok) return process
    await updateMeetingRecord(trx, meetingId, input, ctx.now)
    await audit(trx, ctx, 'meeting.outcome_recorded', 'meeting', meetingId, {
      processId: meeting.processId,
      outcomeSummary: input.outcomeSummary ?? null,
      transcriptLength: input.transcript?.length ?? null,
    })
    return ok(undefined)
  })
}

export async function recordAttendance(
  db: Db,
  ctx: CommandContext,
  meetingId: number,
  input: AttendanceInput,
): Promise<Result<void>> {
  const meeting = await findMeeting(db, meetingId)
  if (!meeting) return notFound('meeting_not_found')
  const process = await managedProcess(db, ctx, meeting.processId, 'attendance')
  if (!process.ok) return process
  for (const [i, entry] of input.entries.entries()) {
    const problem = await memberTargetProblem(db, entry)
    if (problem && !problem.ok) {
      const first = problem.error.type === 'invalid' ? problem.error.issues[0] : undefined
      return invalid([{ path: `entries.${i}`, code: first?.code ?? 'validation.invalid' }])
    }
  }
  return inTransaction(db, async (trx) => {
    const open = await processTakes(trx, ctx, meeting.processId, 'attendance')
    if (!open.ok) return open
    for (const entry of input.entries) {
      await upsertAttendance(trx, meetingId, entry)
    }
    await audit(trx, ctx, 'meeting.attendance_recorded', 'meeting', meetingId, {
      processId: meeting.processId,
      entries: input.entries,
    })
    return ok(undefined)
  })
}

export async function addDocument(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: DocumentInput,
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    // documents with a symbol take turns per process (held before any other lock on it), so a
    // double submit, or a report transmitted twice, finds the first one's symbol
    if (input.symbol) await findProcess(trx, processId, { lock: 'update' })
    // a corrigendum is the one document a concluded process still takes, from the Secretariat
    const process = await managedProcess(trx, ctx, processId, input.kind === 'corrigendum' ? 'corrigendum' : 'document')
    if (!process.ok) return process
    if (input.symbol && (await symbolTaken(trx, processId, input.symbol)))
      return invalid([{ path: 'symbol', code: 'processes.documents.symbolTaken', values: { symbol: input.symbol } }])
    if (input.meetingId) {
      const meeting = await findMeeting(trx, input.meetingId)
      if (meeting?.processId !== processId) return invalid([{ path: 'meetingId', code: 'processes.unknownMeeting' }])
    }
    const row = await insertDocument(trx, processId, input, ctx.now)
    await audit(trx, ctx, 'document.issued', 'document', row.id, { processId, ...input })
    return ok(row)
  })
}

export async function recordTransmission(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: TransmissionInput,
): Promise<Result<{ id: number }>> {
  // the report goes up the chain once the body has concluded: a concluded process takes this
  const process = await managedProcess(db, ctx, processId, 'transmission')
  if (!process.ok) return process
  if (!(await findBody(db, input.toBodyId))) return invalid([{ path: 'toBodyId', code: 'processes.unknownBody' }])
  return inTransaction(db, async (trx) => {
    const row = await insertTransmission(trx, processId, input, ctx.now)
    await audit(trx, ctx, 'process.report_transmitted', 'process', processId, { ...input })
    return ok(row)
  })
}
