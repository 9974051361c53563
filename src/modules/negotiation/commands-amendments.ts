// Amendments to a negotiating document: tabled by a State's delegation (or a stakeholder where the
// body's rules allow it), withdrawn by their proponent, incorporated, rejected or superseded by the
// Chair; incorporating one changes the text or adds an alternative.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { hasBrackets } from '../../core/formats/brackets.ts'
import { conflict, forbidden, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { speaksAs } from '../proposals/index.ts'
import { accountOf, documentWithBody, negotiationOpen } from './context.ts'
import { findAmendment, findParagraph, paragraphsOf } from './queries.ts'
import { insertAmendment, setAlternative, setAmendmentStatus, setParagraphText } from './queries-amendments.ts'
import { insertParagraph, setParagraphStatus } from './queries-documents.ts'
import { deleteAmendmentDraft } from './queries-draft.ts'
import { refreshTally } from './queries-standing.ts'
import { alternativeLabel, applyTextAmendment, insertedLabel, isStale } from './rules/amendments.ts'
import { amendmentTransition, paragraphTransition } from './rules/lifecycle.ts'
import type { AmendmentOperation } from './tables.ts'

export type Speaker = { memberStateIso3: string } | { organizationId: number }

export interface AmendmentInput {
  paragraphId: number
  operation: AmendmentOperation
  quotedOld?: string | undefined
  newText?: string | undefined
  justification?: string | undefined
  speaker: Speaker
}

export async function tableAmendment(
  db: Db,
  ctx: CommandContext,
  documentId: number,
  input: AmendmentInput,
): Promise<Result<{ id: number }>> {
  const found = await documentWithBody(db, documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'amendment.table', { stakeholdersMayTable: found.document.stakeholdersMayTable })
  if (!allowed.ok) return allowed
  if (!speaksAs(ctx, input.speaker)) return forbidden('not_eligible')
  if ('organizationId' in input.speaker && !found.document.stakeholdersMayTable) return forbidden('not_eligible')
  const paragraph = await findParagraph(db, input.paragraphId)
  if (!paragraph || paragraph.documentId !== documentId)
    return invalid([{ path: 'paragraphId', code: 'negotiation.unknownParagraph' }])
  const frozen = paragraphTransition(paragraph, { kind: 'table' })
  if (!frozen.ok) return frozen
  const issues = []
  const needsOld = ['replace_text', 'delete_text'].includes(input.operation)
  const needsNew = ['replace_text', 'insert_text', 'insert_paragraph', 'propose_alternative'].includes(input.operation)
  if (needsOld && !input.quotedOld) issues.push({ path: 'quotedOld', code: 'validation.required' })
  if (needsNew && !input.newText) issues.push({ path: 'newText', code: 'validation.required' })
  if (issues.length) return invalid(issues)
  if (isStale(input.operation, paragraph.text, input.quotedOld ?? null))
    return invalid([{ path: 'quotedOld', code: 'negotiation.quotedNotFound' }])
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    // the paragraph as it stands now, locked: adopted in between, it takes no amendment
    const locked = await findParagraph(trx, paragraph.id, { forUpdate: true })
    if (!locked) return notFound('paragraph_not_found')
    const still = paragraphTransition(locked, { kind: 'table' })
    if (!still.ok) return still
    const row = await insertAmendment(trx, {
      documentId,
      paragraphId: paragraph.id,
      operation: input.operation,
      quotedOld: input.quotedOld ?? null,
      newText: input.newText ?? null,
      justification: input.justification ?? '',
      memberStateIso3: 'memberStateIso3' in input.speaker ? input.speaker.memberStateIso3 : null,
      organizationId: 'organizationId' in input.speaker ? input.speaker.organizationId : null,
      tabledBy: accountOf(ctx.actor),
      baseRevision: found.document.currentRevision,
      supersededById: null,
      createdAt: ctx.now,
      decidedAt: null,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'amendment.tabled',
      subjectType: 'amendment',
      subjectId: row.id,
      payload: { documentId, ...input },
    })
    // the author's draft of it is now the amendment
    if (ctx.actor.kind === 'account') await deleteAmendmentDraft(trx, paragraph.id, ctx.actor.accountId)
    return ok({ id: row.id })
  })
}

export async function withdrawAmendment(db: Db, ctx: CommandContext, id: number): Promise<Result<void>> {
  const amendment = await findAmendment(db, id)
  if (!amendment) return notFound('amendment_not_found')
  const allowed = authorize(ctx.actor, 'amendment.withdraw', {
    memberStates: amendment.memberStateIso3 ? [amendment.memberStateIso3] : [],
    organizations: amendment.organizationId ? [amendment.organizationId] : [],
  })
  if (!allowed.ok) return allowed
  return decideIn(db, ctx, id, 'withdrawn')
}

