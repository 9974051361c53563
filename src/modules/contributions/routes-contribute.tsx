// Answering a call: the form (with the author's draft when there is one), saving the draft (JSON
// for the page's script, a redirect without it), submitting; and revising a contribution.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { apiIssues, respondError } from '../../core/http/errors.tsx'
import type { FormValues } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import type { Issue } from '../../core/result.ts'
import { acceptsWrites, type Call, callState, findCall, findProcess } from '../processes/index.ts'
import { reviseContribution, submitContribution } from './commands.ts'
import { saveContributionDraft } from './commands-draft.ts'
import {
  answersFrom,
  contributePage,
  ctxOf,
  draftValues,
  formIssues,
  formOutcome,
  readMultipart,
} from './contribute-page.tsx'
import { type Contribution, findContribution, revisionsOf } from './queries.ts'
import { findDraft } from './queries-draft.ts'
import { parseSpeakerKey } from './rules/eligibility.ts'

/** Why the form cannot be used now (process concluded, call not open), as the form's issue. */
async function closedIssue(c: Context<AppEnv>, call: Call): Promise<Issue | null> {
  const process = await findProcess(c.var.db, call.processId)
  if (process && !acceptsWrites(process)) return { path: 'form', code: 'errors.process_concluded' }
  const state = callState(call, c.var.deps.now())
  if (state === 'open') return null
  return {
    path: 'form',
    code: state === 'closed' ? 'errors.call_closed' : 'errors.call_not_open',
    values: {
      date: c.var.i18n.dateTime(state === 'closed' ? (call.extendedUntil ?? call.closesAt) : call.opensAt),
    },
  }
}

const accountIdOf = (c: Context<AppEnv>) => (c.var.actor.kind === 'account' ? c.var.actor.accountId : 0)

export function registerContributeRoutes(app: Hono<AppEnv>): void {
  app.get('/calls/:id/contribute', async (c) => {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const closed = await closedIssue(c, call)
    if (closed) return contributePage(c, call, { issues: [closed] }, { status: 409 })
    const draft = await findDraft(c.var.db, call.id, accountIdOf(c))
    if (draft) return contributePage(c, call, { values: draftValues(draft) }, { draftSavedAt: draft.savedAt })
    return contributePage(c, call, { values: { language: c.var.i18n.locale } })
  })

  app.post('/calls/:id/contribute/draft', async (c) => {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const wantsJson = c.req.header('accept')?.includes('application/json')
    const { values } = await readMultipart(c)
    const result = await saveContributionDraft(c.var.db, ctxOf(c), call.id, {
      speaker: String(values.speaker ?? ''),
      language: String(values.language ?? ''),
      answers: answersFrom(values, call),
    })
    if (wantsJson) {
      // the page's script shows a refusal as "not saved"; the reasons come with it
      if (!result.ok) {
        const error = result.error
        if (error.type !== 'invalid' && error.type !== 'conflict') return respondError(c, error)
        const issues = error.type === 'invalid' ? apiIssues(c, formIssues(error.issues, call)) : []
        return c.json({ id: error.id, issues }, error.type === 'invalid' ? 422 : 409)
      }
      const { i18n } = c.var
      return c.json({
        savedAt: result.value.savedAt.toISOString(),
        message: i18n.t('contributions.draft.savedAt', { date: i18n.dateTime(result.value.savedAt) }),
      })
    }
    const failed = formOutcome(c, call, values, result)
    if (failed) return failed
    flash(c, 'flash.draftSaved')
    return c.redirect(`/calls/${call.id}/contribute`, 303)
  })

  app.post('/calls/:id/contribute', async (c) => {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const { values, files } = await readMultipart(c)
    // what is on the screen is kept as the draft first: a refusal or a lost answer loses nothing
    await saveContributionDraft(c.var.db, ctxOf(c), call.id, {
      speaker: String(values.speaker ?? ''),
      language: String(values.language ?? ''),
      answers: answersFrom(values, call),
    })
    const speaker = parseSpeakerKey(String(values.speaker ?? ''))
    const language = String(values.language ?? '')
    if (!speaker || !isLocale(language)) {
      const issues: Issue[] = [
        ...(speaker ? [] : [{ path: 'speaker', code: 'validation.required' }]),
        ...(isLocale(language) ? [] : [{ path: 'language', code: 'validation.required' }]),
      ]
      return contributePage(c, call, { values, issues }, { status: 422 })
    }
    const result = await submitContribution(c.var.db, ctxOf(c), call.id, {
      speaker,
      language,
      answers: answersFrom(values, call),
      attachments: files,
    })
    const failed = formOutcome(c, call, values, result)
    if (failed) return failed
    flash(c, 'flash.contributionSubmitted')
    return c.redirect(`/contributions/${(result as { value: Contribution }).value.id}`, 303)
  })

  /** The contribution and its call, for its author side; or the response to send instead. */
  async function ownContribution(c: Context<AppEnv>) {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const contribution = await findContribution(c.var.db, idParam(c))
    if (!contribution) return respondError(c, { type: 'not_found', id: 'contribution_not_found' })
    if (!can(actor, 'contribution.revise', contribution)) {
      return respondError(c, { type: 'forbidden', id: 'forbidden:contribution.revise' })
    }
    const call = await findCall(c.var.db, contribution.callId)
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    return { contribution, call }
  }

  app.get('/contributions/:id/revise', async (c) => {
    const own = await ownContribution(c)
    if (own instanceof Response) return own
    const { contribution, call } = own
    const [current] = await revisionsOf(c.var.db, contribution.id)
    const values: FormValues = { language: contribution.language }
    for (const a of current?.answers ?? []) values[`answers.${a.questionId}`] = a.body
    return contributePage(c, call, { values }, { revising: contribution })
  })

  app.post('/contributions/:id/revise', async (c) => {
    const own = await ownContribution(c)
    if (own instanceof Response) return own
    const { contribution, call } = own
    const { values, files } = await readMultipart(c)
    const language = String(values.language ?? '')
    if (!isLocale(language)) {
      return contributePage(
        c,
        call,
        { values, issues: [{ path: 'language', code: 'validation.required' }] },
        { revising: contribution, status: 422 },
      )
    }
    const result = await reviseContribution(c.var.db, ctxOf(c), contribution.id, {
      language,
      answers: answersFrom(values, call),
      attachments: files,
    })
    const failed = formOutcome(c, call, values, result, contribution)
    if (failed) return failed
    flash(c, 'flash.contributionRevised')
    return c.redirect(`/contributions/${contribution.id}`, 303)
  })
}
