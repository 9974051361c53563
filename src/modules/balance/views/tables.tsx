// The tables beside the balance's charts: one row per group with its count, share, reference
// shares and representation ratio, so a screen reader or a copy gets every figure the chart draws.
import type { Translator } from '../../../core/i18n/messages.ts'
import type { TrendPoint } from '../rules/balance.ts'
import type { Distribution, FlagRow } from '../rules/measures.ts'

const formats = new Map<string, { percent: Intl.NumberFormat; ratio: Intl.NumberFormat }>()
function formatsFor(tag: string) {
  let f = formats.get(tag)
  if (!f) {
    f = {
      percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
      ratio: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    }
    formats.set(tag, f)
  }
  return f
}

export const percent = (i18n: Translator, x: number | null) =>
  x === null ? '—' : formatsFor(i18n.tag).percent.format(x)
export const ratio = (i18n: Translator, x: number | null) => (x === null ? '—' : formatsFor(i18n.tag).ratio.format(x))

export interface Columns {
  membership: boolean
  composition: boolean
  baseline?: Record<string, number> | undefined
}

export function DistributionTable(props: {
  i18n: Translator
  id: string
  caption: string
  d: Distribution
  label: (group: string) => string
  columns: Columns
}) {
  const { i18n, d, columns } = props
  const t = i18n.t
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby={`${props.id}-caption`}>
      <table class="compact" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balance.col.group')}</th>
            <th scope="col">{t('balance.col.count')}</th>
            <th scope="col">{t('balance.col.share')}</th>
            {columns.membership ? <th scope="col">{t('balance.col.membership')}</th> : null}
            {columns.composition ? <th scope="col">{t('balance.col.composition')}</th> : null}
            {columns.membership || columns.composition ? <th scope="col">{t('balance.col.ratio')}</th> : null}
            {columns.baseline ? <th scope="col">{t('balance.col.igf2022')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr>
              <th scope="row">{props.label(r.group)}</th>
              <td>{i18n.number(r.count)}</td>
              <td>{percent(i18n, r.share)}</td>
              {columns.membership ? <td>{percent(i18n, r.membershipShare)}</td> : null}
              {columns.composition ? <td>{percent(i18n, r.compositionShare)}</td> : null}
              {columns.membership || columns.composition ? <td>{ratio(i18n, r.ratio)}</td> : null}
              {columns.baseline ? <td>{percent(i18n, columns.baseline[r.group] ?? null)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('balance.evenness', {
          evenness: ratio(i18n, d.evenness),
          effective: ratio(i18n, d.total > 0 ? d.effectiveGroups : null),
          k: d.rows.length,
        })}
      </p>
    </section>
  )
}

export function FlagTable(props: { i18n: Translator; rows: FlagRow[]; composition: boolean }) {
  const { i18n, rows } = props
  const t = i18n.t
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby="development-table-caption">
      <table class="compact" id="development-table">
        <caption id="development-table-caption">
          {t('balance.development.caption', { base: rows[0]?.base ?? 0 })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('balance.col.status')}</th>
            <th scope="col">{t('balance.col.count')}</th>
            <th scope="col">{t('balance.col.share')}</th>
            <th scope="col">{t('balance.col.membership')}</th>
            {props.composition ? <th scope="col">{t('balance.col.composition')}</th> : null}
            <th scope="col">{t('balance.col.ratio')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{t(`actors.classification.${r.flag}`)}</th>
              <td>{i18n.number(r.count)}</td>
              <td>{percent(i18n, r.share)}</td>
              <td>{percent(i18n, r.membershipShare)}</td>
              {props.composition ? <td>{percent(i18n, r.compositionShare)}</td> : null}
              <td>{ratio(i18n, r.ratio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function TrendTable(props: {
  i18n: Translator
  caption: string
  points: TrendPoint[]
  href?: (label: string) => string
}) {
  const { i18n } = props
  const t = i18n.t
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby="trend-table-caption">
      <table class="compact" id="trend-table">
        <caption id="trend-table-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balance.col.when')}</th>
            <th scope="col">{t('balance.col.participants')}</th>
            <th scope="col">{t('balance.col.states')}</th>
            <th scope="col">{t('balance.series.regionalEvenness')}</th>
            <th scope="col">{t('balance.series.stakeholderEvenness')}</th>
            <th scope="col">{t('balance.series.coverage')}</th>
            <th scope="col">{t('balance.col.ldcShare')}</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p) => (
            <tr>
              <th scope="row">{props.href ? <a href={props.href(p.label)}>{p.label}</a> : <bdi>{p.label}</bdi>}</th>
              <td>{i18n.number(p.participants)}</td>
              <td>{i18n.number(p.states)}</td>
              <td>{ratio(i18n, p.regionalEvenness)}</td>
              <td>{ratio(i18n, p.stakeholderEvenness)}</td>
              <td>{percent(i18n, p.coverage)}</td>
              <td>{percent(i18n, p.ldcShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