async function decideIn(
  db: Db,
  ctx: CommandContext,
  id: number,
  status: 'withdrawn' | 'rejected' | 'incorporated' | 'superseded',
  supersededById?: number,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const amendment = await findAmendment(trx, id, { forUpdate: true })
    if (!amendment) return notFound('amendment_not_found')
    const document = await documentWithBody(trx, amendment.documentId)
    if (!document) return notFound('negotiating_document_not_found')
    const open = await negotiationOpen(trx, ctx, document.process.id)
    if (!open.ok) return open
    const decided = amendmentTransition(amendment.status, { kind: 'decide', decision: status })
    if (!decided.ok) return decided
    if (status === 'incorporated') {
      const applied = await applyAmendment(trx, ctx, amendment)
      if (!applied.ok) return applied
    }
    await setAmendmentStatus(trx, id, { status, decidedAt: ctx.now, supersededById: supersededById ?? null })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `amendment.${status}`,
      subjectType: 'amendment',
      subjectId: id,
      payload: { documentId: amendment.documentId, supersededById: supersededById ?? null },
    })
    return ok(undefined)
  })
}

async function applyAmendment(
  trx: Db,
  ctx: CommandContext,
  amendment: NonNullable<Awaited<ReturnType<typeof findAmendment>>>,
): Promise<Result<void>> {
  const paragraph = await findParagraph(trx, amendment.paragraphId, { forUpdate: true })
  if (!paragraph) return notFound('paragraph_not_found')
  const frozen = paragraphTransition(paragraph, { kind: 'incorporate' })
  if (!frozen.ok) return frozen
  if (amendment.operation === 'delete_paragraph') {
    // kept and shown struck through: nothing is lost from the record
    await setParagraphStatus(trx, paragraph.id, 'deleted', ctx.now)
    return ok(undefined)
  }
  if (amendment.operation === 'propose_alternative') return addAlternative(trx, ctx, paragraph, amendment.newText ?? '')
  if (amendment.operation === 'insert_paragraph') {
    const siblings = await paragraphsOf(trx, paragraph.documentId)
    const next = siblings.find((p) => p.position > paragraph.position)
    const position = next ? (paragraph.position + next.position) / 2 : paragraph.position + 1
    const text = amendment.newText ?? ''
    await insertParagraph(trx, {
      documentId: paragraph.documentId,
      position,
      parentId: paragraph.parentId,
      kind: paragraph.kind,
      label: insertedLabel(
        paragraph.label,
        siblings.map((p) => p.label),
      ),
      text,
      status: hasBrackets(text) ? 'bracketed' : 'proposed',
      alternativeGroup: null,
      alternativeLabel: null,
      proposalId: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    return ok(undefined)
  }
  const changed = applyTextAmendment(
    amendment.operation,
    paragraph.text,
    amendment.quotedOld ?? '',
    amendment.newText ?? '',
  )
  if (!changed.ok) return conflict('amendment_stale')
  const status =
    paragraph.status === 'proposed' || paragraph.status === 'bracketed'
      ? hasBrackets(changed.text)
        ? 'bracketed'
        : 'proposed'
      : paragraph.status
  await setParagraphText(trx, paragraph.id, { text: changed.text, status, updatedAt: ctx.now })
  // the positions given on the text before stand now on an earlier wording
  await refreshTally(trx, 'paragraph', paragraph.id)
  return ok(undefined)
}

/**
 * Another wording of a paragraph, beside it: the first becomes "Alt. 1" and this one the next
 * "Alt. N" of the same group, with the same number, until the Chair settles between them.
 */
async function addAlternative(
  trx: Db,
  ctx: CommandContext,
  paragraph: NonNullable<Awaited<ReturnType<typeof findParagraph>>>,
  text: string,
): Promise<Result<void>> {
  const group = paragraph.alternativeGroup ?? `alt-${paragraph.id}`
  if (!paragraph.alternativeGroup)
    await setAlternative(trx, paragraph.id, {
      alternativeGroup: group,
      alternativeLabel: alternativeLabel(1),
      updatedAt: ctx.now,
    })
  const siblings = await paragraphsOf(trx, paragraph.documentId)
  const inGroup = siblings.filter((p) => p.alternativeGroup === group || p.id === paragraph.id)
  const last = inGroup.at(-1) ?? paragraph
  const next = siblings.find((p) => p.position > last.position)
  await insertParagraph(trx, {
    documentId: paragraph.documentId,
    position: next ? (last.position + next.position) / 2 : last.position + 1,
    parentId: paragraph.parentId,
    kind: paragraph.kind,
    label: paragraph.label,
    text,
    status: hasBrackets(text) ? 'bracketed' : 'proposed',
    alternativeGroup: group,
    alternativeLabel: alternativeLabel(inGroup.length + 1),
    proposalId: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  return ok(undefined)
}

/** The Chair (or the Secretariat on the Chair's word) incorporates, rejects or supersedes. */
export async function decideAmendment(
  db: Db,
  ctx: CommandContext,
  id: number,
  decision: 'incorporated' | 'rejected' | 'superseded',
  supersededById?: number,
): Promise<Result<void>> {
  const amendment = await findAmendment(db, id)
  if (!amendment) return notFound('amendment_not_found')
  const found = await documentWithBody(db, amendment.documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'negotiation.manage', { bodyId: found.bodyId })
  if (!allowed.ok) return allowed
  return decideIn(db, ctx, id, decision, supersededById)
}
