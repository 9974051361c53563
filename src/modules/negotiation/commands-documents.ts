// The Chair's and the Secretariat's side of a negotiating document's text: open it (blank, from an
// imported text or from proposals) and issue its revisions. Declarations and statements are in
// commands-consensus.ts, silence in commands-silence.ts. Each change authorizes, runs in one
// transaction and goes into the audit log; the writes themselves are in queries-documents.ts.
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
import { markUnderDiscussion, proposalsOf } from '../proposals/index.ts'
import { accountOf, documentWithBody, negotiationOpen } from './context.ts'
import { findDocument, paragraphsOf } from './queries.ts'
import { insertDocument, insertParagraph, insertRevision, nextRevisionNumber } from './queries-documents.ts'
import { revisionLabel } from './rules/amendments.ts'
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
    const document = await insertDocument(trx, {
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
    let position = 0
    const insert = async (p: ParsedParagraph, parentId: number | null) => {
      position += 1
      const row = await insertParagraph(trx, {
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
      for (const child of p.children) await insert(child, row.id)
    }
    for (const p of input.imported?.paragraphs ?? []) await insert(p, null)
    for (const [i, proposal] of proposals.entries()) {
      position += 1
      const text = proposal.versions.at(-1)?.text ?? ''
      await insertParagraph(trx, {
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
  // the lock keeps two revisions from taking the same number
  const document = await findDocument(trx, documentId, { forUpdate: true })
  if (!document) return notFound('negotiating_document_not_found')
  const number = await nextRevisionNumber(trx, documentId)
  const snapshot = await snapshotOf(trx, documentId)
  const contentHash = sha256(canonicalJson(snapshot))
  await insertRevision(trx, {
    documentId,
    number,
    label: revisionLabel(number),
    snapshot: JSON.stringify(snapshot),
    contentHash,
    changeNote,
    issuedBy: accountOf(ctx.actor) || null,
    issuedAt: ctx.now,
  })
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
