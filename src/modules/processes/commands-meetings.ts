// State changes of a process's meetings (schedule, outcome, attendance), its documents and the
// report's transmission. Each authorizes, writes in one transaction and leaves an audit entry.
import { sql } from 'kysely'
import type { CommandContext } from '../../core/audit/audit.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findBody } from '../bodies/index.ts'
import { audit, isUniqueViolation, managedProcess, memberTargetProblem } from './command-kit.ts'
import { findMeeting, pdb } from './queries.ts'
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
      const row = await pdb(trx)
        .insertInto('processesMeeting')
        .values({
          processId,
          number: input.number,
          title: input.title,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          timeZone: input.timeZone ?? 'UTC',
          venue: input.venue ?? null,
          remoteUrl: input.remoteUrl ?? null,
          interpretationLanguages: input.interpretationLanguages ?? [],
          liveCaptioning: input.liveCaptioning ?? false,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (input.agenda?.length) {
        await pdb(trx)
          .insertInto('processesAgendaItem')
          .values(
            input.agenda.map((item, i) => ({
              meetingId: row.id,
              position: i + 1,
              title: item.title,
              description: item.description ?? '',
              documentIds: item.documentIds ?? [],
              links: jsonb(item.links ?? []),
            })),
          )
          .execute()
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
    await pdb(trx)
      .updateTable('processesMeeting')
      .set({
        ...(input.outcomeSummary !== undefined ? { outcomeSummary: input.outcomeSummary } : {}),
        ...(input.transcript !== undefined ? { transcript: input.transcript } : {}),
        updatedAt: ctx.now,
      })
      .where('id', '=', meetingId)
      .execute()
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
      await pdb(trx)
        .insertInto('processesAttendance')
        .values({
          meetingId,
          memberStateIso3: entry.memberStateIso3?.toUpperCase() ?? null,
          organizationId: entry.organizationId ?? null,
          mode: entry.mode,
        })
        .onConflict((oc) =>
          oc
            .expression(sql`meeting_id, coalesce(member_state_iso3, ''), coalesce(organization_id, 0)` as never)
            .doUpdateSet({ mode: entry.mode }),
        )
        .execute()
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
    // a corrigendum is the one document a concluded process still takes, from the Secretariat
    const process = await managedProcess(trx, ctx, processId, input.kind === 'corrigendum' ? 'corrigendum' : 'document')
    if (!process.ok) return process
    if (input.meetingId) {
      const meeting = await findMeeting(trx, input.meetingId)
      if (meeting?.processId !== processId) return invalid([{ path: 'meetingId', code: 'processes.unknownMeeting' }])
    }
    const row = await pdb(trx)
      .insertInto('processesDocument')
      .values({
        processId,
        meetingId: input.meetingId ?? null,
        kind: input.kind,
        symbol: input.symbol ?? null,
        title: input.title,
        url: input.url ?? null,
        language: input.language ?? 'en',
        issuedOn: input.issuedOn,
        createdAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
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
    const row = await pdb(trx)
      .insertInto('processesTransmission')
      .values({ processId, ...input, documentSymbol: input.documentSymbol ?? null, createdAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, 'process.report_transmitted', 'process', processId, { ...input })
    return ok(row)
  })
}
