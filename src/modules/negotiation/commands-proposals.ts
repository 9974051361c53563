// The negotiators' side: proposals (submit, revise, merge, withdraw), amendments (table,
// withdraw, and the Chair's incorporation or rejection), each State's positions, and the
// stakeholder advisory committees' comments with the Secretariat's answers.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { conflict, forbidden, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findOrganizationById } from '../actors/index.ts'
import { findProcess, writeRefusal } from '../processes/index.ts'
import { knownParties, requestCosponsors } from './commands-cosponsors.ts'
import { accountOf, documentWithBody, inDocument, negotiationOpen } from './context.ts'
import { findAmendment, findComment, findParagraph, findProposal, ndb, paragraphsOf } from './queries.ts'
import { recordPosition, refreshTally } from './queries-standing.ts'
import { alternativeLabel, applyTextAmendment, insertedLabel, isStale } from './rules/amendments.ts'
import { hasBrackets } from './rules/brackets.ts'
import type { Position } from './rules/consensus.ts'
import { amendmentTransition, paragraphTransition } from './rules/lifecycle.ts'
import type { AmendmentOperation } from './tables.ts'

export type Speaker = { memberStateIso3: string } | { organizationId: number }

function speaksAs(ctx: CommandContext, speaker: Speaker): boolean {
  return 'memberStateIso3' in speaker
    ? delegationsOf(ctx.actor).includes(speaker.memberStateIso3)
    : organizationsOf(ctx.actor).includes(speaker.organizationId)
}

export interface ProposalInput {
  processId: number
  title: string
  text: string
  rationale?: string | undefined
  /** the language the text is written in (English when not said) */
  language?: Locale | undefined
  memberStates: string[]
  organizations: number[]
  contributionIds?: number[] | undefined
}

export async function submitProposal(
  db: Db,
  ctx: CommandContext,
  input: ProposalInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'proposal.submit')
  if (!allowed.ok) return allowed
  const process = await findProcess(db, input.processId)
  if (!process) return notFound('process_not_found')
  const concluded = writeRefusal(process, 'negotiation')
  if (!concluded.ok) return concluded
  // the one submitting speaks for at least one proponent; the others are asked to co-sponsor
  const states = [...new Set(input.memberStates)]
  const orgs = [...new Set(input.organizations)]
  const ownStates = states.filter((s) => speaksAs(ctx, { memberStateIso3: s }))
  const ownOrgs = orgs.filter((o) => speaksAs(ctx, { organizationId: o }))
  if (ownStates.length + ownOrgs.length === 0) return forbidden('not_a_proponent')
  const known = await knownParties(db, states, orgs)
  if (!known.ok) return known
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, input.processId)
    if (!open.ok) return open
    const row = await insertProposal(trx, ctx, {
      ...input,
      memberStates: ownStates,
      organizations: ownOrgs,
      status: 'submitted',
    })
    await requestCosponsors(trx, ctx, row.id, {
      memberStates: states.filter((s) => !ownStates.includes(s)),
      organizations: orgs.filter((o) => !ownOrgs.includes(o)),
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.submitted',
      subjectType: 'proposal',
      subjectId: row.id,
      payload: {
        processId: input.processId,
        title: input.title,
        text: input.text,
        memberStates: ownStates,
        organizations: ownOrgs,
        cosponsorsAsked: {
          memberStates: states.filter((s) => !ownStates.includes(s)),
          organizations: orgs.filter((o) => !ownOrgs.includes(o)),
        },
        contributionIds: input.contributionIds ?? [],
      },
    })
    return ok({ id: row.id })
  })
}

