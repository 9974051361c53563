// Silence procedures: the Chair circulates paragraphs under silence until a deadline (72 hours at
// least); a State breaks it on the paragraphs it objects to; at the deadline a job adopts each
// paragraph not broken and records each broken one.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { hasBrackets } from '../../core/formats/brackets.ts'
import { enqueueJob } from '../../core/jobs/queue.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { settle } from './commands-consensus.ts'
import { accountOf, documentWithBody, negotiationOpen } from './context.ts'
import { findParagraph, findSilence, paragraphsOf, type Silence } from './queries.ts'
import { insertStatement } from './queries-documents.ts'
import { recordPosition } from './queries-positions.ts'
import { brokenParagraphs, insertSilence, updateSilence } from './queries-silence.ts'
import { paragraphTransition } from './rules/lifecycle.ts'

/** Silence runs at least 72 hours (GA decision 74/544). */
export const MIN_SILENCE_HOURS = 72

/** The Chair circulates paragraphs under silence until a deadline; a job ends it. */
export async function circulateUnderSilence(
  db: Db,
  ctx: CommandContext,
  documentId: number,
  input: { paragraphIds: number[]; deadline: Date; note?: string | undefined },
): Promise<Result<{ id: number }>> {
  const found = await documentWithBody(db, documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'consensus.declare', { bodyId: found.bodyId })
  if (!allowed.ok) return allowed
  if (input.deadline.getTime() < ctx.now.getTime() + MIN_SILENCE_HOURS * 3_600_000)
    return invalid([{ path: 'deadline', code: 'negotiation.silenceTooShort', values: { hours: MIN_SILENCE_HOURS } }])
  const paragraphs = await paragraphsOf(db, documentId)
  const chosen = paragraphs.filter((p) => input.paragraphIds.includes(p.id))
  if (chosen.length === 0 || chosen.length !== input.paragraphIds.length)
    return invalid([{ path: 'paragraphIds', code: 'negotiation.unknownParagraph' }])
  if (chosen.some((p) => !paragraphTransition(p, { kind: 'circulate' }).ok))
    return invalid([{ path: 'paragraphIds', code: 'negotiation.paragraphSettled' }])
  // silence adopts: text still in brackets cannot be adopted
  if (chosen.some((p) => hasBrackets(p.text)))
    return invalid([{ path: 'paragraphIds', code: 'negotiation.bracketsRemain' }])
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    const row = await insertSilence(trx, {
      documentId,
      paragraphIds: input.paragraphIds,
      circulatedAt: ctx.now,
      deadline: input.deadline,
      note: input.note ?? '',
      circulatedBy: accountOf(ctx.actor) || null,
    })
    // the job is in the database: it survives a restart and runs once, on any instance
    await enqueueJob(
      trx,
      'negotiation.silence_deadline',
      { silenceId: row.id },
      { runAt: input.deadline, uniqueKey: `silence:${row.id}` },
    )
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.silence_circulated',
      subjectType: 'negotiating_document',
      subjectId: documentId,
      payload: { silenceId: row.id, paragraphIds: input.paragraphIds, deadline: input.deadline.toISOString() },
    })
    return ok({ id: row.id })
  })
}

/**
 * A State breaks the silence on the paragraphs it names (all those circulated when it names none):
 * its objection is recorded on those alone, and the break, with its reason, goes on the document's
 * record. The other paragraphs stay under silence until the deadline; when every circulated
 * paragraph is broken, the procedure ends at once.
 */
