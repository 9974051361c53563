// State changes of processes. Each one authorizes, writes in one transaction and
// leaves an entry in the audit log.
import { sql } from 'kysely'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState, findOrganizationById } from '../actors/index.ts'
import { findBody } from '../bodies/index.ts'
import { findCall, findMeeting, findProcess, guidingQuestions, pdb } from './queries.ts'
import type { Call } from './rules/calls.ts'
import { extensionProblem } from './rules/calls.ts'
import { nextState, type ProcessWrite, type StateCommand } from './rules/lifecycle.ts'
import type {
  AttendanceInput,
  CallInput,
  DocumentInput,
  MeetingInput,
  MeetingRecordInput,
  ProcessInput,
  TransmissionInput,
} from './schemas.ts'
import { processTakes } from './writes.ts'

const audit = (trx: Db, ctx: CommandContext, action: string, subjectType: string, subjectId: number, payload = {}) =>
  recordAudit(trx, {
    ...auditedBy(ctx),
    action,
    subjectType,
    subjectId,
    payload,
  })

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505'
}

async function memberTargetProblem(
  db: Db,
  input: { memberStateIso3?: string | undefined; organizationId?: number | undefined },
) {
  if (Boolean(input.memberStateIso3) === Boolean(input.organizationId)) {
    return invalid([{ path: 'memberStateIso3', code: 'processes.stateOrOrganization' }])
  }
  if (input.memberStateIso3 && !(await findMemberState(db, input.memberStateIso3.toUpperCase()))) {
    return invalid([{ path: 'memberStateIso3', code: 'actors.unknownMemberState' }])
  }
  if (input.organizationId && !(await findOrganizationById(db, input.organizationId))) {
    return invalid([{ path: 'organizationId', code: 'processes.unknownOrganization' }])
  }
  return null
}

