// The counts that head a compilation: contributions by stakeholder group, UN regional group,
// development status (LDC / LLDC / SIDS) and language.

export interface Counted {
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
}

export interface Summary {
  total: number
  byStakeholderGroup: Record<string, number>
  byRegionalGroup: Record<string, number>
  byDevelopmentStatus: { ldc: number; lldc: number; sids: number }
  byLanguage: Record<string, number>
}

function bump(counts: Record<string, number>, key: string) {
  counts[key] = (counts[key] ?? 0) + 1
}

export function summarize(items: readonly Counted[]): Summary {
  const summary: Summary = {
    total: items.length,
    byStakeholderGroup: {},
    byRegionalGroup: {},
    byDevelopmentStatus: { ldc: 0, lldc: 0, sids: 0 },
    byLanguage: {},
  }
  for (const item of items) {
    bump(summary.byStakeholderGroup, item.stakeholderGroup)
    if (item.regionalGroup) bump(summary.byRegionalGroup, item.regionalGroup)
    if (item.ldc) summary.byDevelopmentStatus.ldc++
    if (item.lldc) summary.byDevelopmentStatus.lldc++
    if (item.sids) summary.byDevelopmentStatus.sids++
    bump(summary.byLanguage, item.language)
  }
  return summary
}

/** Adds up summaries computed per part (the database groups, the rule combines). */
export function summaryFromGroups(rows: readonly (Counted & { n: number })[]): Summary {
  const summary = summarize([])
  for (const row of rows) {
    summary.total += row.n
    summary.byStakeholderGroup[row.stakeholderGroup] = (summary.byStakeholderGroup[row.stakeholderGroup] ?? 0) + row.n
    if (row.regionalGroup) {
      summary.byRegionalGroup[row.regionalGroup] = (summary.byRegionalGroup[row.regionalGroup] ?? 0) + row.n
    }
    if (row.ldc) summary.byDevelopmentStatus.ldc += row.n
    if (row.lldc) summary.byDevelopmentStatus.lldc += row.n
    if (row.sids) summary.byDevelopmentStatus.sids += row.n
    summary.byLanguage[row.language] = (summary.byLanguage[row.language] ?? 0) + row.n
  }
  return summary
}
