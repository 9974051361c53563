// The map and its analyses: the issues x organizations matrix, the gaps and the overlaps, each
// with its chart (server-rendered SVG) and the same numbers in a table.
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Issue, Mechanism } from '../queries.ts'
import type { Gap, MapFilter, Overlap } from '../rules/map.ts'
import { Filters, issueName, Nav } from './parts.tsx'

export function renderMatrix(
  c: Context<AppEnv>,
  view: { issues: Issue[]; mechanisms: Mechanism[]; organizations: Organization[]; filter: MapFilter },
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('coordination.map.title')
  // one column per organization: the cell counts that organization's mechanisms on the issue
  const cell = (issueId: number, orgId: number) =>
    view.mechanisms.filter((m) => m.organizationId === orgId && m.issueIds.includes(issueId))
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.map.lead')}</p>
      <Filters c={c} action="/map" filter={view.filter} withType />
      <div class="table-scroll">
        <table class="compact matrix">
          <caption>
            {t('coordination.map.caption', { issues: view.issues.length, organizations: view.organizations.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('coordination.issue')}</th>
              {view.organizations.map((o) => (
                <th scope="col" title={isolated(localized(o.name, i18n.locale))}>
                  <a href={`/organizations/${o.slug}`}>
                    <Name>{o.acronym ?? localized(o.name, i18n.locale)}</Name>
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.issues.map((i) => (
              <tr>
                <th scope="row">
                  <a href={`/issues/${i.slug}`}>{issueName(c, i)}</a>
                </th>
                {view.organizations.map((o) => {
                  const ms = cell(i.id, o.id)
                  return <td title={ms.map((m) => m.name).join('; ')}>{ms.length ? ms.length : ''}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  )
}

export function renderGaps(
  c: Context<AppEnv>,
  view: { issues: Map<number, Issue>; gaps: Gap[]; chart: string; filter: MapFilter },
) {
  const t = c.var.i18n.t
  const title = t('coordination.gaps.title')
  const kinds = ['no_equal_footing', 'no_stakeholder_channel', 'no_developing_support'] as const
  const query = new URLSearchParams(Object.entries(view.filter).filter(([, v]) => v) as [string, string][]).toString()
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.gaps.lead')}</p>
      <Filters c={c} action="/map/gaps" filter={view.filter} />
      <p>
        <a href={`/map/gaps.csv${query ? `?${query}` : ''}`}>CSV</a> ·{' '}
        <a href={`/api/v1/map/gaps${query ? `?${query}` : ''}`}>JSON</a>
      </p>
      <figure class="chart" aria-labelledby="gaps-chart-caption">
        <div role="img" aria-labelledby="gaps-chart-caption">
          {raw(view.chart)}
        </div>
        <figcaption id="gaps-chart-caption">{t('coordination.gaps.chartCaption')}</figcaption>
      </figure>
      {kinds.map((kind) => {
        const list = view.gaps.filter((g) => g.kind === kind)
        return (
          <section aria-labelledby={`gap-${kind}`}>
            <h2 id={`gap-${kind}`}>
              {t(`coordination.gaps.heading.${kind}`)} ({list.length})
            </h2>
            {list.length === 0 ? <p>{t('coordination.gaps.none')}</p> : null}
            <ul>
              {list.map((g) => {
                const issue = view.issues.get(g.issueId)
                return issue ? (
                  <li>
                    <a href={`/issues/${issue.slug}`}>{issueName(c, issue)}</a>{' '}
                    <span class="muted">{t('coordination.mechanismCount', { count: g.mechanisms })}</span>
                  </li>
                ) : null
              })}
            </ul>
          </section>
        )
      })}
    </>,
  )
}

export function renderOverlaps(
  c: Context<AppEnv>,
  view: {
    issues: Map<number, Issue>
    mechanisms: Map<number, Mechanism>
    overlaps: Overlap[]
    chart: string
    filter: MapFilter
    n: number
  },
) {
  const t = c.var.i18n.t
  const title = t('coordination.overlaps.title')
  const query = new URLSearchParams(
    Object.entries({ ...view.filter, n: String(view.n) }).filter(([, v]) => v) as [string, string][],
  ).toString()
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.overlaps.lead', { n: view.n })}</p>
      <Filters
        c={c}
        action="/map/overlaps"
        filter={view.filter}
        extra={
          <p>
            <label for="f-n">{t('coordination.overlaps.threshold')}</label>{' '}
            <input id="f-n" name="n" type="number" min={2} max={50} value={String(view.n)} size={3} />
          </p>
        }
      />
      <p>
        <a href={`/map/overlaps.csv?${query}`}>CSV</a> · <a href={`/api/v1/map/overlaps?${query}`}>JSON</a>
      </p>
      {view.overlaps.length ? (
        <figure class="chart" aria-labelledby="overlaps-chart-caption">
          <div role="img" aria-labelledby="overlaps-chart-caption">
            {raw(view.chart)}
          </div>
          <figcaption id="overlaps-chart-caption">{t('coordination.overlaps.chartCaption')}</figcaption>
        </figure>
      ) : (
        <p>{t('coordination.overlaps.none')}</p>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('coordination.issue')}</th>
              <th scope="col">{t('coordination.mechanisms.title')}</th>
              <th scope="col">{t('coordination.overlaps.organizations')}</th>
            </tr>
          </thead>
          <tbody>
            {view.overlaps.map((o) => {
              const issue = view.issues.get(o.issueId)
              return (
                <tr>
                  <th scope="row">{issue ? <a href={`/issues/${issue.slug}`}>{issueName(c, issue)}</a> : o.issueId}</th>
                  <td>
                    {o.mechanismIds
                      .map((id) => view.mechanisms.get(id)?.name)
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                  <td>{o.organizations}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>,
  )
}
