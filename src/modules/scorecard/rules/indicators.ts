// The indicators of the scorecard, one pure function each over the record of a year. A share is
// a numerator over a denominator; a count may say what it is out of. When the record holds
// nothing an indicator could be computed from, its value is "not recorded", never a zero.
import {
  type Characteristic,
  CONTRIBUTOR_GROUP_COUNT,
  type PlatformRecord,
  type ProcessRecord,
  REGIONAL_GROUP_COUNT,
  SIX_WEEKS_DAYS,
  UN_LANGUAGE_COUNT,
} from './record.ts'

export type IndicatorValue =
  | { recorded: true; value: number; numerator: number; denominator: number | null }
  | { recorded: false }

export interface IndicatorDefinition {
  id: string
  characteristic: Characteristic
  /** a share in [0, 1], or a count (out of `denominator` when it has one) */
  kind: 'share' | 'count'
  /** computed from the process's record, or from the platform's (no process link in the record) */
  scope: 'process' | 'platform'
}

const NOT_RECORDED: IndicatorValue = { recorded: false }
const share = (numerator: number, denominator: number): IndicatorValue =>
  denominator > 0 ? { recorded: true, value: numerator / denominator, numerator, denominator } : NOT_RECORDED
const count = (n: number, outOf: number | null = null): IndicatorValue => ({
  recorded: true,
  value: n,
  numerator: n,
  denominator: outOf,
})

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4))
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

function published(record: ProcessRecord, year: number) {
  return record.contributions.filter((c) => c.year === year && c.status === 'published')
}
const sum = (rows: readonly { n: number }[]) => rows.reduce((total, r) => total + r.n, 0)
const distinct = (values: Iterable<string | null>) => new Set([...values].filter((v): v is string => !!v)).size

type ProcessIndicator = IndicatorDefinition & {
  scope: 'process'
  compute(r: ProcessRecord, year: number): IndicatorValue
}
type PlatformIndicator = IndicatorDefinition & {
  scope: 'platform'
  compute(r: PlatformRecord, year: number): IndicatorValue
}

export const PROCESS_INDICATORS: readonly ProcessIndicator[] = [
  {
    id: 'documents_six_weeks',
    characteristic: 'transparency',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const docs = r.documents.filter((d) => yearOf(d.meetingStartsOn) === year)
      return share(docs.filter((d) => daysBetween(d.issuedOn, d.meetingStartsOn) >= SIX_WEEKS_DAYS).length, docs.length)
    },
  },
  {
    id: 'decisions_reasoned',
    characteristic: 'transparency',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const decisions = r.decisions.filter((d) => d.year === year)
      return share(decisions.filter((d) => d.reasoned).length, decisions.length)
    },
  },
  {
    id: 'contributions_public',
    characteristic: 'transparency',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      // a withdrawn contribution was taken back by its author: neither public nor kept from the public
      const standing = r.contributions.filter((c) => c.year === year && c.status !== 'withdrawn')
      return share(sum(standing.filter((c) => c.status === 'published')), sum(standing))
    },
  },
  {
    id: 'regional_groups',
    characteristic: 'inclusiveness',
    kind: 'count',
    scope: 'process',
    compute: (r, year) => {
      const rows = published(r, year)
      return rows.length ? count(distinct(rows.map((c) => c.regionalGroup)), REGIONAL_GROUP_COUNT) : NOT_RECORDED
    },
  },
  {
    id: 'stakeholder_groups',
    characteristic: 'inclusiveness',
    kind: 'count',
    scope: 'process',
    compute: (r, year) => {
      const rows = published(r, year)
      return rows.length ? count(distinct(rows.map((c) => c.stakeholderGroup)), CONTRIBUTOR_GROUP_COUNT) : NOT_RECORDED
    },
  },
  {
    id: 'ldc_share',
    characteristic: 'inclusiveness',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const rows = published(r, year)
      return share(sum(rows.filter((c) => c.ldc)), sum(rows))
    },
  },
  {
    id: 'languages',
    characteristic: 'inclusiveness',
    kind: 'count',
    scope: 'process',
    compute: (r, year) => {
      const rows = published(r, year)
      return rows.length ? count(distinct(rows.map((c) => c.language)), UN_LANGUAGE_COUNT) : NOT_RECORDED
    },
  },
  {
    id: 'proposals_across_groups',
    characteristic: 'collaborative_approach',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const proposals = r.proposals.filter((p) => p.year === year)
      const across = proposals.filter((p) => distinct(p.regionalGroups) >= 2 || distinct(p.stakeholderGroups) >= 2)
      return share(across.length, proposals.length)
    },
  },
  {
    id: 'recommendations_adopted',
    characteristic: 'effectiveness',
    kind: 'count',
    scope: 'process',
    // adopted by the end of the year: nothing before the report's year, all of them from it on
    compute: (r, year) =>
      r.report ? count(year >= r.report.year ? r.report.recommendations.length : 0) : NOT_RECORDED,
  },
  {
    id: 'recommendations_implemented',
    characteristic: 'effectiveness',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      if (!r.report || year < r.report.year) return NOT_RECORDED
      const upTo = r.followUps.filter((f) => f.year <= year)
      if (upTo.length === 0) return NOT_RECORDED
      const implemented = r.report.recommendations.filter((id) => latestStatus(upTo, id) === 'implemented')
      return share(implemented.length, r.report.recommendations.length)
    },
  },
  {
    id: 'cycles_on_schedule',
    characteristic: 'sustainability',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const cycles = r.cycles.filter((c) => c.year === year)
      return share(cycles.filter((c) => c.meetingYears.includes(c.year)).length, cycles.length)
    },
  },
  {
    id: 'regions_contributions',
    characteristic: 'international_dimension',
    kind: 'share',
    scope: 'process',
    compute: (r, year) => {
      const rows = published(r, year)
      return rows.length ? share(distinct(rows.map((c) => c.regionalGroup)), REGIONAL_GROUP_COUNT) : NOT_RECORDED
    },
  },
]

