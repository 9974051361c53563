// The annual reports' pages: the cycles, a year's status board, the report form (saved as a
// draft on every change when scripts run, with a "Save draft" button when they do not), a
// published report with its versions, and the year's synthesis.
import type { Context } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { type FormValues, fieldValue, fieldValues } from '../../core/http/forms.ts'
import { Tag } from '../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState } from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { isolated, Name } from '../../core/ui/name.tsx'
import { localized, type Organization } from '../actors/index.ts'
import type { Issue } from '../coordination/index.ts'
import type { Cycle, Report } from './queries.ts'
import {
  type BoardStatus,
  CHARACTERISTICS,
  type IssueSynthesis,
  type ReportContent,
  TEXT_FIELDS,
} from './rules/report.ts'

type T = Context<AppEnv>['var']['i18n']['t']
type Names = { orgName: (id: number) => string; issueName: (slug: string) => string }

const tone = (s: BoardStatus) =>
  s === 'published' ? 'ok' : s === 'late' ? 'error' : s === 'draft' ? 'warn' : undefined

export function contentValues(content: ReportContent): FormValues {
  const values: FormValues = {}
  for (const f of TEXT_FIELDS) values[f] = content[f] ?? ''
  values.issues = content.issues ?? []
  for (const ch of CHARACTERISTICS) values[`characteristics.${ch}`] = content.characteristics?.[ch] ?? ''
  return values
}

export function valuesContent(values: FormValues): ReportContent {
  const content: ReportContent = { issues: fieldValues(values, 'issues'), characteristics: {} }
  for (const f of TEXT_FIELDS) content[f] = fieldValue(values, f).slice(0, 20_000)
  for (const ch of CHARACTERISTICS) {
    const text = fieldValue(values, `characteristics.${ch}`).slice(0, 10_000)
    if (text && content.characteristics) content.characteristics[ch] = text
  }
  return content
}

