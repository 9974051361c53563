// The report's introduction, written from the record in the reader's language: the mandate, the
// meetings and their dates, who attended, the contributions by stakeholder group and region, what
// came of the negotiation, what was not considered and what States explained or reserved.
import type { Translator } from '../../core/i18n/messages.ts'
import type { Report } from './report.ts'
import { unDate } from './rules/un-date.ts'

export function introduction(report: Report, i18n: Translator): string[] {
  const t = i18n.t
  const body = report.body.acronym ?? report.body.name
  const lines = [
    t('reports.intro.mandate', {
      body: report.body.name,
      symbol: report.process.mandateSymbol,
      paragraph: report.process.mandateParagraph ?? '',
    }),
  ]
  const first = report.meetings[0]
  const last = report.meetings.at(-1)
  if (first && last) {
    lines.push(
      t('reports.intro.meetings', {
        body,
        count: report.meetings.length,
        first: unDate(i18n.locale, first.startsAt),
        last: unDate(i18n.locale, last.endsAt),
      }),
    )
  }
  if (report.members.attendance.recorded)
    lines.push(t('reports.intro.attendance', { count: report.members.attendance.attended.length }))
  const c = report.contributions
  if (c.total > 0) {
    const groups = Object.entries(c.byStakeholderGroup).map(
      ([g, n]) =>
        `${g === 'government' || g === 'individual' ? t(`contributions.group.${g}`) : t(`actors.stakeholder.${g}`)} (${i18n.number(n)})`,
    )
    const regions = Object.entries(c.byRegionalGroup).map(([g, n]) => `${t(`actors.group.${g}`)} (${i18n.number(n)})`)
    lines.push(
      t('reports.intro.contributions', {
        count: c.total,
        groups: i18n.list(groups),
        regions: regions.length ? i18n.list(regions) : '—',
      }),
    )
  }
  lines.push(
    t('reports.intro.outcome', {
      recommendations: report.recommendations.filter((r) => r.kind === 'operative').length,
      divergent: report.divergentViews.length,
      proposals: report.proposals.length,
    }),
  )
  if (report.notConsidered.length) lines.push(t('reports.intro.notConsidered', { count: report.notConsidered.length }))
  if (report.statements.length) lines.push(t('reports.intro.statements', { count: report.statements.length }))
  return lines
}
