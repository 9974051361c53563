// Creating processes, changing their state, opening and extending calls: authorize, check, write
// through the queries and audit, in one transaction.
import type { CommandContext } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findBody } from '../bodies/index.ts'
import { audit, isUniqueViolation, managedProcess } from './command-kit.ts'
import { findCall, findProcess, guidingQuestions } from './queries.ts'
import { insertCall, insertProcess, setCallExtension, updateProcessState } from './queries-write.ts'
import type { Call } from './rules/calls.ts'
import { extensionProblem } from './rules/calls.ts'
import { nextState, type StateCommand } from './rules/lifecycle.ts'
import type { CallInput, ProcessInput } from './schemas.ts'
import { processTakes } from './writes.ts'

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
      const row = await insertProcess(trx, body.id, input, ctx.now)
      const questions = input.questions ?? []
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
    await updateProcessState(trx, processId, { state: next.value.state, reason, by: accountIdOf(ctx.actor) }, ctx.now)
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
    const call = await insertCall(trx, processId, input)
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
    await setCallExtension(trx, callId, until)
    await audit(trx, ctx, 'call.extended', 'call', callId, {
      processId: call.processId,
      from: (call.extendedUntil ?? call.closesAt).toISOString(),
      until: until.toISOString(),
    })
    return ok({ ...call, extendedUntil: until })
  })
}

export {
  addDocument,
  recordAttendance,
  recordMeetingOutcome,
  recordTransmission,
  scheduleMeeting,
} from './commands-meetings.ts'
