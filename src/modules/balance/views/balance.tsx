// The balance of participation of one scope: who took part, each grouping as a chart with its
// table beside it, the coverage of the UN membership, the trend, the baselines and their sources.
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated } from '../../../core/ui/name.tsx'
import type { BalanceReport } from '../report.ts'
import { BASELINES, baselineFor } from '../rules/baselines.ts'
import { DistributionTable, FlagTable, percent, TrendTable } from './tables.tsx'

export interface BalanceCharts {
  regionalGroups: string
  stakeholderGroups: string
  development: string
  trend: string
}

export interface ScopeLink {
  href: string
  label: string
}

export interface BalanceView {
  report: BalanceReport
  charts: BalanceCharts | null
  /** where the scope sits (its process, body) and what it holds (calls, meetings) */
  related: ScopeLink[]
  /** the page of a trend point, when it has one */
  trendHref?: (label: string) => string
}

function Figure(props: { id: string; svg: string; caption: string; children: unknown }) {
  return (
    <>
      <figure class="chart" aria-labelledby={`${props.id}-caption`}>
        <div role="img" aria-labelledby={`${props.id}-caption`}>
          {raw(props.svg)}
        </div>
        <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
      </figure>
      {props.children}
    </>
  )
}

export function renderBalance(c: Context<AppEnv>, view: BalanceView) {
  const i18n = c.var.i18n
  const t = i18n.t
  const { report, charts } = view
  const b = report.balance
  const composition = report.reference === 'body_composition'
  const title = t(`balance.title.${report.scope}`, { name: isolated(report.title) })
  const path = `/balance/${report.scope}/${report.id}`
  const stakeholder = (g: string) =>
    ['government', 'individual', 'unknown'].includes(g) ? t(`balance.stakeholder.${g}`) : t(`actors.stakeholder.${g}`)
  const language = (g: string) => (i18n.has(`processes.language.${g}`) ? t(`processes.language.${g}`) : g)
  const regional = (g: string) => t(`actors.group.${g}`)
  const section = (id: string, heading: string, chart: string | undefined, body: unknown) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {chart ? (
        <Figure id={`${id}-chart`} svg={chart} caption={t('balance.chartCaption', { what: heading })}>
          {body}
        </Figure>
      ) : (
        body
      )}
    </section>
  )
  return renderPage(
    c,
    { title, description: t('balance.description') },
    <>
      <h1>{title}</h1>
      <p>{t(`balance.intro.${report.scope}`)}</p>
      <p>
        {t(composition ? 'balance.reference.composition' : 'balance.reference.membership', {
          date: i18n.date(report.asOf),
        })}
      </p>
      {view.related.length > 0 ? (
        <nav aria-label={t('balance.related')}>
          <ul class="inline-list">
            {view.related.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        {t('balance.download')} <a href={`${path}/balance.csv`}>CSV</a> ·{' '}
        <a href={`/api/v1/balance?scope=${report.scope}&id=${report.id}`}>JSON</a>
      </p>
      <dl>
        <dt>{t('balance.col.participants')}</dt>
        <dd>
          {t('balance.byKind', {
            total: b.participants,
            states: b.byKind.memberStates,
            organizations: b.byKind.organizations,
            individuals: b.byKind.individuals,
          })}
        </dd>
        <dt>{t('balance.coverage')}</dt>
        <dd>
          {t('balance.coverageValue', {
            states: b.coverage.states,
            of: b.coverage.of,
            share: percent(i18n, b.coverage.share),
          })}
        </dd>
      </dl>
      {b.participants === 0 ? <p>{t('balance.nobody')}</p> : null}
      {section(
        'regional-groups',
        t('balance.regionalGroups'),
        charts?.regionalGroups,
        <DistributionTable
          i18n={i18n}
          id="regional-groups-table"
          caption={t('balance.regionalGroups.caption')}
          d={b.regionalGroups}
          label={regional}
          columns={{ membership: true, composition, baseline: baselineFor('regionalGroups')?.shares }}
        />,
      )}
      {section(
        'development',
        t('balance.development'),
        charts?.development,
        <FlagTable i18n={i18n} rows={b.development} composition={composition} />,
      )}
      {section(
        'stakeholder-groups',
        t('balance.stakeholderGroups'),
        charts?.stakeholderGroups,
        <DistributionTable
          i18n={i18n}
          id="stakeholder-groups-table"
          caption={t('balance.stakeholderGroups.caption')}
          d={b.stakeholderGroups}
          label={stakeholder}
          columns={{ membership: false, composition, baseline: baselineFor('stakeholderGroups')?.shares }}
        />,
      )}
      {section(
        'languages',
        t('balance.languages'),
        undefined,
        <DistributionTable
          i18n={i18n}
          id="languages-table"
          caption={t('balance.languages.caption')}
          d={b.languages}
          label={language}
          columns={{ membership: false, composition: false }}
        />,
      )}
      {report.trend.length > 0 && report.trendOf
        ? section(
            'trend',
            t(`balance.trend.${report.trendOf}`),
            charts?.trend,
            <TrendTable i18n={i18n} caption={t('balance.trend.caption')} points={report.trend} href={view.trendHref} />,
          )
        : null}
      <section aria-labelledby="sources">
        <h2 id="sources">{t('balance.sources')}</h2>
        <p>{t('balance.sources.membership')}</p>
        <ul>
          {BASELINES.filter((x, i, all) => all.findIndex((y) => y.source.url === x.source.url) === i).map((x) => (
            <li>
              {t('balance.sources.baseline', { participants: x.participants })}{' '}
              <a href={x.source.url} lang="en" dir="ltr">
                {x.source.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>,
  )
}
