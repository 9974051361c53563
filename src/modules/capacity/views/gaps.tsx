// The capacity overview: gaps counted by status per regional group and per development status
// (LDC, LLDC, SIDS), the filters, and the gaps that pass them.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { FilterSelect, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { REGIONAL_GROUPS } from '../../actors/index.ts'
import { gapWhere, type Places } from '../places.ts'
import type { Gap } from '../queries.ts'
import { GAP_STATUSES, type GapStatus } from '../rules/matching.ts'
import { CLASSES, type GapListQuery } from '../schemas.ts'

export const statusTone = (s: GapStatus) => (s === 'closed' ? 'ok' : s === 'open' ? 'warn' : undefined)

export interface GapListView {
  places: Places
  /** every gap, for the summary tables */
  all: Gap[]
  /** the gaps that pass the filter */
  gaps: Gap[]
  filter: GapListQuery
  canRecord: boolean
  canOffer: boolean
}

/** Gaps counted by status, one row per group or classification. */
function StatusTable(props: { t: (k: string) => string; caption: string; heading: string; rows: [string, Gap[]][] }) {
  const { t } = props
  return (
    <div class="table-scroll">
      <table class="compact">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heading}</th>
            {GAP_STATUSES.map((s) => (
              <th scope="col">{t(`capacity.status.${s}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, list]) => (
            <tr>
              <th scope="row">{label}</th>
              {GAP_STATUSES.map((s) => (
                <td>{list.filter((g) => g.status === s).length}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function renderGapList(c: Context<AppEnv>, view: GapListView) {
  const { i18n } = c.var
  const t = i18n.t
  const { places, all, filter } = view
  const title = t('capacity.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('capacity.lead')}</p>
      <ul class="inline-list">
        <li>
          <a href="/capacity/offers">{t('capacity.offers')}</a>
        </li>
        {view.canRecord ? (
          <li>
            <a href="/capacity/gaps/new">{t('capacity.newGap')}</a>
          </li>
        ) : null}
        {view.canOffer ? (
          <li>
            <a href="/capacity/offers/new">{t('capacity.newOffer')}</a>
          </li>
        ) : null}
      </ul>
      <div class="summary-tables">
        <StatusTable
          t={t}
          caption={t('capacity.byGroup')}
          heading={t('capacity.field.group')}
          rows={REGIONAL_GROUPS.map((g) => [t(`actors.group.${g}`), all.filter((x) => places.groupOf(x) === g)])}
        />
        <StatusTable
          t={t}
          caption={t('capacity.byClassification')}
          heading={t('capacity.classification')}
          rows={CLASSES.map((k) => [
            t(`actors.classification.${k}`),
            all.filter((x) => places.classesOf(x).includes(k)),
          ])}
        />
      </div>
      <form method="get" action="/capacity" class="filters">
        <FilterSelect
          id="f-group"
          name="group"
          label={t('capacity.field.group')}
          any={t('capacity.any')}
          selected={filter.group ?? ''}
          options={REGIONAL_GROUPS.map((g) => ({ value: g, label: t(`actors.group.${g}`) }))}
        />
        <FilterSelect
          id="f-cls"
          name="classification"
          label={t('capacity.classification')}
          any={t('capacity.any')}
          selected={filter.classification ?? ''}
          options={CLASSES.map((k) => ({ value: k, label: t(`actors.classification.${k}`) }))}
        />
        <FilterSelect
          id="f-status"
          name="status"
          label={t('capacity.statusLabel')}
          any={t('capacity.any')}
          selected={filter.status ?? ''}
          options={GAP_STATUSES.map((x) => ({ value: x, label: t(`capacity.status.${x}`) }))}
        />
        <button type="submit" class="button">
          {t('capacity.filter')}
        </button>
      </form>
      <p role="status">{t('capacity.count', { count: view.gaps.length })}</p>
      <ul>
        {view.gaps.map((g) => (
          <li>
            <a href={`/capacity/gaps/${g.id}`}>
              {gapWhere(places, t, g)}: {places.issueName(g.issueSlug)}
            </a>{' '}
            <Tag tone={statusTone(g.status)}>{t(`capacity.status.${g.status}`)}</Tag>{' '}
            <span class="muted">{i18n.date(g.identifiedOn)}</span>
          </li>
        ))}
      </ul>
    </>,
  )
}
