// The Chair reopens a paragraph that stood adopted, agreed ad ref or without consensus: with a
// reason, on the document's record, and back to bracketed or proposed (rules/lifecycle.ts).
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { accountOf, documentWithBody, negotiationOpen } from './context.ts'
import { findParagraph } from './queries.ts'
import { insertStatement, setParagraphStatus } from './queries-documents.ts'
import type { ParagraphStatus } from './rules/consensus.ts'
import { paragraphTransition } from './rules/lifecycle.ts'

/** Only the Chair of the document's body reopens a paragraph, giving a reason the record keeps. */
export async function reopenParagraph(
  db: Db,
  ctx: CommandContext,
  paragraphId: number,
  reason: string,
  options: { documentId?: number | undefined } = {},
): Promise<Result<{ status: ParagraphStatus }>> {
  const paragraph = await findParagraph(db, paragraphId)
  if (!paragraph || (options.documentId !== undefined && paragraph.documentId !== options.documentId))
    return notFound('paragraph_not_found')
  const found = await documentWithBody(db, paragraph.documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'consensus.declare', { bodyId: found.bodyId })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    const locked = await findParagraph(trx, paragraphId, { forUpdate: true })
    if (!locked) return notFound('paragraph_not_found')
    const next = paragraphTransition(locked, { kind: 'reopen', reason })
    if (!next.ok) return next
    // the record first: the database lets a paragraph leave adopted only right after a reopening
    await insertStatement(trx, {
      documentId: locked.documentId,
      paragraphId,
      kind: 'reopening',
      declaration: null,
      method: null,
      memberStateIso3: null,
      text: reason.trim(),
      recordedBy: accountOf(ctx.actor) || null,
      at: ctx.now,
    })
    await setParagraphStatus(trx, paragraphId, next.value, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.paragraph_reopened',
      subjectType: 'paragraph',
      subjectId: paragraphId,
      payload: { documentId: locked.documentId, from: locked.status, to: next.value, reason: reason.trim() },
    })
    return ok({ status: next.value })
  })
}
