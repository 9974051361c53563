// The form to answer a call (and to revise an answer): on whose behalf, the language, one answer
// per guiding question in Markdown, and up to three attachments. Works without JavaScript.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
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
        <Form
          action={view.revising ? `/contributions/${view.revising.id}/revise` : `/calls/${call.id}/contribute`}
          csrfToken={csrfToken}
          enctype="multipart/form-data"
        >
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
          <SubmitButton>
            {view.revising ? t('contributions.revise.submit') : t('contributions.contribute.submit')}
          </SubmitButton>
        </Form>
      )}
    </>,
  )
}
