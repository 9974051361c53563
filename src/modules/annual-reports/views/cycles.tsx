// The reporting cycles, the form to open one, and a year's status board.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { fieldValue, fieldValues } from '../../../core/http/forms.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form, type FormState } from '../../../core/ui/form.tsx'
import { renderFormPage } from '../../../core/ui/form-page.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Cycle, Report } from '../queries.ts'
import type { BoardStatus } from '../rules/report.ts'

import type { Names } from './report.tsx'

const tone = (s: BoardStatus) =>
  s === 'published' ? 'ok' : s === 'late' ? 'error' : s === 'draft' ? 'warn' : undefined

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
  return renderFormPage(
    c,
    { title, form: view.form, status: view.status ?? 200 },
    <>
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
