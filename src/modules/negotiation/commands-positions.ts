// Each State's position on a paragraph or an amendment (its latest word is its position), and the
// stakeholder advisory committees' comments with the Secretariat's public answers.
import { auditedBy, type CommandContext, recordAudit, takeAuditLock } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { forbidden, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findOrganizationById } from '../actors/index.ts'
import { speaksAs } from '../proposals/index.ts'
import { accountOf, documentWithBody, inDocument, negotiationOpen } from './context.ts'
import { findComment } from './queries.ts'
import { insertComment, setCommentAnswer } from './queries-comments.ts'
import { lockPositionSubject, recordPosition } from './queries-positions.ts'
import type { Position } from './rules/consensus.ts'
import { amendmentTransition, paragraphTransition } from './rules/lifecycle.ts'

/**
 * A delegate gives their State's position; the State's latest word is its position. Returns the
 * paragraph it was given on (an amendment's own paragraph), for the page to come back to.
 *
 * It is the write a negotiation makes most, often while others read, so it sends few statements:
 * the subject locked with its document's process, the process share-locked, then the history,
 * current word and tally in one statement that also takes the audit log's lock, the head of the
 * log, and the entry with its leaf (test: round-trips.test.ts).
 */
export async function takePosition(
  db: Db,
  ctx: CommandContext,
  input: {
    subjectType: 'paragraph' | 'amendment'
    subjectId: number
    memberStateIso3: string
    position: Position
    note?: string | undefined
    /** the document the caller speaks in (the API's path): the subject must be one of its own */
    documentId?: number | undefined
  },
): Promise<Result<{ paragraphId: number }>> {
  return inTransaction(db, async (trx) => {
    // the subject as it stands now, locked, so a declaration or a change of text waits for it
    const subject = await lockPositionSubject(trx, input.subjectType, input.subjectId)
    if (!subject) return notFound(`${input.subjectType}_not_found`)
    const allowed = authorize(ctx.actor, 'position.take', { memberStateIso3: input.memberStateIso3 })
    if (!allowed.ok) return allowed
    const takes =
      subject.subjectType === 'paragraph'
        ? paragraphTransition(subject.paragraph, { kind: 'take_position' })
        : amendmentTransition(subject.amendment.status, { kind: 'take_position' })
    if (!takes.ok) return takes
    const { documentId, paragraphId } =
      subject.subjectType === 'paragraph'
        ? { documentId: subject.paragraph.documentId, paragraphId: subject.paragraph.id }
        : subject.amendment
    if (input.documentId !== undefined && input.documentId !== documentId)
      return invalid([
        {
          path: input.subjectType === 'paragraph' ? 'paragraphId' : 'amendmentId',
          code: 'negotiation.unknownParagraph',
        },
      ])
    const open = await negotiationOpen(trx, ctx, subject.processId)
    if (!open.ok) return open
    const { documentId: _, ...position } = input
    const row = await recordPosition(
      trx,
      { ...position, note: input.note ?? null, accountId: accountOf(ctx.actor), at: ctx.now },
      { documentId, wording: subject.wording },
      takeAuditLock,
    )
    await recordAudit(
      trx,
      {
        ...auditedBy(ctx),
        action: 'position.taken',
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        payload: {
          positionId: row.id,
          wording: row.wording,
          memberStateIso3: input.memberStateIso3,
          position: input.position,
          note: input.note ?? null,
        },
      },
      { locked: true },
    )
    return ok({ paragraphId })
  })
}

/** An organization's representative comments for its stakeholder group's advisory committee. */
export async function postComment(
  db: Db,
  ctx: CommandContext,
  documentId: number,
  input: { organizationId: number; paragraphId?: number | undefined; amendmentId?: number | undefined; text: string },
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'comment.post')
  if (!allowed.ok) return allowed
  if (!speaksAs(ctx, { organizationId: input.organizationId })) return forbidden('not_eligible')
  const org = await findOrganizationById(db, input.organizationId)
  if (!org) return notFound('organization_not_found')
  const found = await documentWithBody(db, documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const scope = await inDocument(db, documentId, input)
  if (!scope.ok) return scope
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    const row = await insertComment(trx, {
      documentId,
      paragraphId: input.paragraphId ?? null,
      amendmentId: input.amendmentId ?? null,
      stakeholderGroup: org.stakeholderGroup,
      organizationId: org.id,
      authorAccountId: accountOf(ctx.actor),
      text: input.text,
      answer: null,
      answeredBy: null,
      answeredAt: null,
      createdAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'comment.posted',
      subjectType: 'comment',
      subjectId: row.id,
      payload: { documentId, ...input, stakeholderGroup: org.stakeholderGroup },
    })
    return ok({ id: row.id })
  })
}

/** The Secretariat says, publicly, how a comment was taken into account. */
export async function answerComment(db: Db, ctx: CommandContext, id: number, answer: string): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'comment.answer')
  if (!allowed.ok) return allowed
  const comment = await findComment(db, id)
  if (!comment) return notFound('comment_not_found')
  return inTransaction(db, async (trx) => {
    const document = await documentWithBody(trx, comment.documentId)
    if (!document) return notFound('negotiating_document_not_found')
    const open = await negotiationOpen(trx, ctx, document.process.id)
    if (!open.ok) return open
    await setCommentAnswer(trx, id, { answer, answeredBy: accountOf(ctx.actor), answeredAt: ctx.now })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'comment.answered',
      subjectType: 'comment',
      subjectId: id,
      payload: { answer },
    })
    return ok(undefined)
  })
}
