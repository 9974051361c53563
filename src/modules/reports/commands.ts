// The Secretariat's acts on a report: set its issue (symbol, distribution, date, original language,
// agenda item, the document and revision it is built from), attribute each divergent view as the
// body decided, transmit it to the parent body (whose process receives it as a document), and
// record what became of each recommendation. Each authorizes, validates, writes and audits in one
// transaction. These acts edit no negotiated text, so a concluded process takes them.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState } from '../actors/index.ts'
import { findBody } from '../bodies/index.ts'
import { documentsOf, findParagraph, findRevision } from '../negotiation/index.ts'
import { addDocument, findProcess, recordTransmission } from '../processes/index.ts'
import { findIssue, processWithSymbol } from './queries.ts'
import { insertFollowUp, insertIssue, updateIssue, upsertDivergentView } from './queries-write.ts'
import type { AttributionInput, FollowUpInput, IssueInput, TransmissionInput } from './schemas.ts'

const audit = (trx: Db, ctx: CommandContext, action: string, processId: number, payload: Record<string, unknown>) =>
  recordAudit(trx, { ...auditedBy(ctx), action, subjectType: 'process', subjectId: processId, payload })

/** What an issue refers to must exist: the process, its document, the revision issued. */
async function checkIssue(db: Db, processId: number, input: IssueInput): Promise<Result<void>> {
  if (!(await findProcess(db, processId))) return notFound('process_not_found')
  const documents = await documentsOf(db, processId)
  if (!documents.some((d) => d.id === input.documentId))
    return invalid([{ path: 'documentId', code: 'reports.unknownDocument' }])
  if (input.revision !== undefined && !(await findRevision(db, input.documentId, input.revision)))
    return invalid([{ path: 'revision', code: 'reports.unknownRevision' }])
  // a UN symbol names one document: another process's report may not carry it
  const holder = await processWithSymbol(db, input.symbol)
  if (holder !== undefined && holder !== processId) return conflict('report_symbol_taken', { symbol: input.symbol })
  return ok(undefined)
}

const issueValues = (ctx: CommandContext, input: IssueInput) => ({
  documentId: input.documentId,
  revision: input.revision ?? null,
  symbol: input.symbol,
  distribution: input.distribution,
  issuedOn: input.issuedOn,
  originalLanguage: input.originalLanguage,
  agendaItem: input.agendaItem ?? '',
  session: input.session ?? '',
  updatedBy: accountIdOf(ctx.actor),
  updatedAt: ctx.now,
})

/**
 * Issues the report: its symbol, distribution, date, original language, agenda item, and the
 * document and revision it is built from. Once only (409 `report_already_issued`; a change is a
 * correction); the `report.issued` entry is what the notices of the body's delegates are made from.
 */
export async function issueReport(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: IssueInput,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'report.issue')
  if (!allowed.ok) return allowed
  const checked = await checkIssue(db, processId, input)
  if (!checked.ok) return checked
  return inTransaction(db, async (trx) => {
    // two issues at once: the database keeps the first, the second is told
    if (!(await insertIssue(trx, processId, issueValues(ctx, input)))) return conflict('report_already_issued')
    await audit(trx, ctx, 'report.issued', processId, input)
    return ok(undefined)
  })
}

/** Corrects an issued report's particulars; the same values again change nothing and record nothing. */
export async function correctReportIssue(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: IssueInput,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'report.issue')
  if (!allowed.ok) return allowed
  const checked = await checkIssue(db, processId, input)
  if (!checked.ok) return checked
  const values = issueValues(ctx, input)
  return inTransaction(db, async (trx) => {
    const before = await findIssue(trx, processId, { forUpdate: true })
    if (!before) return conflict('report_not_issued')
    const unchanged = (
      ['documentId', 'revision', 'symbol', 'distribution', 'issuedOn', 'originalLanguage'] as const
    ).every((k) => before[k] === values[k])
    if (unchanged && before.agendaItem === values.agendaItem && before.session === values.session) return ok(undefined)
    await updateIssue(trx, processId, values)
    await audit(trx, ctx, 'report.issue_corrected', processId, input)
    return ok(undefined)
  })
}

