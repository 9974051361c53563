// Contributing to a call: submit, revise, withdraw; and the Secretariat's moderation (publish
// what waits for review, hide abuse with a public reason). Each step authorizes, runs in one
// transaction and is in the audit log. Nothing is deleted.

import { MAX_ATTACHMENTS } from '../../config.ts'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { type Actor, delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { sha256 } from '../../core/auth/crypto.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, err, forbidden, type Issue, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { electoralGroup, findMemberState, findOrganizationById, hasClassification, localized } from '../actors/index.ts'
import {
  bodyMembers,
  type Call,
  callClosesAt,
  callState,
  findCall,
  findProcess,
  type ProcessWrite,
  processTakes,
} from '../processes/index.ts'
import { type Contribution, cdb, findContribution, standingContribution } from './queries.ts'
import { checkAttachment, safeFileName } from './rules/attachments.ts'
import { type Speaker, sameSpeaker, speakersFor } from './rules/eligibility.ts'
import type { ContributionStatus } from './tables.ts'

export interface Ctx extends CommandContext {
  /** the configured attachment limit */
  attachmentMaxBytes: number
}

export interface FileUpload {
  fileName: string
  content: Uint8Array
}

export interface SubmissionInput {
  speaker: Speaker
  language: string
  answers: { questionId: number; text: string }[]
  attachments: FileUpload[]
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505'
}

/** Why a call takes no submission now, as an error naming the closing time. */
function closedError(call: Call, now: Date): Result<never> | null {
  const state = callState(call, now)
  if (state === 'upcoming') return conflict('call_not_open', { date: call.opensAt.toISOString() })
  if (state === 'closed') return conflict('call_closed', { date: callClosesAt(call).toISOString() })
  return null
}

function answerIssues(call: Call, answers: SubmissionInput['answers'], language: string): Issue[] {
  const issues: Issue[] = []
  if (!call.languages.includes(language)) issues.push({ path: 'language', code: 'contributions.languageNotAccepted' })
  const asked = new Set(call.questionIds)
  answers.forEach((a, i) => {
    if (!asked.has(a.questionId)) issues.push({ path: `answers.${i}`, code: 'contributions.unknownQuestion' })
  })
  if (!answers.some((a) => a.text.trim() !== '')) issues.push({ path: 'answers', code: 'contributions.answerRequired' })
  return issues
}

async function checkedFiles(files: FileUpload[], maxBytes: number) {
  const issues: Issue[] = []
  const checked: (FileUpload & { mediaType: string; extension: string })[] = []
  // the limit holds for every way in (form and API), before any file is read
  if (files.length > MAX_ATTACHMENTS) {
    return {
      issues: [{ path: 'attachments', code: 'validation.tooManyItems', values: { max: MAX_ATTACHMENTS } }],
      checked,
    }
  }
  for (const [i, file] of files.entries()) {
    const check = await checkAttachment(file.content, maxBytes)
    if (check.ok) checked.push({ ...file, mediaType: check.mediaType, extension: check.extension })
    else
      issues.push({
        path: `attachments.${i}`,
        code: check.code,
        values: { name: file.fileName, max: Math.floor(maxBytes / 1024 / 1024) || 1 },
      })
  }
  return { issues, checked }
}

async function insertAttachments(
  trx: Db,
  contributionId: number,
  revisionNumber: number,
  files: (FileUpload & { mediaType: string; extension: string })[],
) {
  for (const f of files) {
    await cdb(trx)
      .insertInto('contributionsAttachment')
      .values({
        contributionId,
        revisionNumber,
        fileName: safeFileName(f.fileName, f.extension),
        mediaType: f.mediaType,
        sizeBytes: f.content.byteLength,
        sha256: sha256(f.content),
        content: Buffer.from(f.content),
      })
      .execute()
  }
}

async function insertRevision(
  trx: Db,
  contributionId: number,
  number: number,
  input: { language: string; answers: SubmissionInput['answers'] },
  accountId: number,
  now: Date,
) {
  const revision = await cdb(trx)
    .insertInto('contributionsRevision')
    .values({ contributionId, number, language: input.language, createdBy: accountId, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const answers = input.answers.filter((a) => a.text.trim() !== '')
  await cdb(trx)
    .insertInto('contributionsAnswer')
    .values(answers.map((a) => ({ revisionId: revision.id, questionId: a.questionId, body: a.text.trim() })))
    .execute()
  return answers.map((a) => a.questionId)
}

/** What the compilation says of the speaker, fixed at submission. */
async function speakerProfile(db: Db, speaker: Speaker, actor: Extract<Actor, { kind: 'account' }>, today: string) {
  if (speaker.speakingFor === 'member_state') {
    const state = await findMemberState(db, speaker.memberStateIso3)
    if (!state) return null
    return {
      contributorName: state.shortName.en,
      stakeholderGroup: 'government',
      regionalGroup: electoralGroup(state),
      ldc: hasClassification(state, 'ldc', today),
      lldc: hasClassification(state, 'lldc', today),
      sids: hasClassification(state, 'sids', today),
    }
  }
  if (speaker.speakingFor === 'organization') {
    const org = await findOrganizationById(db, speaker.organizationId)
    if (!org) return null
    // an organization counts in the region and development status of its headquarters
    const hq = org.headquartersIso3 ? await findMemberState(db, org.headquartersIso3) : undefined
    return {
      contributorName: localized(org.name, 'en'),
      stakeholderGroup: org.stakeholderGroup,
      regionalGroup: hq ? electoralGroup(hq) : null,
      ldc: hq ? hasClassification(hq, 'ldc', today) : false,
      lldc: hq ? hasClassification(hq, 'lldc', today) : false,
      sids: hq ? hasClassification(hq, 'sids', today) : false,
    }
  }
  return {
    contributorName: actor.displayName,
    stakeholderGroup: 'individual',
    regionalGroup: null,
    ldc: false,
    lldc: false,
    sids: false,
  }
}

/** The voices in which the actor may answer this call. */
export async function eligibleSpeakers(db: Db, actor: Actor, call: Call): Promise<Speaker[]> {
  if (actor.kind !== 'account') return []
  const process = await findProcess(db, call.processId)
  if (!process) return []
  const members = await bodyMembers(db, process.bodyId)
  const full = members.filter((m) => m.standing === 'member')
  return speakersFor({ delegations: delegationsOf(actor), organizations: organizationsOf(actor) }, call.eligibility, {
    memberStates: new Set(full.flatMap((m) => (m.memberStateIso3 ? [m.memberStateIso3] : []))),
    organizations: new Set(full.flatMap((m) => (m.organizationId ? [m.organizationId] : []))),
  })
}

export async function submitContribution(
  db: Db,
  ctx: Ctx,
  callId: number,
  input: SubmissionInput,
): Promise<Result<Contribution>> {
  const allowed = authorize(ctx.actor, 'contribution.submit')
  if (!allowed.ok) return allowed
  const actor = ctx.actor
  if (actor.kind !== 'account') return err({ type: 'unauthenticated', id: 'sign_in_required' })
  const call = await findCall(db, callId)
  if (!call) return notFound('call_not_found')
  const concluded = await processTakes(db, ctx, call.processId, 'contribution')
  if (!concluded.ok) return concluded
  const closed = closedError(call, ctx.now)
  if (closed) return closed
  const speakers = await eligibleSpeakers(db, actor, call)
  if (!speakers.some((s) => sameSpeaker(s, input.speaker))) return forbidden('not_eligible')
  const { issues: fileIssues, checked } = await checkedFiles(input.attachments, ctx.attachmentMaxBytes)
  const issues = [...answerIssues(call, input.answers, input.language), ...fileIssues]
  if (issues.length) return invalid(issues)
  const target = {
    speakingFor: input.speaker.speakingFor,
    memberStateIso3: input.speaker.speakingFor === 'member_state' ? input.speaker.memberStateIso3 : null,
    organizationId: input.speaker.speakingFor === 'organization' ? input.speaker.organizationId : null,
  }
  const existing = await standingContribution(db, callId, { ...target, accountId: actor.accountId })
  if (existing) return conflict('already_contributed', { id: existing.id })
  const profile = await speakerProfile(db, input.speaker, actor, isoDate(ctx.now))
  if (!profile) return invalid([{ path: 'speakingFor', code: 'contributions.unknownSpeaker' }])
  const status: ContributionStatus = call.moderation === 'immediate' ? 'published' : 'pending_review'
  try {
    return await inTransaction(db, async (trx) => {
      // re-read under lock: the process may have concluded, the call been extended or closed
      const open = await processTakes(trx, ctx, call.processId, 'contribution')
      if (!open.ok) return open
      const locked = await findCall(trx, callId, { forUpdate: true })
      const stillClosed = locked ? closedError(locked, ctx.now) : notFound('call_not_found')
      if (stillClosed) return stillClosed
      const row = await cdb(trx)
        .insertInto('contributionsContribution')
        .values({
          callId,
          processId: call.processId,
          ...target,
          authorAccountId: actor.accountId,
          ...profile,
          language: input.language,
          status,
          answeredQuestionIds: [],
          createdAt: ctx.now,
          updatedAt: ctx.now,
          publishedAt: status === 'published' ? ctx.now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const answered = await insertRevision(trx, row.id, 1, input, actor.accountId, ctx.now)
      await cdb(trx)
        .updateTable('contributionsContribution')
        .set({ answeredQuestionIds: answered })
        .where('id', '=', row.id)
        .execute()
      await insertAttachments(trx, row.id, 1, checked)
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'contribution.submitted',
        subjectType: 'contribution',
        subjectId: row.id,
        payload: {
          callId,
          processId: call.processId,
          ...target,
          language: input.language,
          status,
          answers: input.answers
            .filter((a) => a.text.trim() !== '')
            .map((a) => ({ questionId: a.questionId, sha256: sha256(a.text.trim()) })),
          attachments: checked.map((f) => ({ fileName: f.fileName, sha256: sha256(f.content) })),
        },
      })
      return ok((await findContribution(trx, row.id)) as Contribution)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('already_contributed')
    throw error
  }
}

/**
 * The contribution, locked, when the actor speaks for its author, its process's record is open and
 * it is still standing.
 */
async function ownStanding(trx: Db, ctx: Ctx, id: number, write: ProcessWrite): Promise<Result<Contribution>> {
  const contribution = await findContribution(trx, id, { forUpdate: true })
  if (!contribution) return notFound('contribution_not_found')
  const allowed = authorize(ctx.actor, 'contribution.revise', contribution)
  if (!allowed.ok) return allowed
  const open = await processTakes(trx, ctx, contribution.processId, write)
  if (!open.ok) return open
  if (contribution.status === 'withdrawn') return conflict('contribution_withdrawn')
  if (contribution.status === 'hidden') return conflict('contribution_hidden')
  return ok(contribution)
}

export async function reviseContribution(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { language: string; answers: SubmissionInput['answers']; attachments: FileUpload[] },
): Promise<Result<Contribution>> {
  const { issues: fileIssues, checked } = await checkedFiles(input.attachments, ctx.attachmentMaxBytes)
  return inTransaction(db, async (trx) => {
    const own = await ownStanding(trx, ctx, id, 'contribution_revision')
    if (!own.ok) return own
    const contribution = own.value
    const call = await findCall(trx, contribution.callId)
    if (!call) return notFound('call_not_found')
    const closed = closedError(call, ctx.now)
    if (closed) return closed
    const issues = [...answerIssues(call, input.answers, input.language), ...fileIssues]
    if (issues.length) return invalid(issues)
    const accountId = ctx.actor.kind === 'account' ? ctx.actor.accountId : contribution.authorAccountId
    const number = contribution.revisionCount + 1
    const answered = await insertRevision(trx, id, number, input, accountId, ctx.now)
    await insertAttachments(trx, id, number, checked)
    await cdb(trx)
      .updateTable('contributionsContribution')
      .set({ revisionCount: number, language: input.language, answeredQuestionIds: answered, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution.revised',
      subjectType: 'contribution',
      subjectId: id,
      payload: {
        processId: contribution.processId,
        revision: number,
        language: input.language,
        answers: input.answers
          .filter((a) => a.text.trim() !== '')
          .map((a) => ({ questionId: a.questionId, sha256: sha256(a.text.trim()) })),
      },
    })
    return ok((await findContribution(trx, id)) as Contribution)
  })
}

export async function withdrawContribution(
  db: Db,
  ctx: Ctx,
  id: number,
  note: string | undefined,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const own = await ownStanding(trx, ctx, id, 'contribution_withdrawal')
    if (!own.ok) return own
    await cdb(trx)
      .updateTable('contributionsContribution')
      .set({ status: 'withdrawn', withdrawnAt: ctx.now, withdrawalNote: note ?? null, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution.withdrawn',
      subjectType: 'contribution',
      subjectId: id,
      payload: { processId: own.value.processId, note: note ?? null },
    })
    return ok(undefined)
  })
}

async function moderate(
  db: Db,
  ctx: Ctx,
  id: number,
  change: { from: ContributionStatus[]; to: ContributionStatus; reason?: string },
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'contribution.moderate')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const contribution = await findContribution(trx, id, { forUpdate: true })
    if (!contribution) return notFound('contribution_not_found')
    // hiding abuse stays a duty after the process concluded; publishing changes its record
    const open = await processTakes(
      trx,
      ctx,
      contribution.processId,
      change.to === 'hidden' ? 'contribution_hiding' : 'contribution_publication',
    )
    if (!open.ok) return open
    if (!change.from.includes(contribution.status)) return conflict(`contribution_${contribution.status}`)
    await cdb(trx)
      .updateTable('contributionsContribution')
      .set(
        change.to === 'hidden'
          ? { status: 'hidden', hiddenAt: ctx.now, hiddenReason: change.reason ?? null, updatedAt: ctx.now }
          : { status: 'published', publishedAt: ctx.now, updatedAt: ctx.now },
      )
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: change.to === 'hidden' ? 'contribution.hidden' : 'contribution.published',
      subjectType: 'contribution',
      subjectId: id,
      payload: { processId: contribution.processId, ...(change.reason ? { reason: change.reason } : {}) },
    })
    return ok(undefined)
  })
}

export const publishContribution = (db: Db, ctx: Ctx, id: number) =>
  moderate(db, ctx, id, { from: ['pending_review'], to: 'published' })

export const hideContribution = (db: Db, ctx: Ctx, id: number, reason: string) =>
  moderate(db, ctx, id, { from: ['published', 'pending_review'], to: 'hidden', reason })
