// The map's pages: the taxonomy of issues by basket, one issue with the mechanisms that address
// it, the mechanisms, the issues x organizations matrix, and the gap and overlap analyses, each
// with its chart (server-rendered SVG) and the same numbers in a table.
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { AppEnv } from '../../../core/http/context.ts'
import { FilterSelect, Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Issue, Mechanism } from '../queries.ts'
import type { Gap, MapFilter, Overlap } from '../rules/map.ts'
import { BASKETS, MECHANISM_TYPES, SCOPES } from '../vocabulary.ts'

type T = Context<AppEnv>['var']['i18n']['t']

export const issueName = (c: Context<AppEnv>, issue: Issue) => localized(issue.name, c.var.i18n.locale)

function Filters({
  c,
  action,
  filter,
  withType,
  extra,
}: {
  c: Context<AppEnv>
  action: string
  filter: MapFilter
  withType?: boolean
  extra?: unknown
}) {
  const t = c.var.i18n.t
  return (
    <form method="get" action={action} class="filters">
      <FilterSelect
        id="f-basket"
        name="basket"
        label={t('coordination.basket')}
        any={t('coordination.any')}
        selected={filter.basket}
        options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
      />
      <FilterSelect
        id="f-scope"
        name="scope"
        label={t('coordination.scope')}
        any={t('coordination.any')}
        selected={filter.scope}
        options={SCOPES.map((x) => ({ value: x, label: t(`coordination.scopes.${x}`) }))}
      />
      {withType ? (
        <FilterSelect
          id="f-type"
          name="type"
          label={t('coordination.mechanismType')}
          any={t('coordination.any')}
          selected={filter.type}
          options={MECHANISM_TYPES.map((m) => ({ value: m, label: t(`coordination.types.${m}`) }))}
        />
      ) : null}
      {extra}
      <button type="submit" class="button">
        {t('coordination.filter')}
      </button>
    </form>
  )
}

function Nav({ t }: { t: T }) {
  return (
    <ul class="inline-list">
      <li>
        <a href="/issues">{t('coordination.issues.title')}</a>
      </li>
      <li>
        <a href="/mechanisms">{t('coordination.mechanisms.title')}</a>
      </li>
      <li>
        <a href="/map">{t('coordination.map.title')}</a>
      </li>
      <li>
        <a href="/map/gaps">{t('coordination.gaps.title')}</a>
      </li>
      <li>
        <a href="/map/overlaps">{t('coordination.overlaps.title')}</a>
      </li>
    </ul>
  )
}