export async function breakSilence(
  db: Db,
  ctx: CommandContext,
  silenceId: number,
  memberStateIso3: string,
  note: string,
  paragraphIds?: readonly number[] | undefined,
): Promise<Result<{ paragraphIds: number[]; status: 'pending' | 'broken' }>> {
  const allowed = authorize(ctx.actor, 'position.take', { memberStateIso3 })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const silence = await findSilence(trx, silenceId, { forUpdate: true })
    if (!silence) return notFound('silence_not_found')
    const found = await documentWithBody(trx, silence.documentId)
    if (!found) return notFound('negotiating_document_not_found')
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    if (silence.status !== 'pending' || ctx.now >= silence.deadline) return conflict('silence_over')
    const named = paragraphIds?.length ? [...new Set(paragraphIds)] : silence.paragraphIds
    if (named.some((id) => !silence.paragraphIds.includes(id)))
      return invalid([{ path: 'paragraphIds', code: 'negotiation.notCirculated' }])
    for (const paragraphId of named) {
      const paragraph = await findParagraph(trx, paragraphId, { forUpdate: true })
      if (!paragraph) return notFound('paragraph_not_found')
      const takes = paragraphTransition(paragraph, { kind: 'take_position' })
      if (!takes.ok) return takes
      await recordPosition(trx, {
        subjectType: 'paragraph',
        subjectId: paragraphId,
        memberStateIso3,
        position: 'objection',
        note: note || null,
        accountId: accountOf(ctx.actor),
        at: ctx.now,
      })
      await insertStatement(trx, {
        documentId: silence.documentId,
        paragraphId,
        kind: 'silence_break',
        declaration: null,
        method: 'silence_procedure',
        memberStateIso3,
        text: note,
        recordedBy: accountOf(ctx.actor) || null,
        at: ctx.now,
        silenceId,
      })
    }
    const broken = await brokenParagraphs(trx, silenceId)
    const allBroken = silence.paragraphIds.every((id) => broken.has(id))
    await updateSilence(trx, silenceId, {
      status: allBroken ? 'broken' : 'pending',
      brokenBy: silence.brokenBy ?? memberStateIso3,
      brokenAt: silence.brokenAt ?? ctx.now,
    })
    if (allBroken) await recordOutcomes(trx, ctx, silence, broken)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.silence_broken',
      subjectType: 'negotiating_document',
      subjectId: silence.documentId,
      payload: { silenceId, memberStateIso3, note, paragraphIds: named, status: allBroken ? 'broken' : 'pending' },
    })
    return ok({ paragraphIds: named, status: allBroken ? 'broken' : 'pending' })
  })
}

/**
 * Each paragraph's outcome on the record: adopted by silence (a declaration), or not, broken by
 * whom (a statement of kind 'silence_outcome' per breaking State).
 */
async function recordOutcomes(trx: Db, ctx: CommandContext, silence: Silence, broken: Map<number, string[]>) {
  for (const paragraphId of silence.paragraphIds) {
    const by = broken.get(paragraphId)
    if (by) {
      for (const memberStateIso3 of by)
        await insertStatement(trx, {
          documentId: silence.documentId,
          paragraphId,
          kind: 'silence_outcome',
          declaration: null,
          method: 'silence_procedure',
          memberStateIso3,
          text: '',
          recordedBy: accountOf(ctx.actor) || null,
          at: ctx.now,
          silenceId: silence.id,
        })
      continue
    }
    const paragraph = await findParagraph(trx, paragraphId, { forUpdate: true })
    // adopted by silence when nothing stands in the way: not deleted, not adopted, brackets empty
    if (paragraph && paragraph.status !== 'adopted' && paragraph.status !== 'deleted' && !hasBrackets(paragraph.text))
      await settle(trx, ctx, paragraphId, 'adopted', 'silence_procedure', silence.note)
  }
}

/** The deadline has passed: each paragraph not broken is adopted; each broken one is recorded so. Idempotent. */
export async function concludeSilence(
  db: Db,
  ctx: CommandContext,
  silenceId: number,
): Promise<Result<'adopted' | 'broken' | 'pending'>> {
  return inTransaction(db, async (trx) => {
    const silence = await findSilence(trx, silenceId, { forUpdate: true })
    if (!silence) return notFound('silence_not_found')
    if (silence.status !== 'pending') return ok(silence.status)
    if (ctx.now < silence.deadline) return ok('pending')
    const found = await documentWithBody(trx, silence.documentId)
    // a concluded process's record is closed: the procedure ends with it, unrecorded
    if (!found || !(await negotiationOpen(trx, ctx, found.process.id)).ok) return ok('pending')
    const broken = await brokenParagraphs(trx, silenceId)
    await recordOutcomes(trx, ctx, silence, broken)
    const status = broken.size > 0 ? 'broken' : 'adopted'
    await updateSilence(trx, silenceId, { status })
    // the end of the procedure is a change of state too: on the record (and read for notices)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.silence_ended',
      subjectType: 'negotiating_document',
      subjectId: silence.documentId,
      payload: {
        silenceId,
        status,
        adopted: silence.paragraphIds.filter((id) => !broken.has(id)),
        broken: [...broken.keys()],
      },
    })
    return ok(status)
  })
}
