// The balance as the API's JSON and as CSV rows (one row per group of each grouping, then the
// trend), made from the same report the page shows.
import type { BalanceReport } from './report.ts'
import { BASELINES, baselineFor } from './rules/baselines.ts'
import type { Distribution } from './rules/measures.ts'

type Grouping = 'regionalGroups' | 'stakeholderGroups' | 'languages'

function withBaseline(d: Distribution, grouping: Grouping) {
  const baseline = grouping === 'languages' ? undefined : baselineFor(grouping)
  return { ...d, rows: d.rows.map((r) => ({ ...r, baseline: baseline?.shares[r.group] ?? null })) }
}

export function balanceJson(report: BalanceReport) {
  const { balance: b } = report
  return {
    scope: report.scope,
    id: report.id,
    title: report.title,
    bodyId: report.bodyId,
    processId: report.processId,
    asOf: report.asOf,
    reference: report.reference,
    participants: b.participants,
    byKind: b.byKind,
    coverage: b.coverage,
    regionalGroups: withBaseline(b.regionalGroups, 'regionalGroups'),
    development: b.development,
    stakeholderGroups: withBaseline(b.stakeholderGroups, 'stakeholderGroups'),
    languages: withBaseline(b.languages, 'languages'),
    trendOf: report.trendOf,
    trend: report.trend,
    baselines: BASELINES.map((x) => ({ ...x, shares: { ...x.shares }, source: { ...x.source } })),
  }
}

const round = (x: number | null) => (x === null ? '' : Math.round(x * 10000) / 10000)

/** Long rows for a spreadsheet: grouping, group, count, share, references, ratio, baseline. */
export function balanceCsvRows(report: BalanceReport): Record<string, unknown>[] {
  const json = balanceJson(report)
  const rows: Record<string, unknown>[] = []
  for (const grouping of ['regionalGroups', 'stakeholderGroups', 'languages'] as const) {
    const d = json[grouping]
    for (const r of d.rows) {
      rows.push({
        grouping,
        group: r.group,
        count: r.count,
        share: round(r.share),
        membership_share: round(r.membershipShare),
        composition_share: round(r.compositionShare),
        ratio: round(r.ratio),
        baseline_igf2022: round(r.baseline),
        evenness: '',
        effective_groups: '',
      })
    }
    rows.push({
      grouping,
      group: 'all',
      count: d.total,
      share: d.total > 0 ? 1 : 0,
      membership_share: '',
      composition_share: '',
      ratio: '',
      baseline_igf2022: '',
      evenness: round(d.evenness),
      effective_groups: round(d.effectiveGroups),
    })
  }
  for (const f of json.development) {
    rows.push({
      grouping: 'development',
      group: f.flag,
      count: f.count,
      share: round(f.share),
      membership_share: round(f.membershipShare),
      composition_share: round(f.compositionShare),
      ratio: round(f.ratio),
      baseline_igf2022: '',
      evenness: '',
      effective_groups: '',
    })
  }
  rows.push({
    grouping: 'coverage',
    group: 'un_member_states',
    count: json.coverage.states,
    share: round(json.coverage.share),
    membership_share: 1,
    composition_share: '',
    ratio: '',
    baseline_igf2022: '',
    evenness: '',
    effective_groups: '',
  })
  return rows
}
