// The report form: saved as a draft on every change when scripts run, with a "Save draft" button
// when they do not. A refused draft or submission comes back as typed, each reason beside its field.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { type FormValues, fieldValue, fieldValues } from '../../../core/http/forms.ts'
import { ErrorSummary, type FormState } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated } from '../../../core/ui/name.tsx'
import type { Issue } from '../../coordination/index.ts'
import type { IssuedRecommendation } from '../../reports/index.ts'
import type { Cycle, Report } from '../queries.ts'
import { CHARACTERISTICS, type ReportContent, TEXT_FIELDS } from '../rules/report.ts'

import type { Names } from './report.tsx'

type T = Context<AppEnv>['var']['i18n']['t']

export function contentValues(content: ReportContent): FormValues {
  const values: FormValues = {}
  for (const f of TEXT_FIELDS) values[f] = content[f] ?? ''
  values.issues = content.issues ?? []
  values.implements = (content.implements ?? []).map(String)
  for (const ch of CHARACTERISTICS) values[`characteristics.${ch}`] = content.characteristics?.[ch] ?? ''
  return values
}

function TextBox({
  t,
  form,
  name,
  label,
  hint,
  rows = 4,
}: {
  t: T
  form: FormState
  name: string
  label: string
  hint?: string
  rows?: number
}) {
  const id = `field-${name.replace('.', '-')}`
  const issue = form.issues?.find((i) => i.path === name)
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? <p class="hint">{hint}</p> : null}
      {issue ? (
        <p class="error" id={`${id}-error`}>
          {t(issue.code, issue.values)}
        </p>
      ) : null}
      <textarea id={id} name={name} rows={rows} maxlength={20000} aria-describedby={issue ? `${id}-error` : undefined}>
        {fieldValue(form.values, name)}
      </textarea>
    </div>
  )
}

export function renderReportForm(
  c: Context<AppEnv>,
  view: Names & {
    cycle: Cycle
    organizationId: number
    report: Report | undefined
    issues: Issue[]
    /** the recommendations of issued reports the organization may say it implements */
    recommendations: IssuedRecommendation[]
    form: FormState
    status?: 200 | 422
  },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { cycle, form } = view
  const title = t('annualReports.form.title', {
    organization: isolated(view.orgName(view.organizationId)),
    year: cycle.year,
  })
  const chosen = fieldValues(form.values, 'issues')
  const baskets = [...new Set(view.issues.map((i) => i.basket))]
  const query = `?organization=${view.organizationId}`
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/annual-reports/${cycle.year}`}>{t('annualReports.cycle', { year: cycle.year })}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('annualReports.form.lead', { date: i18n.date(cycle.deadline) })}</p>
      {view.report && view.report.version > 0 ? (
        <p class="notice">{t('annualReports.form.published', { version: view.report.version })}</p>
      ) : null}
      <ErrorSummary t={t} form={form} />
      <form
        method="post"
        action={`/annual-reports/${cycle.year}/report/draft${query}`}
        class="report-form"
        data-autosave="draft-status"
        data-autosave-failed={t('annualReports.form.saveFailed')}
        novalidate
      >
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p id="draft-status" role="status" aria-live="polite" class="muted">
          {view.report?.draftSavedAt
            ? t('annualReports.form.savedAt', { date: i18n.dateTime(view.report.draftSavedAt) })
            : ''}
        </p>
        {TEXT_FIELDS.map((f) => (
          <TextBox
            t={t}
            form={form}
            name={f}
            label={t(`annualReports.field.${f}`)}
            hint={t(`annualReports.hint.${f}`)}
          />
        ))}
        <fieldset
          class={form.issues?.some((i) => i.path === 'issues') ? 'field field-error' : 'field'}
          id="field-issues"
        >
          <legend>{t('annualReports.field.issues')}</legend>
          {form.issues?.some((i) => i.path === 'issues') ? (
            <p class="error">{t('annualReports.issuesRequired')}</p>
          ) : null}
          {baskets.map((b) => (
            <details open={view.issues.some((i) => i.basket === b && chosen.includes(i.slug))}>
              <summary>{t(`coordination.baskets.${b}`)}</summary>
              {view.issues
                .filter((i) => i.basket === b)
                .map((i) => (
                  <div class="choice">
                    <input
                      type="checkbox"
                      id={`issue-${i.slug}`}
                      name="issues[]"
                      value={i.slug}
                      checked={chosen.includes(i.slug)}
                    />
                    <label for={`issue-${i.slug}`}>{view.issueName(i.slug)}</label>
                  </div>
                ))}
            </details>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t('annualReports.field.characteristics')}</legend>
          {CHARACTERISTICS.map((ch) => (
            <TextBox
              t={t}
              form={form}
              name={`characteristics.${ch}`}
              label={t(`annualReports.characteristic.${ch}`)}
              rows={2}
            />
          ))}
        </fieldset>
        {view.recommendations.length ? (
          <fieldset class="field" id="field-implements">
            <legend>{t('annualReports.field.implements')}</legend>
            <p class="hint">{t('annualReports.hint.implements')}</p>
            {view.recommendations.map((r) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`implements-${r.paragraphId}`}
                  name="implements[]"
                  value={String(r.paragraphId)}
                  checked={fieldValues(form.values, 'implements').includes(String(r.paragraphId))}
                />
                <label for={`implements-${r.paragraphId}`}>
                  <span dir="ltr">{r.reference}</span>{' '}
                  <span dir="auto">{r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}</span>
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div class="actions">
          <button type="submit" class="button secondary">
            {t('annualReports.form.save')}
          </button>
          <button
            type="submit"
            class="button"
            formaction={`/annual-reports/${cycle.year}/report/submit${query}`}
            data-confirm={t('annualReports.form.confirm')}
          >
            {t('annualReports.form.submit')}
          </button>
        </div>
      </form>
    </>,
  )
}
