// Contribution pages: answer a call, read and revise a contribution, withdraw it, moderate it;
// a process's contribution list and its compilation (HTML and .docx).

import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import type { FormValues } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import type { Issue, Result } from '../../core/result.ts'
import { pageParam } from '../../core/ui/components.tsx'
import type { FormState } from '../../core/ui/form.tsx'
import { isolated } from '../../core/ui/name.tsx'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { acceptsWrites, type Call, callState, findCall, findProcess, guidingQuestions } from '../processes/index.ts'
import {
  eligibleSpeakers,
  type FileUpload,
  hideContribution,
  publishContribution,
  reviseContribution,
  submitContribution,
  withdrawContribution,
} from './commands.ts'
import { compilationDocx } from './compilation-docx.ts'
import { compilationOf } from './compile.ts'
import {
  attachmentContent,
  attachmentsOf,
  type Contribution,
  currentAnswers,
  findContribution,
  listContributions,
  revisionsOf,
  summaryRows,
} from './queries.ts'
import { parseSpeakerKey, type Speaker } from './rules/eligibility.ts'
import { summaryFromGroups } from './rules/summary.ts'
import { ContributionQuery, HideInput, WithdrawalInput } from './schemas.ts'
import { type ContributeView, renderContribute } from './views/contribute.tsx'
import { renderContribution } from './views/contribution.tsx'
import { renderCompilation, renderList } from './views/list.tsx'

const PAGE_SIZE = 25

function ctxOf(c: Context<AppEnv>) {
  return { ...commandContext(c), attachmentMaxBytes: c.var.deps.config.attachmentMaxBytes }
}

/** Who the public may see: published, and the notes of withdrawn and hidden ones. */
export function visibleStatuses(c: Context<AppEnv>) {
  return can(c.var.actor, 'contribution.moderate')
    ? (['published', 'pending_review', 'withdrawn', 'hidden'] as const)
    : (['published', 'withdrawn', 'hidden'] as const)
}

/** The one field of the form that carries files; files sent under any other name are dropped. */
const ATTACHMENT_FIELD = 'attachments'

/** A multipart form: its text fields (kept to show again) and its files. */
async function readMultipart(c: Context<AppEnv>): Promise<{ values: FormValues; files: FileUpload[] }> {
  const body = await c.req.parseBody({ all: true })
  const values: FormValues = {}
  const files: FileUpload[] = []
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') values[key] = item
      else if (item instanceof File && item.size > 0 && key === ATTACHMENT_FIELD) {
        files.push({ fileName: item.name, content: new Uint8Array(await item.arrayBuffer()) })
      }
    }
  }
  return { values, files }
}

/** The answers typed in the form (fields answers.<questionId>), in the call's order. */
function answersFrom(values: FormValues, call: Call) {
  return call.questionIds.map((questionId) => ({
    questionId,
    text: String(values[`answers.${questionId}`] ?? '').slice(0, 50_001),
  }))
}

/** The command's issue paths as the form's field names. */
function formIssues(issues: Issue[], call: Call): Issue[] {
  return issues.map((issue) => {
    const answer = /^answers\.(\d+)/.exec(issue.path)
    if (answer) return { ...issue, path: `answers.${call.questionIds[Number(answer[1])] ?? ''}` }
    if (issue.path.startsWith('attachments')) return { ...issue, path: 'attachments' }
    if (issue.path === 'speakingFor') return { ...issue, path: 'speaker' }
    return issue
  })
}

async function speakerLabels(c: Context<AppEnv>, speakers: Speaker[]) {
  const { db, i18n } = c.var
  const states = new Map((await listMemberStates(db)).map((s) => [s.iso3, s]))
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        db,
        speakers.flatMap((s) => (s.speakingFor === 'organization' ? [s.organizationId] : [])),
      )
    ).map((o) => [o.id, o]),
  )
  return speakers.map((speaker) => ({
    speaker,
    label:
      speaker.speakingFor === 'member_state'
        ? i18n.t('contributions.speaker.state', {
            name: states.get(speaker.memberStateIso3)?.shortName[i18n.locale] ?? '',
          })
        : speaker.speakingFor === 'organization'
          ? i18n.t('contributions.speaker.organization', {
              name: isolated(localized(orgs.get(speaker.organizationId)?.name, i18n.locale)),
            })
          : i18n.t('contributions.speaker.self'),
  }))
}

async function contributePage(
  c: Context<AppEnv>,
  call: Call,
  form: FormState,
  options: { revising?: Contribution; status?: ContributeView['status'] } = {},
) {
  const { db } = c.var
  const process = await findProcess(db, call.processId)
  if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
  const speakers = options.revising ? [] : await eligibleSpeakers(db, c.var.actor, call)
  return renderContribute(c, {
    process,
    call,
    questions: await guidingQuestions(db, call.processId),
    speakers: await speakerLabels(c, speakers),
    form,
    maxMegabytes: Math.max(1, Math.floor(c.var.deps.config.attachmentMaxBytes / 1024 / 1024)),
    ...(options.revising ? { revising: { id: options.revising.id, revision: options.revising.revisionCount } } : {}),
    ...(options.status ? { status: options.status } : {}),
  })
}

