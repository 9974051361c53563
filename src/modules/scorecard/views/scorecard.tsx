// The scorecard page: per characteristic of WGEC recommendation 1, a table of its indicators by
// year (with a sparkline and the change from the year before), and beside them what organizations
// self-report on it in their annual reports. The platform's page also lists the processes.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { selfReportText, trendText, valueText } from '../format.ts'
import { type Scorecard, trendOf } from '../rules/scorecard.ts'
import { Sparkline } from './sparkline.tsx'

export interface ScorecardView {
  card: Scorecard
  /** the process, or null for the platform's scorecard */
  process: { id: number; title: string } | null
  /** on the platform's page: every process, to choose one */
  processes: { id: number; title: string }[]
}

export function renderScorecard(c: Context<AppEnv>, view: ScorecardView) {
  const { i18n } = c.var
  const t = i18n.t
  const { card, process } = view
  const title = process ? t('scorecard.processTitle', { title: process.title }) : t('scorecard.title')
  const base = process ? `/scorecard/processes/${process.id}` : '/scorecard'
  const api = process ? `/api/v1/scorecard/processes/${process.id}` : '/api/v1/scorecard'
  return renderPage(
    c,
    { title },
    <>
      {process ? (
        <p class="eyebrow">
          <a href="/scorecard">{t('scorecard.title')}</a> · <a href={`/processes/${process.id}`}>{process.title}</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t(process ? 'scorecard.leadProcess' : 'scorecard.leadPlatform')}</p>
      <p>
        <a href={`${base}/scorecard.docx`}>{t('scorecard.docx')}</a> · <a href={api}>JSON</a>
      </p>
      {card.years.length === 0 ? <p>{t('scorecard.empty')}</p> : null}
      {card.years.length > 0
        ? card.characteristics.map((ch) => (
            <section aria-labelledby={`ch-${ch.characteristic}`}>
              <h2 id={`ch-${ch.characteristic}`}>{t(`annualReports.characteristic.${ch.characteristic}`)}</h2>
              <div class="table-scroll">
                <table>
                  <caption class="visually-hidden">{t(`annualReports.characteristic.${ch.characteristic}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('scorecard.indicatorColumn')}</th>
                      {card.years.map((y) => (
                        <th scope="col">{y}</th>
                      ))}
                      <th scope="col">{t('scorecard.trend')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ch.indicators.map((row) => (
                      <tr>
                        <th scope="row">
                          {t(`scorecard.indicator.${row.id}`)}
                          {row.scope === 'platform' ? <small> ({t('scorecard.allProcesses')})</small> : null}
                        </th>
                        {row.values.map((v) => (
                          <td>{valueText(i18n, row.kind, v)}</td>
                        ))}
                        <td>
                          <Sparkline values={row.values} kind={row.kind} />{' '}
                          {trendText(i18n, row.kind, trendOf(row.values))}
                        </td>
                      </tr>
                    ))}
                    <tr class="self-reported">
                      <th scope="row">{t('scorecard.selfReported')}</th>
                      {ch.selfReported.values.map((v, i) => (
                        <td>
                          {v ? (
                            <a href={`/annual-reports/${card.years[i]}/synthesis`}>{selfReportText(i18n, v)}</a>
                          ) : (
                            selfReportText(i18n, v)
                          )}
                        </td>
                      ))}
                      <td />
                    </tr>
                  </tbody>
                </table>
              </div>
            </section>
          ))
        : null}
      {process ? null : (
        <section aria-labelledby="processes">
          <h2 id="processes">{t('scorecard.processes')}</h2>
          <ul>
            {view.processes.map((p) => (
              <li>
                <a href={`/scorecard/processes/${p.id}`}>{p.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>,
  )
}