/** A proposal with its first version, its proponents and the contributions it draws on. */
async function insertProposal(
  trx: Db,
  ctx: CommandContext,
  input: ProposalInput & { status: 'submitted' | 'under_discussion' },
): Promise<{ id: number }> {
  const n = ndb(trx)
  const row = await n
    .insertInto('negotiationProposal')
    .values({
      processId: input.processId,
      title: input.title,
      status: input.status,
      mergedIntoId: null,
      authorAccountId: accountOf(ctx.actor),
      language: input.language ?? 'en',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await n
    .insertInto('negotiationProposalVersion')
    .values({
      proposalId: row.id,
      number: 1,
      text: input.text,
      rationale: input.rationale ?? '',
      createdBy: accountOf(ctx.actor),
      createdAt: ctx.now,
    })
    .execute()
  await insertProponents(trx, row.id, input.memberStates, input.organizations)
  const sources = [...new Set(input.contributionIds ?? [])]
  if (sources.length)
    await n
      .insertInto('negotiationProposalSource')
      .values(sources.map((contributionId) => ({ proposalId: row.id, contributionId })))
      .execute()
  return row
}

async function insertProponents(trx: Db, proposalId: number, states: readonly string[], orgs: readonly number[]) {
  const rows = [
    ...[...new Set(states)].map((memberStateIso3) => ({ proposalId, memberStateIso3, organizationId: null })),
    ...[...new Set(orgs)].map((organizationId) => ({ proposalId, memberStateIso3: null, organizationId })),
  ]
  if (rows.length) await ndb(trx).insertInto('negotiationProposalProponent').values(rows).execute()
}

export async function reviseProposal(
  db: Db,
  ctx: CommandContext,
  id: number,
  input: { text: string; rationale?: string | undefined },
): Promise<Result<{ version: number }>> {
  const proposal = await findProposal(db, id)
  if (!proposal) return notFound('proposal_not_found')
  // the original proponents alone: a co-sponsor may withdraw its co-sponsorship, not the proposal
  const allowed = authorize(ctx.actor, 'proposal.revise', {
    memberStates: proposal.proponentStates,
    organizations: proposal.proponentOrganizations,
  })
  if (!allowed.ok) return allowed
  if (!['submitted', 'under_discussion'].includes(proposal.status)) return conflict(`proposal_${proposal.status}`)
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, proposal.processId)
    if (!open.ok) return open
    const n = ndb(trx)
    const updated = await n
      .updateTable('negotiationProposal')
      .set((eb) => ({ versionCount: eb('versionCount', '+', 1), updatedAt: ctx.now }))
      .where('id', '=', id)
      .returning('versionCount')
      .executeTakeFirstOrThrow()
    const version = updated.versionCount
    await n
      .insertInto('negotiationProposalVersion')
      .values({
        proposalId: id,
        number: version,
        text: input.text,
        rationale: input.rationale ?? proposal.versions.at(-1)?.rationale ?? '',
        createdBy: accountOf(ctx.actor),
        createdAt: ctx.now,
      })
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.revised',
      subjectType: 'proposal',
      subjectId: id,
      payload: { version, text: input.text },
    })
    return ok({ version })
  })
}

export async function withdrawProposal(db: Db, ctx: CommandContext, id: number): Promise<Result<void>> {
  const proposal = await findProposal(db, id)
  if (!proposal) return notFound('proposal_not_found')
  // the original proponents alone: a co-sponsor may withdraw its co-sponsorship, not the proposal
  const allowed = authorize(ctx.actor, 'proposal.revise', {
    memberStates: proposal.proponentStates,
    organizations: proposal.proponentOrganizations,
  })
  if (!allowed.ok) return allowed
  if (!['submitted', 'under_discussion'].includes(proposal.status)) return conflict(`proposal_${proposal.status}`)
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, proposal.processId)
    if (!open.ok) return open
    await ndb(trx)
      .updateTable('negotiationProposal')
      .set({ status: 'withdrawn', updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.withdrawn',
      subjectType: 'proposal',
      subjectId: id,
      payload: {},
    })
    return ok(undefined)
  })
}