/** The outcome of a submission or revision for a browser: the contribution, or the form again. */
function formOutcome(
  c: Context<AppEnv>,
  call: Call,
  values: FormValues,
  result: Result<Contribution>,
  revising?: Contribution,
) {
  if (result.ok) return null
  const error = result.error
  const again = (issues: Issue[], status: ContributeView['status']) =>
    contributePage(c, call, { values, issues }, { ...(revising ? { revising } : {}), status })
  if (error.type === 'invalid') return again(formIssues(error.issues, call), 422)
  if (error.type === 'conflict' || error.type === 'forbidden') {
    const at = error.type === 'conflict' ? error.values?.date : undefined
    const values = at ? { date: c.var.i18n.dateTime(String(at)) } : undefined
    return again(
      [
        {
          path: error.id === 'not_eligible' ? 'speaker' : 'form',
          code: `errors.${error.id}`,
          ...(values ? { values } : {}),
        },
      ],
      error.type === 'forbidden' ? 403 : 409,
    )
  }
  return respondError(c, error)
}

export function registerContributionRoutes(app: Hono<AppEnv>): void {
  app.get('/calls/:id/contribute', async (c) => {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const process = await findProcess(c.var.db, call.processId)
    if (process && !acceptsWrites(process)) {
      return contributePage(c, call, { issues: [{ path: 'form', code: 'errors.process_concluded' }] }, { status: 409 })
    }
    const state = callState(call, c.var.deps.now())
    if (state !== 'open') {
      return contributePage(
        c,
        call,
        {
          issues: [
            {
              path: 'form',
              code: state === 'closed' ? 'errors.call_closed' : 'errors.call_not_open',
              values: {
                date: c.var.i18n.dateTime(state === 'closed' ? (call.extendedUntil ?? call.closesAt) : call.opensAt),
              },
            },
          ],
        },
        { status: 409 },
      )
    }
    return contributePage(c, call, { values: { language: c.var.i18n.locale } })
  })

  app.post('/calls/:id/contribute', async (c) => {
    const actor = await requireAccount(c, 'contribution.submit')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const { values, files } = await readMultipart(c)
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

  app.get('/contributions/:id', async (c) => {
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
    })
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

  app.post('/contributions/:id/withdraw', async (c) => {
    const form = parseWith(WithdrawalInput, await c.req.parseBody())
    const note = form.ok ? form.value.note : undefined
    const result = await withdrawContribution(c.var.db, ctxOf(c), idParam(c), note || undefined)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.contributionWithdrawn')
    return c.redirect(`/contributions/${idParam(c)}`, 303)
  })

  app.post('/contributions/:id/hide', async (c) => {
    const form = parseWith(HideInput, await c.req.parseBody())
    if (!form.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
    const result = await hideContribution(c.var.db, ctxOf(c), idParam(c), form.value.reason)
    if (!result.ok) return respondError(c, result.error)
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

  app.get('/processes/:id/contributions', async (c) => {
    const { db } = c.var
    const process = await findProcess(db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const query = parseWith(ContributionQuery, c.req.query())
    const filters = query.ok ? query.value : {}
    const page = pageParam(c.req.query('page'))
    const [questions, list, summary] = await Promise.all([
      guidingQuestions(db, process.id),
      listContributions(db, {
        processId: process.id,
        questionId: filters.question,
        stakeholderGroup: filters.stakeholderGroup,
        regionalGroup: filters.regionalGroup,
        language: filters.language,
        callId: filters.call,
        statuses: visibleStatuses(c),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      summaryRows(db, process.id),
    ])
    const answers = await currentAnswers(
      db,
      list.rows.filter((r) => r.status === 'published').map((r) => r.id),
    )
    return renderList(c, {
      process,
      questions,
      ...list,
      answers,
      page,
      pageSize: PAGE_SIZE,
      filters,
      summary: summaryFromGroups(summary),
    })
  })

  app.get('/processes/:id/compilation', async (c) => {
    const compiled = await compilationOf(c.var.db, idParam(c))
    if (!compiled) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderCompilation(c, compiled.process, compiled.compilation)
  })

  app.get('/processes/:id/compilation.docx', async (c) => {
    const compiled = await compilationOf(c.var.db, idParam(c))
    if (!compiled) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const file = await compilationDocx(compiled.compilation, c.var.i18n)
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': contentDisposition(`compilation-${compiled.process.slug}.docx`),
    })
  })
}
