// An author's draft of a contribution: saved as they write (by the page's script, or its "Save
// draft" button), found again when they come back, private to them, gone once they submit.
import { auditedBy, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import { err, type Issue, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findCall, processTakes } from '../processes/index.ts'
import { type Ctx, closedError } from './command-checks.ts'
import { upsertDraft } from './queries-draft.ts'
import { lengthIssues, type TypedAnswer } from './rules/answers.ts'
import { parseSpeakerKey } from './rules/eligibility.ts'

export interface DraftInput {
  /** a speaker key as the form sends it, '' when none chosen yet */
  speaker: string
  /** '' when none chosen yet */
  language: string
  answers: TypedAnswer[]
}

/** Saves what the author has typed for an open call so far; nothing is submitted or shown. */
export async function saveContributionDraft(
  db: Db,
  ctx: Ctx,
  callId: number,
  input: DraftInput,
): Promise<Result<{ savedAt: Date }>> {
  const allowed = authorize(ctx.actor, 'contribution.submit')
  if (!allowed.ok) return allowed
  const actor = ctx.actor
  if (actor.kind !== 'account') return err({ type: 'unauthenticated', id: 'sign_in_required' })
  const call = await findCall(db, callId)
  if (!call) return notFound('call_not_found')
  const open = await processTakes(db, ctx, call.processId, 'contribution')
  if (!open.ok) return open
  const closed = closedError(call, ctx.now)
  if (closed) return closed
  const issues: Issue[] = [
    ...(input.speaker === '' || parseSpeakerKey(input.speaker) ? [] : [{ path: 'speaker', code: 'validation.choice' }]),
    ...(input.language === '' || isLocale(input.language) ? [] : [{ path: 'language', code: 'validation.choice' }]),
    ...lengthIssues(input.answers),
  ]
  const asked = new Set(call.questionIds)
  input.answers.forEach((a, i) => {
    if (!asked.has(a.questionId)) issues.push({ path: `answers.${i}`, code: 'contributions.unknownQuestion' })
  })
  if (issues.length) return invalid(issues)
  const answers = Object.fromEntries(
    input.answers.filter((a) => a.text !== '').map((a) => [String(a.questionId), a.text]),
  )
  return inTransaction(db, async (trx) => {
    await upsertDraft(trx, {
      callId,
      accountId: actor.accountId,
      speaker: input.speaker,
      language: input.language,
      answers,
      savedAt: ctx.now,
    })
    // a draft is private to its author: a restricted audit entry, without the text
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution.draft_saved',
      subjectType: 'call',
      subjectId: callId,
      payload: { processId: call.processId },
      public: false,
    })
    return ok({ savedAt: ctx.now })
  })
}
