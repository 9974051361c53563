// The form to answer a call (and to revise an answer): on whose behalf, the language, one answer
// per guiding question in Markdown, and up to three attachments. Works without JavaScript: its
// "Save draft" button keeps what is typed on the server; with scripts it is saved as it is typed
// (data-autosave), and kept in the browser too (data-keep) until the server has it.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Call, GuidingQuestion, Process } from '../../processes/index.ts'
import { callClosesAt } from '../../processes/index.ts'
import { type Speaker, speakerKey } from '../rules/eligibility.ts'

export interface ContributeView {
  process: Process
  call: Call
  questions: GuidingQuestion[]
  /** present when revising */
  revising?: { id: number; revision: number }
  speakers: { speaker: Speaker; label: string }[]
  form: FormState
  maxMegabytes: number
  /** when the author's draft for this call was last saved */
  draftSavedAt?: Date
  status?: 200 | 403 | 409 | 413 | 422
}

export function renderContribute(c: Context<AppEnv>, view: ContributeView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { form, call } = view
  const title = view.revising
    ? t('contributions.revise.title', { revision: view.revising.revision + 1 })
    : t('contributions.contribute.title')
  const asked = view.questions.filter((q) => call.questionIds.includes(q.id))
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {call.title} · {t('contributions.contribute.deadline', { date: i18n.dateTime(callClosesAt(call)) })}
      </p>
      <ErrorSummary t={t} form={form} />
      {view.speakers.length === 0 && !view.revising ? (
        <p class="notice">{t('contributions.contribute.notEligible')}</p>
      ) : (
        <form
          method="post"
          action={view.revising ? `/contributions/${view.revising.id}/revise` : `/calls/${call.id}/contribute/draft`}
          enctype="multipart/form-data"
          id="field-form"
          novalidate
          data-autosave={view.revising ? undefined : 'draft-status'}
          data-autosave-failed={view.revising ? undefined : t('contributions.draft.saveFailed')}
          data-keep={view.revising ? `revise:${view.revising.id}` : `contribute:${call.id}`}
          data-keep-since={view.draftSavedAt ? String(view.draftSavedAt.getTime()) : '0'}
          data-keep-restored={t('contributions.draft.restored')}
        >
          <input type="hidden" name="_csrf" value={csrfToken} />
          {view.revising ? null : (
            <p id="draft-status" role="status" aria-live="polite" class="muted">
              {view.draftSavedAt ? t('contributions.draft.savedAt', { date: i18n.dateTime(view.draftSavedAt) }) : ''}
            </p>
          )}
          {view.revising ? null : (
            <ChoiceGroup
              t={t}
              form={form}
              type="radio"
              name="speaker"
              label={t('contributions.contribute.onBehalfOf')}
              required
              options={view.speakers.map((s) => ({ value: speakerKey(s.speaker), label: s.label }))}
            />
          )}
          <SelectField
            t={t}
            form={form}
            name="language"
            label={t('contributions.language')}
            required
            options={LOCALES.filter((l) => call.languages.includes(l)).map((l) => ({
              value: l,
              label: t(`processes.language.${l}`),
            }))}
          />
          {asked.map((q) => (
            <TextArea
              t={t}
              form={form}
              name={`answers.${q.id}`}
              label={`${q.position}. ${q.text}`}
              hint={t('contributions.contribute.markdownHint')}
              rows={10}
              maxlength={50_000}
            />
          ))}
          <div class="field">
            <label for="field-attachments">{t('contributions.attachments')}</label>
            <p class="hint" id="field-attachments-hint">
              {t('contributions.attachmentsHint', { max: view.maxMegabytes })}
            </p>
            <input
              id="field-attachments"
              type="file"
              name="attachments"
              multiple
              accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
              aria-describedby="field-attachments-hint"
            />
          </div>
          {view.revising ? (
            <SubmitButton>{t('contributions.revise.submit')}</SubmitButton>
          ) : (
            <div class="actions">
              <button type="submit" class="button secondary">
                {t('contributions.draft.save')}
              </button>
              <button type="submit" class="button" formaction={`/calls/${call.id}/contribute`}>
                {t('contributions.contribute.submit')}
              </button>
            </div>
          )}
        </form>
      )}
    </>,
  )
}