/** Records how one divergent view is attributed: unattributed, to participants, or to the States named. */
export async function attributeDivergentView(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: AttributionInput,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'report.issue')
  if (!allowed.ok) return allowed
  const issue = await findIssue(db, processId)
  if (!issue) return conflict('report_not_issued')
  const paragraph = await findParagraph(db, input.paragraphId)
  if (paragraph?.documentId !== issue.documentId)
    return invalid([{ path: 'paragraphId', code: 'reports.unknownParagraph' }])
  const states = input.attribution === 'states' ? [...new Set(input.memberStates ?? [])] : []
  for (const iso3 of states)
    if (!(await findMemberState(db, iso3))) return invalid([{ path: 'memberStates', code: 'reports.unknownState' }])
  const values = {
    attribution: input.attribution,
    memberStates: states,
    updatedBy: accountIdOf(ctx.actor),
    updatedAt: ctx.now,
  }
  return inTransaction(db, async (trx) => {
    await upsertDivergentView(trx, processId, input.paragraphId, values)
    await audit(trx, ctx, 'report.divergent_view_attributed', processId, { ...input, memberStates: states })
    return ok(undefined)
  })
}

/**
 * Records the report's transmission to the parent body (processes keep the transmission) and gives
 * the parent's process the report as a document, in one transaction.
 */
export async function transmitReport(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: TransmissionInput,
  title: string,
): Promise<Result<{ documentId: number }>> {
  const allowed = authorize(ctx.actor, 'report.transmit')
  if (!allowed.ok) return allowed
  const issue = await findIssue(db, processId)
  if (!issue) return conflict('report_not_issued')
  if (!(await findBody(db, input.toBodyId))) return invalid([{ path: 'toBodyId', code: 'reports.unknownBody' }])
  const receiving = await findProcess(db, input.toProcessId)
  if (receiving?.bodyId !== input.toBodyId || receiving.id === processId)
    return invalid([{ path: 'toProcessId', code: 'reports.unknownReceivingProcess' }])
  return inTransaction(db, async (trx) => {
    const sent = await recordTransmission(trx, ctx, processId, {
      toBodyId: input.toBodyId,
      occasion: title,
      transmittedOn: input.transmittedOn,
      documentSymbol: input.symbol,
    })
    if (!sent.ok) throw new Rollback(sent)
    const received = await addDocument(trx, ctx, input.toProcessId, {
      kind: 'report',
      symbol: input.symbol,
      title,
      language: issue.originalLanguage,
      issuedOn: input.transmittedOn,
    })
    if (!received.ok) throw new Rollback(received)
    await audit(trx, ctx, 'report.transmitted', processId, { ...input, documentId: received.value.id })
    return ok({ documentId: received.value.id })
  }).catch((e: unknown) => {
    if (e instanceof Rollback) return e.result
    throw e
  })
}

/** Undoes the transaction with a refusal from a command it called (the refusal is the answer). */
class Rollback extends Error {
  constructor(readonly result: Result<never>) {
    super('rollback')
  }
}

/** Records what became of one recommendation in one year; a later record supersedes, none is rewritten. */
export async function recordFollowUp(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: FollowUpInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'report.follow_up')
  if (!allowed.ok) return allowed
  return writeFollowUp(db, ctx, processId, input)
}

/**
 * Writes a follow-up after the caller authorized it (the Secretariat here; an organization's
 * representative through its annual report). The paragraph must be a recommendation of the issued report.
 */
export async function writeFollowUp(
  db: Db,
  ctx: CommandContext,
  processId: number,
  input: FollowUpInput,
): Promise<Result<{ id: number }>> {
  const issue = await findIssue(db, processId)
  if (!issue) return conflict('report_not_issued')
  const paragraph = await findParagraph(db, input.paragraphId)
  if (paragraph?.documentId !== issue.documentId || paragraph.kind !== 'operative' || paragraph.status !== 'adopted')
    return invalid([{ path: 'paragraphId', code: 'reports.notARecommendation' }])
  return inTransaction(db, async (trx) => {
    const row = await insertFollowUp(trx, {
      processId,
      paragraphId: input.paragraphId,
      year: input.year,
      status: input.status,
      sourceKind: input.sourceKind,
      sourceReference: input.sourceReference,
      annualReportId: input.annualReportId ?? null,
      note: input.note ?? '',
      recordedBy: accountIdOf(ctx.actor),
      recordedAt: ctx.now,
    })
    await audit(trx, ctx, 'report.follow_up_recorded', processId, { id: row.id, ...input })
    return ok(row)
  })
}