/** A recommendation's status in its latest record (the latest year, then the latest recorded). */
export function latestStatus(records: ProcessRecord['followUps'], paragraphId: number): string | null {
  let latest: ProcessRecord['followUps'][number] | null = null
  for (const f of records)
    if (
      f.paragraphId === paragraphId &&
      (!latest || f.year > latest.year || (f.year === latest.year && f.recordedAt > latest.recordedAt))
    )
      latest = f
  return latest?.status ?? null
}

export const PLATFORM_INDICATORS: readonly PlatformIndicator[] = [
  {
    id: 'annual_reports_on_time',
    characteristic: 'sustainability',
    kind: 'share',
    scope: 'platform',
    compute: (r, year) => {
      const cycle = r.reporting.find((c) => c.year === year)
      if (!cycle) return NOT_RECORDED
      const invited = new Set(cycle.invited)
      // an organization counts once, whatever the record holds twice
      const onTime = new Set(
        cycle.reports
          .filter((rep) => rep.firstSubmittedOn !== null && rep.firstSubmittedOn <= cycle.deadline)
          .map((rep) => rep.organizationId)
          .filter((id) => invited.has(id)),
      )
      return share(onTime.size, invited.size)
    },
  },
  {
    id: 'emerging_issues_raised',
    characteristic: 'responsiveness_to_innovation',
    kind: 'count',
    scope: 'platform',
    compute: (r, year) => count(r.emergingIssues.filter((i) => yearOf(i.raisedOn) === year).length),
  },
  {
    id: 'emerging_issues_taken_up',
    characteristic: 'responsiveness_to_innovation',
    kind: 'share',
    scope: 'platform',
    compute: (r, year) => {
      const raised = r.emergingIssues.filter((i) => yearOf(i.raisedOn) === year)
      return share(raised.filter((i) => i.status === 'active').length, raised.length)
    },
  },
  {
    id: 'regions_annual_reports',
    characteristic: 'international_dimension',
    kind: 'share',
    scope: 'platform',
    compute: (r, year) => {
      const reports = r.reporting.find((c) => c.year === year)?.reports.filter((rep) => rep.firstSubmittedOn) ?? []
      return reports.length
        ? share(distinct(reports.map((rep) => rep.regionalGroup)), REGIONAL_GROUP_COUNT)
        : NOT_RECORDED
    },
  },
]

export const INDICATORS: readonly IndicatorDefinition[] = [...PROCESS_INDICATORS, ...PLATFORM_INDICATORS]
