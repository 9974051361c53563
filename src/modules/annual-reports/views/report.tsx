// A published report with its versions, and the year's synthesis per issue and characteristic.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import type { Cycle, Report } from '../queries.ts'
import { CHARACTERISTICS, type IssueSynthesis, type ReportContent, TEXT_FIELDS } from '../rules/report.ts'

export type Names = { orgName: (id: number) => string; issueName: (slug: string) => string }

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
  view: Names & {
    cycle: Cycle
    report: Report
    versions: { number: number; submittedAt: Date; keyedInBySecretariat: boolean }[]
  },
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
      {view.versions.at(-1)?.keyedInBySecretariat ? <p class="notice">{t('annualReports.keyedIn')}</p> : null}
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
    followUps: { reference: string; status: string; sources: string[] }[]
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
      <h2>{t('annualReports.synthesis.followUp', { year: view.cycle.year })}</h2>
      {view.followUps.length === 0 ? <p class="muted">{t('annualReports.synthesis.noFollowUp')}</p> : null}
      <ul>
        {view.followUps.map((f) => (
          <li>
            <span dir="ltr">{f.reference}</span>: {t(`reports.followUpStatus.${f.status}`)}{' '}
            <span class="muted">({i18n.list(f.sources)})</span>
          </li>
        ))}
      </ul>
    </>,
  )
}
