// Consensus on a negotiating document: the Chair declares a paragraph agreed ad ref, adopted or
// without consensus (settle also serves the silence procedure), and a State's explanation of
// position or reservation goes on the record. Each change authorizes, runs in one transaction
// under the paragraph's lock and goes into the audit log.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { recordProposalFate } from '../proposals/index.ts'
import { accountOf, documentWithBody, inDocument, negotiationOpen } from './context.ts'
import { findParagraph } from './queries.ts'
import { insertStatement, setParagraphStatus } from './queries-documents.ts'
import { standings } from './queries-standing.ts'
import type { Declaration } from './rules/consensus.ts'
import { paragraphTransition } from './rules/lifecycle.ts'

/** Sets a paragraph's status with its record, and the fate of the proposal it came from. */
export async function settle(
  trx: Db,
  ctx: CommandContext,
  paragraphId: number,
  declaration: Declaration,
  method: 'consensus' | 'silence_procedure',
  note: string,
) {
  const paragraph = await setParagraphStatus(trx, paragraphId, declaration, ctx.now)
  await insertStatement(trx, {
    documentId: paragraph.documentId,
    paragraphId,
    kind: 'declaration',
    declaration,
    method,
    memberStateIso3: null,
    text: note,
    recordedBy: accountOf(ctx.actor) || null,
    at: ctx.now,
  })
  if (paragraph.proposalId && declaration !== 'agreed_ad_ref') {
    await recordProposalFate(trx, paragraph.proposalId, declaration === 'adopted' ? 'adopted' : 'no_consensus', ctx.now)
  }
  await recordAudit(trx, {
    ...auditedBy(ctx),
    action: `negotiation.paragraph_${declaration}`,
    subjectType: 'paragraph',
    subjectId: paragraphId,
    payload: { documentId: paragraph.documentId, method, note },
  })
}

/** Only the Chair declares; agreement needs no standing objection. */
export async function declare(
  db: Db,
  ctx: CommandContext,
  paragraphId: number,
  declaration: Declaration,
  note = '',
): Promise<Result<void>> {
  const paragraph = await findParagraph(db, paragraphId)
  if (!paragraph) return notFound('paragraph_not_found')
  const found = await documentWithBody(db, paragraph.documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'consensus.declare', { bodyId: found.bodyId })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    const locked = await findParagraph(trx, paragraphId, { forUpdate: true })
    if (!locked) return notFound('paragraph_not_found')
    const standing = (await standings(trx, 'paragraph', [paragraphId])).get(paragraphId)
    if (!standing) return notFound('paragraph_not_found')
    const next = paragraphTransition(locked, { kind: 'declare', declaration, tally: standing.tally })
    if (!next.ok) return next
    await settle(trx, ctx, paragraphId, declaration, 'consensus', note)
    return ok(undefined)
  })
}

/**
 * A State's explanation of position or reservation, filed by its delegation on adoption or recorded
 * by the Chair; it stays out of the text and goes in the report's annex.
 */
export async function recordStatement(
  db: Db,
  ctx: CommandContext,
  documentId: number,
  input: {
    kind: 'explanation' | 'reservation'
    memberStateIso3: string
    paragraphId?: number | undefined
    text: string
  },
): Promise<Result<void>> {
  const found = await documentWithBody(db, documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'statement.file', {
    bodyId: found.bodyId,
    memberStateIso3: input.memberStateIso3,
  })
  if (!allowed.ok) return allowed
  const scope = await inDocument(db, documentId, { paragraphId: input.paragraphId })
  if (!scope.ok) return scope
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    const row = await insertStatement(trx, {
      documentId,
      paragraphId: input.paragraphId ?? null,
      kind: input.kind,
      declaration: null,
      method: null,
      memberStateIso3: input.memberStateIso3,
      text: input.text,
      recordedBy: accountOf(ctx.actor) || null,
      at: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `negotiation.${input.kind}_recorded`,
      subjectType: 'negotiating_document',
      subjectId: documentId,
      payload: { statementId: row.id, ...input },
    })
    return ok(undefined)
  })
}
