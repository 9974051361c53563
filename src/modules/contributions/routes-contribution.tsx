// One contribution's page and its forms: withdraw (its author), publish and hide (the
// Secretariat); a refused form comes back on the page with what was typed and the reason. And
// an attachment's download, for whoever may see its contribution.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import type { FormValues } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { DomainError, Result } from '../../core/result.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { acceptsWrites, callState, findCall, findProcess, guidingQuestions } from '../processes/index.ts'
import { hideContribution, publishContribution, withdrawContribution } from './commands-moderation.ts'
import { ctxOf } from './contribute-page.tsx'
import { attachmentContent, attachmentsOf, findContribution, revisionsOf } from './queries.ts'
import { HideInput, WithdrawalInput } from './schemas.ts'
import { type ContributionView, renderContribution } from './views/contribution.tsx'

type Forms = Pick<ContributionView, 'withdrawForm' | 'hideForm' | 'status'>

async function contributionPage(c: Context<AppEnv>, forms: Forms = {}) {
  const { db, i18n, actor } = c.var
  const contribution = await findContribution(db, idParam(c))
  if (!contribution) return respondError(c, { type: 'not_found', id: 'contribution_not_found' })
  const canRevise = can(actor, 'contribution.revise', contribution)
  const canModerate = can(actor, 'contribution.moderate')
  if (contribution.status === 'pending_review' && !canRevise && !canModerate) {
    return respondError(c, { type: 'not_found', id: 'contribution_not_found' })
  }
  const [process, questions, revisions, attachments, call] = await Promise.all([
    findProcess(db, contribution.processId),
    guidingQuestions(db, contribution.processId),
    revisionsOf(db, contribution.id),
    attachmentsOf(db, [contribution.id]),
    findCall(db, contribution.callId),
  ])
  if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
  let contributorLabel = contribution.contributorName
  let contributorHref: string | null = null
  if (contribution.memberStateIso3) {
    const state = (await listMemberStates(db)).find((s) => s.iso3 === contribution.memberStateIso3)
    if (state) contributorLabel = state.shortName[i18n.locale]
    contributorHref = `/member-states/${contribution.memberStateIso3}`
  } else if (contribution.organizationId) {
    const [org] = await findOrganizationsByIds(db, [contribution.organizationId])
    if (org) {
      contributorLabel = localized(org.name, i18n.locale)
      contributorHref = `/organizations/${org.slug}`
    }
  }
  return renderContribution(c, {
    contribution,
    contributorLabel,
    contributorHref,
    process,
    questions,
    revisions,
    attachments,
    canRevise,
    canModerate,
    processOpen: acceptsWrites(process),
    callOpen: call ? callState(call, c.var.deps.now()) === 'open' : false,
    ...forms,
  })
}

/** A refused withdrawal or hiding: a conflict comes back on the page as the form's reason. */
function refused(c: Context<AppEnv>, form: 'withdrawForm' | 'hideForm', values: FormValues, error: DomainError) {
  if (error.type !== 'conflict') return respondError(c, error)
  return contributionPage(c, {
    [form]: { values, issues: [{ path: 'form', code: `errors.${error.id}` }] },
    status: 409,
  })
}

async function textValues(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody()
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as FormValues
}

export function registerContributionPageRoutes(app: Hono<AppEnv>): void {
  app.get('/contributions/:id', (c) => contributionPage(c))

  app.post('/contributions/:id/withdraw', async (c) => {
    const values = await textValues(c)
    const form = parseWith(WithdrawalInput, values)
    if (!form.ok) return contributionPage(c, { withdrawForm: { values, issues: form.issues }, status: 422 })
    const result: Result<void> = await withdrawContribution(
      c.var.db,
      ctxOf(c),
      idParam(c),
      form.value.note || undefined,
    )
    if (!result.ok) return refused(c, 'withdrawForm', values, result.error)
    flash(c, 'flash.contributionWithdrawn')
    return c.redirect(`/contributions/${idParam(c)}`, 303)
  })

  app.post('/contributions/:id/hide', async (c) => {
    const values = await textValues(c)
    const form = parseWith(HideInput, values)
    if (!form.ok) return contributionPage(c, { hideForm: { values, issues: form.issues }, status: 422 })
    const result = await hideContribution(c.var.db, ctxOf(c), idParam(c), form.value.reason)
    if (!result.ok) return refused(c, 'hideForm', values, result.error)
    flash(c, 'flash.contributionHidden')
    return c.redirect(`/contributions/${idParam(c)}`, 303)
  })

  app.post('/contributions/:id/publish', async (c) => {
    const result = await publishContribution(c.var.db, ctxOf(c), idParam(c))
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect(`/contributions/${idParam(c)}`, 303)
  })

  app.get('/attachments/:id', async (c) => {
    const { db, actor } = c.var
    const attachment = await attachmentContent(db, idParam(c))
    const contribution = attachment ? await findContribution(db, attachment.contributionId) : undefined
    const visible =
      contribution &&
      (contribution.status === 'published' ||
        (contribution.status === 'pending_review' &&
          (can(actor, 'contribution.moderate') || can(actor, 'contribution.revise', contribution))))
    if (!attachment || !visible) return respondError(c, { type: 'not_found', id: 'attachment_not_found' })
    return c.body(new Uint8Array(attachment.content), 200, {
      'content-type': attachment.mediaType,
      'content-disposition': contentDisposition(attachment.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=0',
    })
  })
}
