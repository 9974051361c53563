// The Chair's and the Secretariat's side of a negotiating document: open it (blank, from an
// imported text or from proposals), issue revisions, declare consensus, record explanations and
// reservations, circulate text under silence. Each change authorizes, runs in one transaction
// and goes into the audit log.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { canonicalJson } from '../../core/audit/canonical-json.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { sha256 } from '../../core/auth/crypto.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { hasBrackets } from '../../core/formats/brackets.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findProcess } from '../processes/index.ts'
import { markUnderDiscussion, proposalsOf, recordProposalFate } from '../proposals/index.ts'
import { accountOf, documentWithBody, inDocument, negotiationOpen } from './context.ts'
import { findParagraph, ndb, paragraphsOf } from './queries.ts'
import { standings } from './queries-standing.ts'
import { revisionLabel } from './rules/amendments.ts'
import type { Declaration } from './rules/consensus.ts'
import { paragraphTransition } from './rules/lifecycle.ts'
import type { ParsedDocument, ParsedParagraph } from './rules/parse.ts'
import type { ParagraphKind } from './tables.ts'

export interface NewDocument {
  processId: number
  title: string
  symbol?: string | undefined
  enactingFormula?: string | undefined
  stakeholdersMayTable?: boolean | undefined
  /** the language of the text; from proposals, theirs; otherwise English */
  language?: Locale | undefined
  /** start from an imported text, or from these proposals (in order), or blank */
  imported?: ParsedDocument | undefined
  proposalIds?: number[] | undefined
}

/** Silence runs at least 72 hours (GA decision 74/544). */
export const MIN_SILENCE_HOURS = 72

const initialStatus = (text: string) => (hasBrackets(text) ? 'bracketed' : 'proposed')

export async function createDocument(db: Db, ctx: CommandContext, input: NewDocument): Promise<Result<{ id: number }>> {
  const process = await findProcess(db, input.processId)
  if (!process) return notFound('process_not_found')
  const allowed = authorize(ctx.actor, 'negotiation.manage', { bodyId: process.bodyId })
  if (!allowed.ok) return allowed
  const proposals = input.proposalIds?.length
    ? (await proposalsOf(db, process.id)).filter((p) => input.proposalIds?.includes(p.id))
    : []
  if (input.proposalIds && proposals.length !== input.proposalIds.length)
    return invalid([{ path: 'proposalIds', code: 'negotiation.unknownProposal' }])
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, process.id)
    if (!open.ok) return open
    const n = ndb(trx)
    const document = await n
      .insertInto('negotiationDocument')
      .values({
        processId: process.id,
        title: input.title,
        symbol: input.symbol ?? null,
        enactingFormula: input.enactingFormula ?? null,
        language: input.language ?? proposals[0]?.language ?? 'en',
        stakeholdersMayTable: input.stakeholdersMayTable ?? false,
        createdBy: accountOf(ctx.actor) || null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    let position = 0
    const insert = async (p: ParsedParagraph, parentId: number | null) => {
      position += 1
      const row = await n
        .insertInto('negotiationParagraph')
        .values({
          documentId: document.id,
          position,
          parentId,
          kind: p.kind as ParagraphKind,
          label: p.label,
          text: p.text,
          status: initialStatus(p.text),
          alternativeGroup: null,
          alternativeLabel: null,
          proposalId: null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const child of p.children) await insert(child, row.id)
    }
    for (const p of input.imported?.paragraphs ?? []) await insert(p, null)
    for (const [i, proposal] of proposals.entries()) {
      position += 1
      const text = proposal.versions.at(-1)?.text ?? ''
      await n
        .insertInto('negotiationParagraph')
        .values({
          documentId: document.id,
          position,
          parentId: null,
          kind: 'operative',
          label: String(i + 1),
          text,
          status: initialStatus(text),
          alternativeGroup: null,
          alternativeLabel: null,
          proposalId: proposal.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .execute()
      await markUnderDiscussion(trx, proposal.id, ctx.now)
    }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.document_created',
      subjectType: 'negotiating_document',
      subjectId: document.id,
      payload: {
        processId: process.id,
        title: input.title,
        symbol: input.symbol ?? null,
        from: input.imported ? 'import' : proposals.length ? 'proposals' : 'blank',
        proposalIds: proposals.map((p) => p.id),
      },
    })
    // the zero draft: the text as it starts, the base every comparison can go back to
    const issued = await issueRevisionIn(trx, ctx, document.id, 'Zero draft')
    if (!issued.ok) return issued
    return ok({ id: document.id })
  })
}