export function renderCycles(
  c: Context<AppEnv>,
  view: { cycles: (Cycle & { invited: number; published: number })[]; canManage: boolean },
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('annualReports.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('annualReports.lead')}</p>
      {view.canManage ? (
        <p>
          <a class="button" href="/annual-reports/new">
            {t('annualReports.open.title')}
          </a>
        </p>
      ) : null}
      <ul class="cards">
        {view.cycles.map((cycle) => (
          <li class="card">
            <h2>
              <a href={`/annual-reports/${cycle.year}`}>{t('annualReports.cycle', { year: cycle.year })}</a>
            </h2>
            <p>
              {t('annualReports.deadline', { date: i18n.date(cycle.deadline) })}
              {cycle.illustrative ? (
                <>
                  {' '}
                  <Tag tone="warn">{t('annualReports.illustrative')}</Tag>
                </>
              ) : null}
            </p>
            <p>{t('annualReports.publishedOf', { published: cycle.published, invited: cycle.invited })}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/api/v1/annual-reports">{t('annualReports.asJson')}</a>
      </p>
    </>,
  )
}

export function renderOpenCycle(
  c: Context<AppEnv>,
  view: { organizations: Organization[]; form: FormState; status?: 200 | 409 | 422 },
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('annualReports.open.title')
  const chosen = fieldValues(view.form.values, 'organizationIds')
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={view.form} />
      <Form action="/annual-reports" csrfToken={c.var.csrfToken}>
        <div class="field">
          <label for="field-year">{t('annualReports.open.year')}</label>
          <input
            id="field-year"
            name="year"
            type="number"
            min={2000}
            max={2100}
            required
            value={fieldValue(view.form.values, 'year')}
          />
        </div>
        <div class="field">
          <label for="field-deadline">{t('annualReports.open.deadline')}</label>
          <input
            id="field-deadline"
            name="deadline"
            type="date"
            required
            value={fieldValue(view.form.values, 'deadline')}
          />
        </div>
        <fieldset class="field" id="field-organizationIds">
          <legend>{t('annualReports.open.organizations')}</legend>
          {view.organizations.map((o) => (
            <div class="choice">
              <input
                type="checkbox"
                id={`org-${o.id}`}
                name="organizationIds[]"
                value={String(o.id)}
                checked={chosen.includes(String(o.id))}
              />
              <label for={`org-${o.id}`}>
                <Name>{localized(o.name, i18n.locale)}</Name>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t('annualReports.open.submit')}
        </button>
      </Form>
    </>,
  )
}

export function renderBoard(
  c: Context<AppEnv>,
  view: Names & {
    cycle: Cycle
    rows: { organizationId: number; status: BoardStatus; report: Report | undefined }[]
    writable: number[]
  },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { cycle } = view
  const title = t('annualReports.cycle', { year: cycle.year })
  const counts = (s: BoardStatus) => view.rows.filter((r) => r.status === s).length
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href="/annual-reports">{t('annualReports.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('annualReports.deadline', { date: i18n.date(cycle.deadline) })}{' '}
        {cycle.illustrative ? <Tag tone="warn">{t('annualReports.illustrative')}</Tag> : null}
      </p>
      <p>
        <a href={`/annual-reports/${cycle.year}/synthesis`}>{t('annualReports.synthesis.title')}</a>
      </p>
      {view.writable.map((id) => (
        <p>
          <a class="button" href={`/annual-reports/${cycle.year}/report?organization=${id}`}>
            {t('annualReports.write', { organization: isolated(view.orgName(id)) })}
          </a>
        </p>
      ))}
      <p role="status">
        {(['published', 'draft', 'invited', 'late'] as const)
          .map((s) => `${t(`annualReports.status.${s}`)}: ${counts(s)}`)
          .join(' · ')}
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t('annualReports.board')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('annualReports.organization')}</th>
              <th scope="col">{t('annualReports.statusLabel')}</th>
              <th scope="col">{t('annualReports.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr>
                <td>
                  {r.report && r.report.version > 0 ? (
                    <a href={`/annual-reports/reports/${r.report.id}`}>
                      <Name>{view.orgName(r.organizationId)}</Name>
                    </a>
                  ) : (
                    view.orgName(r.organizationId)
                  )}
                </td>
                <td>
                  <Tag tone={tone(r.status)}>{t(`annualReports.status.${r.status}`)}</Tag>
                </td>
                <td>{r.report?.publishedAt ? i18n.dateTime(r.report.publishedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  )
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

export function ReportBody({ c, content, names }: { c: Context<AppEnv>; content: ReportContent; names: Names }) {
  const t = c.var.i18n.t
  return (
    <>
      {TEXT_FIELDS.filter((f) => content[f]?.trim()).map((f) => (
        <section>
          <h2>{t(`annualReports.field.${f}`)}</h2>
          <p class="prose" dir="auto">
            {content[f]}
          </p>
        </section>
      ))}
      <h2>{t('annualReports.field.issues')}</h2>
      <ul class="inline-list">
        {(content.issues ?? []).map((slug) => (
          <li>
            <a href={`/issues/${slug}`}>{names.issueName(slug)}</a>
          </li>
        ))}
      </ul>
      {CHARACTERISTICS.some((ch) => content.characteristics?.[ch]) ? (
        <>
          <h2>{t('annualReports.field.characteristics')}</h2>
          <dl class="facts">
            {CHARACTERISTICS.filter((ch) => content.characteristics?.[ch]).map((ch) => (
              <>
                <dt>{t(`annualReports.characteristic.${ch}`)}</dt>
                <dd dir="auto">{content.characteristics?.[ch]}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
    </>
  )
}

export function renderReport(
  c: Context<AppEnv>,
  view: Names & { cycle: Cycle; report: Report; versions: { number: number; submittedAt: Date }[] },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { report, cycle } = view
  const title = t('annualReports.reportTitle', {
    organization: isolated(view.orgName(report.organizationId)),
    year: cycle.year,
  })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/annual-reports/${cycle.year}`}>{t('annualReports.cycle', { year: cycle.year })}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('annualReports.versionOf', {
          version: report.version,
          date: i18n.dateTime(report.publishedAt ?? report.createdAt),
        })}{' '}
        {cycle.illustrative ? <Tag tone="warn">{t('annualReports.illustrative')}</Tag> : null}
      </p>
      {report.published ? <ReportBody c={c} content={report.published} names={view} /> : null}
      {view.versions.length > 1 ? (
        <p class="muted">
          {t('annualReports.earlierVersions', {
            list: i18n.list(view.versions.slice(0, -1).map((v) => `${v.number} (${i18n.date(v.submittedAt)})`)),
          })}
        </p>
      ) : null}
    </>,
  )
}

export function renderSynthesis(
  c: Context<AppEnv>,
  view: Names & {
    cycle: Cycle
    reports: number
    previousYear: number | null
    issues: IssueSynthesis[]
    characteristics: { characteristic: string; entries: { organizationId: number; text: string }[] }[]
  },
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('annualReports.synthesis.heading', { year: view.cycle.year })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/annual-reports/${view.cycle.year}`}>{t('annualReports.cycle', { year: view.cycle.year })}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('annualReports.synthesis.lead', { count: view.reports })}</p>
      <p>
        <a href={`/annual-reports/${view.cycle.year}/synthesis.docx`}>{t('annualReports.synthesis.docx')}</a> ·{' '}
        <a href={`/annual-reports/${view.cycle.year}/synthesis.json`}>JSON</a>
      </p>
      <h2>{t('annualReports.synthesis.byIssue')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('annualReports.synthesis.issue')}</th>
              <th scope="col">{t('annualReports.synthesis.organizations', { year: view.cycle.year })}</th>
              <th scope="col">
                {view.previousYear
                  ? t('annualReports.synthesis.previous', { year: view.previousYear })
                  : t('annualReports.synthesis.noPrevious')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.issues.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`/issues/${row.issue}`}>{view.issueName(row.issue)}</a>
                </th>
                <td>
                  {row.organizations.length}{' '}
                  {row.organizations.length ? `(${i18n.list(row.organizations.map(view.orgName))})` : ''}
                </td>
                <td>{view.previousYear ? row.previous : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('annualReports.synthesis.byCharacteristic')}</h2>
      {view.characteristics.map((ch) => (
        <section>
          <h3>{t(`annualReports.characteristic.${ch.characteristic}`)}</h3>
          {ch.entries.length === 0 ? <p class="muted">{t('annualReports.synthesis.nothing')}</p> : null}
          <ul>
            {ch.entries.map((e) => (
              <li>
                <strong>
                  <Name>{view.orgName(e.organizationId)}</Name>:
                </strong>{' '}
                {e.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>,
  )
}