export async function createProcess(db: Db, ctx: CommandContext, input: ProcessInput): Promise<Result<{ id: number }>> {
  const body = await findBody(db, input.bodyId)
  if (!body) return invalid([{ path: 'bodyId', code: 'processes.unknownBody' }])
  const allowed = authorize(ctx.actor, 'process.manage', { bodyId: body.id })
  if (!allowed.ok) return allowed
  const issues = (input.phases ?? []).flatMap((p, i) =>
    p.endsOn < p.startsOn ? [{ path: `phases.${i}.endsOn`, code: 'processes.endsBeforeStart' }] : [],
  )
  if (new Set((input.phases ?? []).map((p) => p.kind)).size !== (input.phases ?? []).length) {
    issues.push({ path: 'phases', code: 'processes.phaseTwice' })
  }
  if (issues.length) return invalid(issues)
  try {
    return await inTransaction(db, async (trx) => {
      const row = await pdb(trx)
        .insertInto('processesProcess')
        .values({
          bodyId: body.id,
          slug: input.slug,
          title: input.title,
          description: input.description ?? '',
          objectives: input.objectives ?? '',
          mandateSymbol: input.mandateSymbol,
          mandateParagraph: input.mandateParagraph ?? null,
          mandateText: input.mandateText ?? '',
          recurrence: input.recurrence ?? 'none',
          cycleYear: input.cycleYear ?? null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const questions = input.questions ?? []
      if (questions.length) {
        await pdb(trx)
          .insertInto('processesGuidingQuestion')
          .values(questions.map((text, i) => ({ processId: row.id, position: i + 1, text })))
          .execute()
      }
      if (input.phases?.length) {
        await pdb(trx)
          .insertInto('processesPhase')
          .values(input.phases.map((p) => ({ processId: row.id, ...p })))
          .execute()
      }
      await audit(trx, ctx, 'process.created', 'process', row.id, {
        bodyId: body.id,
        title: input.title,
        mandate: `${input.mandateSymbol}${input.mandateParagraph ? ` para ${input.mandateParagraph}` : ''}`,
        questions,
        phases: input.phases ?? [],
      })
      return ok(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('process_slug_taken')
    throw error
  }
}

/**
 * The process, when the actor may run it and it takes `write` now: not found, forbidden, or 409
 * `process_concluded`. Inside a transaction the process stays locked against concluding until
 * the write commits.
 */
async function managedProcess(db: Db, ctx: CommandContext, processId: number, write: ProcessWrite) {
  const process = await findProcess(db, processId)
  if (!process) return notFound('process_not_found')
  const allowed = authorize(ctx.actor, 'process.manage', { bodyId: process.bodyId })
  if (!allowed.ok) return allowed
  return processTakes(db, ctx, processId, write)
}

/**
 * Starts, concludes or reopens a process (rules/lifecycle.ts). Reopening a concluded process needs
 * a reason; the database records every change of state with who made it and why
 * (processes_state_change), and the audit log has it too.
 */
export async function changeProcessState(
  db: Db,
  ctx: CommandContext,
  processId: number,
  command: StateCommand,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const process = await findProcess(trx, processId, { lock: 'update' })
    if (!process) return notFound('process_not_found')
    const allowed = authorize(ctx.actor, 'process.manage', { bodyId: process.bodyId })
    if (!allowed.ok) return allowed
    const next = nextState(process.state, command)
    if (!next.ok) return next
    const reason = next.value.reopened && command.to === 'active' ? (command.reason?.trim() ?? null) : null
    await pdb(trx)
      .updateTable('processesProcess')
      .set({
        state: next.value.state,
        stateReason: reason,
        stateChangedBy: accountIdOf(ctx.actor),
        stateChangedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where('id', '=', processId)
      .execute()
    await audit(trx, ctx, next.value.reopened ? 'process.reopened' : 'process.state_changed', 'process', processId, {
      from: process.state,
      to: next.value.state,
      ...(reason ? { reason } : {}),
    })
    return ok(undefined)
  })
}

export async function openCall(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: CallInput,
): Promise<Result<Call>> {
  return inTransaction(db, async (trx) => {
    const process = await managedProcess(trx, ctx, processId, 'call')
    if (!process.ok) return process
    const known = new Set((await guidingQuestions(trx, processId)).map((q) => q.id))
    const unknown = input.questionIds.filter((id) => !known.has(id))
    if (unknown.length) return invalid([{ path: 'questionIds', code: 'processes.unknownQuestion' }])
    const call = await pdb(trx)
      .insertInto('processesCall')
      .values({ processId, ...input, questionIds: [...new Set(input.questionIds)] })
      .returning([
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
      ])
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, 'call.opened', 'call', call.id, {
      processId,
      title: input.title,
      opensAt: input.opensAt.toISOString(),
      closesAt: input.closesAt.toISOString(),
      eligibility: input.eligibility,
      moderation: input.moderation,
      languages: input.languages,
    })
    return ok(call)
  })
}

export async function extendCall(db: Db, ctx: CommandContext, callId: number, until: Date): Promise<Result<Call>> {
  return inTransaction(db, async (trx) => {
    const call = await findCall(trx, callId, { forUpdate: true })
    if (!call) return notFound('call_not_found')
    const process = await findProcess(trx, call.processId)
    if (!process) return notFound('process_not_found')
    const allowed = authorize(ctx.actor, 'call.extend', { bodyId: process.bodyId })
    if (!allowed.ok) return allowed
    const open = await processTakes(trx, ctx, process.id, 'call_extension')
    if (!open.ok) return open
    const problem = extensionProblem(call, until, ctx.now)
    if (problem) return invalid([{ path: 'until', code: problem }])
    await pdb(trx).updateTable('processesCall').set({ extendedUntil: until }).where('id', '=', callId).execute()
    await audit(trx, ctx, 'call.extended', 'call', callId, {
      processId: call.processId,
      from: (call.extendedUntil ?? call.closesAt).toISOString(),
      until: until.toISOString(),
    })
    return ok({ ...call, extendedUntil: until })
  })
}

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