/** The Chair merges proposals into a new one: its proponents and sources are theirs together. */
export async function mergeProposals(
  db: Db,
  ctx: CommandContext,
  input: { ids: number[]; title: string; text: string; rationale?: string | undefined; language?: Locale | undefined },
): Promise<Result<{ id: number }>> {
  const proposals = (await Promise.all(input.ids.map((id) => findProposal(db, id)))).filter((p) => p !== undefined)
  if (proposals.length < 2 || proposals.length !== new Set(input.ids).size)
    return invalid([{ path: 'ids', code: 'negotiation.mergeNeedsTwo' }])
  const processId = proposals[0]?.processId as number
  if (proposals.some((p) => p.processId !== processId))
    return invalid([{ path: 'ids', code: 'negotiation.mergeAcrossProcesses' }])
  const process = await findProcess(db, processId)
  if (!process) return notFound('process_not_found')
  const allowed = authorize(ctx.actor, 'proposal.merge', { bodyId: process.bodyId })
  if (!allowed.ok) return allowed
  const open = proposals.find((p) => !['submitted', 'under_discussion'].includes(p.status))
  if (open) return conflict(`proposal_${open.status}`, { id: open.id })
  return inTransaction(db, async (trx) => {
    const concluded = await negotiationOpen(trx, ctx, processId)
    if (!concluded.ok) return concluded
    const n = ndb(trx)
    const row = await insertProposal(trx, ctx, {
      processId,
      title: input.title,
      text: input.text,
      rationale: input.rationale,
      language: input.language ?? proposals[0]?.language,
      status: 'under_discussion',
      memberStates: proposals.flatMap((p) => p.memberStates),
      organizations: proposals.flatMap((p) => p.organizations),
      contributionIds: proposals.flatMap((p) => p.contributions),
    })
    await n
      .updateTable('negotiationProposal')
      .set({ status: 'merged', mergedIntoId: row.id, updatedAt: ctx.now })
      .where('id', 'in', input.ids)
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.merged',
      subjectType: 'proposal',
      subjectId: row.id,
      payload: { from: input.ids, title: input.title, text: input.text },
    })
    return ok({ id: row.id })
  })
}

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
    const row = await ndb(trx)
      .insertInto('negotiationAmendment')
      .values({
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
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'amendment.tabled',
      subjectType: 'amendment',
      subjectId: row.id,
      payload: { documentId, ...input },
    })
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
    await ndb(trx)
      .updateTable('negotiationAmendment')
      .set({ status, decidedAt: ctx.now, supersededById: supersededById ?? null })
      .where('id', '=', id)
      .execute()
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
  const n = ndb(trx)
  const paragraph = await findParagraph(trx, amendment.paragraphId, { forUpdate: true })
  if (!paragraph) return notFound('paragraph_not_found')
  const frozen = paragraphTransition(paragraph, { kind: 'incorporate' })
  if (!frozen.ok) return frozen
  if (amendment.operation === 'delete_paragraph') {
    // kept and shown struck through: nothing is lost from the record
    await n
      .updateTable('negotiationParagraph')
      .set({ status: 'deleted', updatedAt: ctx.now })
      .where('id', '=', paragraph.id)
      .execute()
    return ok(undefined)
  }
  if (amendment.operation === 'propose_alternative') return addAlternative(trx, ctx, paragraph, amendment.newText ?? '')
  if (amendment.operation === 'insert_paragraph') {
    const siblings = await paragraphsOf(trx, paragraph.documentId)
    const next = siblings.find((p) => p.position > paragraph.position)
    const position = next ? (paragraph.position + next.position) / 2 : paragraph.position + 1
    const text = amendment.newText ?? ''
    await n
      .insertInto('negotiationParagraph')
      .values({
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
      .execute()
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
  await n
    .updateTable('negotiationParagraph')
    .set({ text: changed.text, status, updatedAt: ctx.now })
    .where('id', '=', paragraph.id)
    .execute()
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
  const n = ndb(trx)
  const group = paragraph.alternativeGroup ?? `alt-${paragraph.id}`
  if (!paragraph.alternativeGroup) {
    await n
      .updateTable('negotiationParagraph')
      .set({ alternativeGroup: group, alternativeLabel: alternativeLabel(1), updatedAt: ctx.now })
      .where('id', '=', paragraph.id)
      .execute()
  }
  const siblings = await paragraphsOf(trx, paragraph.documentId)
  const inGroup = siblings.filter((p) => p.alternativeGroup === group || p.id === paragraph.id)
  const last = inGroup.at(-1) ?? paragraph
  const next = siblings.find((p) => p.position > last.position)
  await n
    .insertInto('negotiationParagraph')
    .values({
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
    .execute()
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

/** A delegate gives their State's position; the State's latest word is its position. */
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
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'position.take', { memberStateIso3: input.memberStateIso3 })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    // the subject as it stands now, locked, so a declaration or a change of text waits for it
    let documentId: number
    if (input.subjectType === 'paragraph') {
      const paragraph = await findParagraph(trx, input.subjectId, { forUpdate: true })
      if (!paragraph) return notFound('paragraph_not_found')
      const takes = paragraphTransition(paragraph, { kind: 'take_position' })
      if (!takes.ok) return takes
      documentId = paragraph.documentId
    } else {
      const amendment = await findAmendment(trx, input.subjectId, { forUpdate: true })
      if (!amendment) return notFound('amendment_not_found')
      const takes = amendmentTransition(amendment.status, { kind: 'take_position' })
      if (!takes.ok) return takes
      documentId = amendment.documentId
    }
    if (input.documentId !== undefined && input.documentId !== documentId)
      return invalid([
        {
          path: input.subjectType === 'paragraph' ? 'paragraphId' : 'amendmentId',
          code: 'negotiation.unknownParagraph',
        },
      ])
    const document = await documentWithBody(trx, documentId)
    if (!document) return notFound('negotiating_document_not_found')
    const open = await negotiationOpen(trx, ctx, document.process.id)
    if (!open.ok) return open
    const { documentId: _, ...position } = input
    const row = await recordPosition(trx, {
      ...position,
      note: input.note ?? null,
      accountId: accountOf(ctx.actor),
      at: ctx.now,
    })
    await recordAudit(trx, {
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
    })
    return ok(undefined)
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
    const row = await ndb(trx)
      .insertInto('negotiationComment')
      .values({
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
      .returning('id')
      .executeTakeFirstOrThrow()
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
    await ndb(trx)
      .updateTable('negotiationComment')
      .set({ answer, answeredBy: accountOf(ctx.actor), answeredAt: ctx.now })
      .where('id', '=', id)
      .execute()
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
