// How an indicator's value reads, shared by the page and the Word file: a share as a percentage,
// a count with what it is out of, and "not recorded" when the record holds nothing to compute from.
import type { Translator } from '../../core/i18n/messages.ts'
import type { IndicatorValue } from './rules/indicators.ts'
import type { SelfReportRow } from './rules/scorecard.ts'

export function valueText(i18n: Translator, kind: 'share' | 'count', v: IndicatorValue): string {
  if (!v.recorded) return i18n.t('scorecard.notRecorded')
  if (kind === 'share')
    return i18n.t('scorecard.share', {
      percent: Math.round(v.value * 100),
      numerator: v.numerator,
      denominator: v.denominator ?? 0,
    })
  return v.denominator === null
    ? i18n.number(v.value)
    : i18n.t('scorecard.countOf', { count: v.value, outOf: v.denominator })
}

export function selfReportText(i18n: Translator, v: SelfReportRow['values'][number]): string {
  if (!v) return i18n.t('scorecard.noCycle')
  return i18n.t('scorecard.selfReportedValue', { organizations: v.organizations, reports: v.reports })
}

/** The change from the year before, in percentage points for a share. */
export function trendText(i18n: Translator, kind: 'share' | 'count', change: number | null): string {
  if (change === null) return i18n.t('scorecard.noTrend')
  const amount = kind === 'share' ? Math.round(change * 100) : change
  const signed = `${amount > 0 ? '+' : amount < 0 ? '−' : '±'}${i18n.number(Math.abs(amount))}`
  return i18n.t(kind === 'share' ? 'scorecard.trendPoints' : 'scorecard.trendCount', { change: signed })
}