export function renderIssues(
  c: Context<AppEnv>,
  view: { issues: Issue[]; counts: Map<number, number>; filter: MapFilter; canPropose: boolean },
) {
  const t = c.var.i18n.t
  const title = t('coordination.issues.title')
  const baskets = BASKETS.filter((b) => view.issues.some((i) => i.basket === b))
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.issues.lead')}</p>
      {view.canPropose ? (
        <p>
          <a class="button secondary" href="/issues/propose">
            {t('coordination.propose.title')}
          </a>
        </p>
      ) : null}
      <Filters c={c} action="/issues" filter={view.filter} />
      {baskets.map((b) => (
        <section aria-labelledby={`basket-${b}`}>
          <h2 id={`basket-${b}`}>{t(`coordination.baskets.${b}`)}</h2>
          <ul>
            {view.issues
              .filter((i) => i.basket === b)
              .map((i) => (
                <li>
                  <a href={`/issues/${i.slug}`}>{issueName(c, i)}</a> <Tag>{t(`coordination.scopes.${i.scope}`)}</Tag>
                  {i.emerging ? <Tag tone="warn">{t('coordination.emerging')}</Tag> : null}{' '}
                  <span class="muted">{t('coordination.mechanismCount', { count: view.counts.get(i.id) ?? 0 })}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>,
  )
}

export function renderIssue(
  c: Context<AppEnv>,
  view: {
    issue: Issue
    mechanisms: Mechanism[]
    organizations: Map<number, Organization>
    gaps: Gap[]
    canEdit: boolean
  },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { issue } = view
  return renderPage(
    c,
    { title: issueName(c, issue) },
    <>
      <Nav t={t} />
      <p class="eyebrow">{t(`coordination.baskets.${issue.basket}`)}</p>
      <h1>{issueName(c, issue)}</h1>
      <p class="lead">{localized(issue.description, i18n.locale)}</p>
      <p>
        <Tag>{t(`coordination.scopes.${issue.scope}`)}</Tag> {issue.scopeRationale}
        {issue.emerging ? (
          <>
            {' '}
            <Tag tone="warn">
              {t('coordination.emergingSince', { date: i18n.date(issue.firstRaisedOn ?? issue.createdAt) })}
            </Tag>
          </>
        ) : null}
      </p>
      {issue.triageReason ? (
        <p class="muted">{t('coordination.triageReason', { reason: issue.triageReason })}</p>
      ) : null}
      {view.gaps.length ? (
        <div class="notice" role="note">
          <ul>
            {view.gaps.map((g) => (
              <li>{t(`coordination.gaps.kind.${g.kind}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t('coordination.mechanisms.addressing', { count: view.mechanisms.length })}</h2>
      <MechanismTable c={c} mechanisms={view.mechanisms} organizations={view.organizations} />
      {view.canEdit ? (
        <details>
          <summary>{t('coordination.revise.title')}</summary>
          <Form action={`/issues/${issue.id}/revise`} csrfToken={c.var.csrfToken} class="stacked">
            <FilterSelect
              id="rev-scope"
              name="scope"
              label={t('coordination.scope')}
              any="—"
              selected={issue.scope}
              options={SCOPES.map((x) => ({ value: x, label: t(`coordination.scopes.${x}`) }))}
            />
            <FilterSelect
              id="rev-basket"
              name="basket"
              label={t('coordination.basket')}
              any="—"
              selected={issue.basket}
              options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
            />
            <label for="rev-rationale">{t('coordination.triage.scopeRationale')}</label>
            <input id="rev-rationale" name="scopeRationale" value={issue.scopeRationale} maxlength={2000} />
            <div class="choice">
              <input type="checkbox" id="rev-emerging" name="emerging" value="true" checked={issue.emerging} />
              <label for="rev-emerging">{t('coordination.emerging')}</label>
            </div>
            <label for="rev-reason">{t('coordination.triage.reason')}</label>
            <textarea id="rev-reason" name="reason" rows={2} required maxlength={2000} />
            <button type="submit" class="button secondary">
              {t('coordination.revise.submit')}
            </button>
          </Form>
        </details>
      ) : null}
    </>,
  )
}

function MechanismTable({
  c,
  mechanisms,
  organizations,
}: {
  c: Context<AppEnv>
  mechanisms: Mechanism[]
  organizations: Map<number, Organization>
}) {
  const { i18n } = c.var
  const t = i18n.t
  if (mechanisms.length === 0) return <p>{t('coordination.mechanisms.none')}</p>
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('coordination.mechanism')}</th>
            <th scope="col">{t('coordination.organization')}</th>
            <th scope="col">{t('coordination.mechanismType')}</th>
            <th scope="col">{t('coordination.governments')}</th>
            <th scope="col">{t('coordination.stakeholders')}</th>
            <th scope="col">{t('coordination.support')}</th>
          </tr>
        </thead>
        <tbody>
          {mechanisms.map((m) => (
            <tr>
              <td>
                <a href={`/mechanisms/${m.id}`}>{m.name}</a>
              </td>
              <td>
                <Name>{localized(organizations.get(m.organizationId)?.name, i18n.locale)}</Name>
              </td>
              <td>{t(`coordination.types.${m.type}`)}</td>
              <td>{t(`coordination.governmentParticipation.${m.governments}`)}</td>
              <td>{t(`coordination.stakeholderParticipation.${m.stakeholders}`)}</td>
              <td>{i18n.list(m.support.map((s) => t(`coordination.supports.${s}`))) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function renderMechanisms(
  c: Context<AppEnv>,
  view: { mechanisms: Mechanism[]; organizations: Map<number, Organization>; filter: MapFilter },
) {
  const t = c.var.i18n.t
  const title = t('coordination.mechanisms.title')
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.mechanisms.lead')}</p>
      <form method="get" action="/mechanisms" class="filters">
        <p>
          <label for="f-type">{t('coordination.mechanismType')}</label>{' '}
          <select id="f-type" name="type">
            <option value="">{t('coordination.any')}</option>
            {MECHANISM_TYPES.map((m) => (
              <option value={m} selected={view.filter.type === m}>
                {t(`coordination.types.${m}`)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" class="button">
          {t('coordination.filter')}
        </button>
      </form>
      <MechanismTable c={c} mechanisms={view.mechanisms} organizations={view.organizations} />
    </>,
  )
}

export function renderMechanism(
  c: Context<AppEnv>,
  view: { mechanism: Mechanism; organization: Organization | undefined; issues: Issue[] },
) {
  const { i18n } = c.var
  const t = i18n.t
  const m = view.mechanism
  return renderPage(
    c,
    { title: m.name },
    <>
      <Nav t={t} />
      <p class="eyebrow">
        {view.organization ? (
          <a href={`/organizations/${view.organization.slug}`}>
            <Name>{localized(view.organization.name, i18n.locale)}</Name>
          </a>
        ) : null}
      </p>
      <h1>{m.name}</h1>
      {m.description ? (
        <p class="lead" dir="auto">
          {m.description}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('coordination.mechanismType')}</dt>
        <dd>{t(`coordination.types.${m.type}`)}</dd>
        <dt>{t('coordination.governments')}</dt>
        <dd>{t(`coordination.governmentParticipation.${m.governments}`)}</dd>
        <dt>{t('coordination.stakeholders')}</dt>
        <dd>{t(`coordination.stakeholderParticipation.${m.stakeholders}`)}</dd>
        <dt>{t('coordination.support')}</dt>
        <dd>{i18n.list(m.support.map((s) => t(`coordination.supports.${s}`))) || '—'}</dd>
        {m.website ? (
          <>
            <dt>{t('coordination.website')}</dt>
            <dd>
              <a href={m.website} rel="external noopener">
                {m.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('coordination.issues.addressed')}</h2>
      <ul>
        {view.issues.map((i) => (
          <li>
            <a href={`/issues/${i.slug}`}>{issueName(c, i)}</a>
          </li>
        ))}
      </ul>
    </>,
  )
}

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