/** A snapshot of the document's paragraphs, as a revision keeps it. */
export async function snapshotOf(db: Db, documentId: number) {
  return (await paragraphsOf(db, documentId)).map((p) => ({
    id: p.id,
    parentId: p.parentId,
    kind: p.kind,
    label: p.label,
    text: p.text,
    status: p.status,
    alternativeGroup: p.alternativeGroup,
    alternativeLabel: p.alternativeLabel,
    proposalId: p.proposalId,
  }))
}

export type SnapshotRow = Awaited<ReturnType<typeof snapshotOf>>[number]

async function issueRevisionIn(
  trx: Db,
  ctx: CommandContext,
  documentId: number,
  changeNote: string,
): Promise<Result<{ number: number }>> {
  const n = ndb(trx)
  const document = await n
    .selectFrom('negotiationDocument')
    .selectAll()
    .where('id', '=', documentId)
    .forUpdate()
    .executeTakeFirst()
  if (!document) return notFound('negotiating_document_not_found')
  const last = await n
    .selectFrom('negotiationRevision')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('documentId', '=', documentId)
    .executeTakeFirst()
  const number = last?.n === null || last?.n === undefined ? 0 : Number(last.n) + 1
  const snapshot = await snapshotOf(trx, documentId)
  const contentHash = sha256(canonicalJson(snapshot))
  await n
    .insertInto('negotiationRevision')
    .values({
      documentId,
      number,
      label: revisionLabel(number),
      snapshot: JSON.stringify(snapshot),
      contentHash,
      changeNote,
      issuedBy: accountOf(ctx.actor) || null,
      issuedAt: ctx.now,
    })
    .execute()
  await n
    .updateTable('negotiationDocument')
    .set({ currentRevision: number, updatedAt: ctx.now })
    .where('id', '=', documentId)
    .execute()
  await recordAudit(trx, {
    ...auditedBy(ctx),
    action: 'negotiation.revision_issued',
    subjectType: 'negotiating_document',
    subjectId: documentId,
    payload: { number, label: revisionLabel(number), contentHash, changeNote },
  })
  return ok({ number })
}

/** The Chair issues Rev.N: an immutable snapshot of the text as it stands. */
export async function issueRevision(
  db: Db,
  ctx: CommandContext,
  documentId: number,
  changeNote: string,
): Promise<Result<{ number: number }>> {
  const found = await documentWithBody(db, documentId)
  if (!found) return notFound('negotiating_document_not_found')
  const allowed = authorize(ctx.actor, 'negotiation.manage', { bodyId: found.bodyId })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, found.process.id)
    if (!open.ok) return open
    return issueRevisionIn(trx, ctx, documentId, changeNote)
  })
}

/** Sets a paragraph's status with its record, and the fate of the proposal it came from. */
export async function settle(
  trx: Db,
  ctx: CommandContext,
  paragraphId: number,
  declaration: Declaration,
  method: 'consensus' | 'silence_procedure',
  note: string,
) {
  const n = ndb(trx)
  const paragraph = await n
    .updateTable('negotiationParagraph')
    .set({ status: declaration, updatedAt: ctx.now })
    .where('id', '=', paragraphId)
    .returning(['documentId', 'proposalId'])
    .executeTakeFirstOrThrow()
  await n
    .insertInto('negotiationStatement')
    .values({
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
    .execute()
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
    const row = await ndb(trx)
      .insertInto('negotiationStatement')
      .values({
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
      .returning('id')
      .executeTakeFirstOrThrow()
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
