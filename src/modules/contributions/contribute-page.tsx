// What the contribute and revise routes share: the multipart form read, the answers and issues
// mapped between form fields and commands, the draft's values, and the form page (again, when
// refused, with what was typed and each reason beside its field).
import type { Context } from 'hono'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import type { FormValues } from '../../core/http/forms.ts'
import type { Issue, Result } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { isolated } from '../../core/ui/name.tsx'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { type Call, findProcess, guidingQuestions } from '../processes/index.ts'
import type { FileUpload } from './command-checks.ts'
import { eligibleSpeakers } from './commands.ts'
import type { Contribution } from './queries.ts'
import type { Draft } from './queries-draft.ts'
import type { Speaker } from './rules/eligibility.ts'
import { type ContributeView, renderContribute } from './views/contribute.tsx'

export function ctxOf(c: Context<AppEnv>) {
  return { ...commandContext(c), attachmentMaxBytes: c.var.deps.config.attachmentMaxBytes }
}

/** The one field of the form that carries files; files sent under any other name are dropped. */
const ATTACHMENT_FIELD = 'attachments'

/** A multipart form: its text fields (kept to show again) and its files. */
export async function readMultipart(c: Context<AppEnv>): Promise<{ values: FormValues; files: FileUpload[] }> {
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
export function answersFrom(values: FormValues, call: Call) {
  return call.questionIds.map((questionId) => ({
    questionId,
    text: String(values[`answers.${questionId}`] ?? '').slice(0, 50_001),
  }))
}

/** A saved draft as the form's values. */
export function draftValues(draft: Draft): FormValues {
  const values: FormValues = { speaker: draft.speaker, language: draft.language }
  for (const [questionId, text] of Object.entries(draft.answers)) values[`answers.${questionId}`] = text
  return values
}

/** The command's issue paths as the form's field names. */
export function formIssues(issues: Issue[], call: Call): Issue[] {
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

export async function contributePage(
  c: Context<AppEnv>,
  call: Call,
  form: FormState,
  options: { revising?: Contribution; status?: ContributeView['status']; draftSavedAt?: Date } = {},
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
    ...(options.draftSavedAt ? { draftSavedAt: options.draftSavedAt } : {}),
  })
}

/** The outcome of a submission, revision or draft for a browser: null when done, or the form again. */
export function formOutcome(
  c: Context<AppEnv>,
  call: Call,
  values: FormValues,
  result: Result<unknown>,
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
