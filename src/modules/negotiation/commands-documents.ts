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
import { enqueueJob } from '../../core/jobs/queue.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findProcess } from '../processes/index.ts'
import { markUnderDiscussion, proposalsOf, recordProposalFate } from '../proposals/index.ts'
import { accountOf, documentWithBody, inDocument, negotiationOpen } from './context.ts'
import { findParagraph, findSilence, ndb, paragraphsOf, type Silence } from './queries.ts'
import { recordPosition, standings } from './queries-standing.ts'
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
async function settle(
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
    const row = await ndb(trx)
      .insertInto('negotiationSilence')
      .values({
        documentId,
        paragraphIds: input.paragraphIds,
        circulatedAt: ctx.now,
        deadline: input.deadline,
        note: input.note ?? '',
        circulatedBy: accountOf(ctx.actor) || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
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
    const n = ndb(trx)
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
      await n
        .insertInto('negotiationStatement')
        .values({
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
        .execute()
    }
    const broken = await brokenParagraphs(trx, silenceId)
    const allBroken = silence.paragraphIds.every((id) => broken.has(id))
    await n
      .updateTable('negotiationSilence')
      .set({
        status: allBroken ? 'broken' : 'pending',
        brokenBy: silence.brokenBy ?? memberStateIso3,
        brokenAt: silence.brokenAt ?? ctx.now,
      })
      .where('id', '=', silenceId)
      .execute()
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

/** Which circulated paragraphs were broken, and by which States. */
async function brokenParagraphs(trx: Db, silenceId: number): Promise<Map<number, string[]>> {
  const rows = await ndb(trx)
    .selectFrom('negotiationStatement')
    .select(['paragraphId', 'memberStateIso3'])
    .where('silenceId', '=', silenceId)
    .where('kind', '=', 'silence_break')
    .orderBy('id')
    .execute()
  const broken = new Map<number, string[]>()
  for (const r of rows) {
    if (r.paragraphId === null || !r.memberStateIso3) continue
    const states = broken.get(r.paragraphId) ?? []
    if (!states.includes(r.memberStateIso3)) broken.set(r.paragraphId, [...states, r.memberStateIso3])
  }
  return broken
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
        await ndb(trx)
          .insertInto('negotiationStatement')
          .values({
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
          .execute()
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
    await ndb(trx).updateTable('negotiationSilence').set({ status }).where('id', '=', silenceId).execute()
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
