// Contributing to a call: submit (on behalf of a State, an organization or oneself) and revise.
// Each step authorizes, runs in one transaction and is in the audit log. Withdrawal and moderation
// are in commands-moderation.ts, drafts in commands-draft.ts.

import { auditedBy, recordAudit } from '../../core/audit/audit.ts'
import { type Actor, delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { sha256 } from '../../core/auth/crypto.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, err, forbidden, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { electoralGroup, findMemberState, findOrganizationById, hasClassification, localized } from '../actors/index.ts'
import { bodyMembers, type Call, findCall, findProcess, processTakes } from '../processes/index.ts'
import {
  type Ctx,
  checkedFiles,
  closedError,
  type FileUpload,
  isUniqueViolation,
  ownStanding,
} from './command-checks.ts'
import { type Contribution, findContribution, standingContribution } from './queries.ts'
import { queueArrival } from './queries-arrivals.ts'
import { deleteDraft } from './queries-draft.ts'
import { insertAttachments, insertContribution, insertRevision, updateContribution } from './queries-write.ts'
import { answerIssues, type TypedAnswer } from './rules/answers.ts'
import { type Speaker, sameSpeaker, speakersFor } from './rules/eligibility.ts'
import type { ContributionStatus } from './tables.ts'

export type { Ctx, FileUpload } from './command-checks.ts'

export interface SubmissionInput {
  speaker: Speaker
  language: string
  answers: TypedAnswer[]
  attachments: FileUpload[]
}

/** The answers' fingerprints, for the audit log (the text itself stays in the contribution). */
const answerPrints = (answers: readonly TypedAnswer[]) =>
  answers.filter((a) => a.text.trim() !== '').map((a) => ({ questionId: a.questionId, sha256: sha256(a.text.trim()) }))

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

/** Submits a contribution to an open call; its author's draft for the call is then gone. */
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
      const id = await insertContribution(trx, {
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
      const answered = await insertRevision(trx, id, 1, input, actor.accountId, ctx.now)
      await updateContribution(trx, id, { answeredQuestionIds: answered })
      await insertAttachments(trx, id, 1, checked)
      await deleteDraft(trx, callId, actor.accountId)
      // published as it arrives: the consultation assigns it (held for review: once published)
      if (status === 'published') await queueArrival(trx, id)
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'contribution.submitted',
        subjectType: 'contribution',
        subjectId: id,
        payload: {
          callId,
          processId: call.processId,
          ...target,
          language: input.language,
          status,
          answers: answerPrints(input.answers),
          attachments: checked.map((f) => ({ fileName: f.fileName, sha256: sha256(f.content) })),
        },
      })
      return ok((await findContribution(trx, id)) as Contribution)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('already_contributed')
    throw error
  }
}

export async function reviseContribution(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { language: string; answers: TypedAnswer[]; attachments: FileUpload[] },
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
    await updateContribution(trx, id, {
      revisionCount: number,
      language: input.language,
      answeredQuestionIds: answered,
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution.revised',
      subjectType: 'contribution',
      subjectId: id,
      payload: {
        processId: contribution.processId,
        revision: number,
        language: input.language,
        answers: answerPrints(input.answers),
      },
    })
    return ok((await findContribution(trx, id)) as Contribution)
  })
}
