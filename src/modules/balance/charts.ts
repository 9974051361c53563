// The balance's figures as chart data, in the reader's language: the participants' shares as
// bars, the membership, the body's composition and the IGF 2022 baseline as ticks; the trend as lines.
import type { Translator } from '../../core/i18n/messages.ts'
import { type ShareDatum, shareChart, trendChart } from './chart.ts'
import type { BalanceReport } from './report.ts'
import { baselineFor } from './rules/baselines.ts'
import type { Distribution, FlagRow } from './rules/measures.ts'
import type { BalanceCharts } from './views/balance.tsx'

function shareData(
  i18n: Translator,
  rows: {
    label: string
    share: number
    membership: number | null
    composition: number | null
    baseline?: number | undefined
  }[],
): { data: ShareDatum[]; series: string[] } {
  const t = i18n.t
  const names = {
    share: t('balance.series.participants'),
    membership: t('balance.series.membership'),
    composition: t('balance.series.composition'),
    baseline: t('balance.series.igf2022'),
  }
  const data: ShareDatum[] = []
  const used = new Set<string>([names.share])
  for (const r of rows) {
    data.push({ label: r.label, series: names.share, value: r.share, mark: 'bar' })
    for (const k of ['membership', 'composition', 'baseline'] as const) {
      const v = r[k]
      if (v === null || v === undefined) continue
      data.push({ label: r.label, series: names[k], value: v, mark: 'tick' })
      used.add(names[k])
    }
  }
  return { data, series: Object.values(names).filter((n) => used.has(n)) }
}

function distributionRows(d: Distribution, label: (g: string) => string, baseline?: Record<string, number>) {
  return d.rows.map((r) => ({
    label: label(r.group),
    share: r.share,
    membership: r.membershipShare,
    composition: r.compositionShare,
    baseline: baseline?.[r.group],
  }))
}

function flagRows(rows: FlagRow[], label: (g: string) => string) {
  return rows.map((r) => ({
    label: label(r.flag),
    share: r.share,
    membership: r.membershipShare,
    composition: r.compositionShare,
  }))
}

/** The page's charts; none when nobody took part (the tables say so). */
export async function chartsFor(i18n: Translator, report: BalanceReport): Promise<BalanceCharts | null> {
  const b = report.balance
  if (b.participants === 0) return null
  const t = i18n.t
  const rtl = i18n.dir === 'rtl'
  const stakeholder = (g: string) =>
    ['government', 'individual', 'unknown'].includes(g) ? t(`balance.stakeholder.${g}`) : t(`actors.stakeholder.${g}`)
  const regional = shareData(
    i18n,
    distributionRows(b.regionalGroups, (g) => t(`actors.group.${g}`), baselineFor('regionalGroups')?.shares),
  )
  const stakeholders = shareData(
    i18n,
    distributionRows(b.stakeholderGroups, stakeholder, baselineFor('stakeholderGroups')?.shares),
  )
  const development = shareData(
    i18n,
    flagRows(b.development, (f) => t(`actors.classification.${f}`)),
  )
  const series = {
    regionalEvenness: t('balance.series.regionalEvenness'),
    stakeholderEvenness: t('balance.series.stakeholderEvenness'),
    coverage: t('balance.series.coverage'),
  }
  const trend = report.trend.flatMap((p) =>
    (['regionalEvenness', 'stakeholderEvenness', 'coverage'] as const).flatMap((k) => {
      const value = p[k]
      return value === null ? [] : [{ label: p.label, series: series[k], value }]
    }),
  )
  return {
    regionalGroups: await shareChart(regional.data, {
      title: t('balance.regionalGroups'),
      series: regional.series,
      rtl,
    }),
    development: await shareChart(development.data, {
      title: t('balance.development'),
      series: development.series,
      rtl,
    }),
    stakeholderGroups: await shareChart(stakeholders.data, {
      title: t('balance.stakeholderGroups'),
      series: stakeholders.series,
      rtl,
    }),
    trend:
      trend.length > 0 && report.trendOf
        ? await trendChart(trend, {
            title: t(`balance.trend.${report.trendOf}`),
            order: report.trend.map((p) => p.label),
          })
        : '',
  }
}
