// The scorecard: every indicator for every year of the record, grouped by characteristic, beside
// what organizations self-report on that characteristic in their annual reports that year.
import { type IndicatorDefinition, type IndicatorValue, PLATFORM_INDICATORS, PROCESS_INDICATORS } from './indicators.ts'
import { CHARACTERISTICS, type Characteristic, type PlatformRecord, type ProcessRecord } from './record.ts'

/** The years shown at most (the latest ones). */
export const MAX_YEARS = 12

export interface IndicatorRow extends IndicatorDefinition {
  /** one value per year of `years`, in the same order */
  values: IndicatorValue[]
}

export interface SelfReportRow {
  characteristic: Characteristic
  /** per year: organizations whose annual report writes on the characteristic, of those that reported; null when no cycle */
  values: ({ organizations: number; reports: number } | null)[]
}

export interface Scorecard {
  years: number[]
  characteristics: { characteristic: Characteristic; indicators: IndicatorRow[]; selfReported: SelfReportRow }[]
}

/** The years the record speaks of, oldest first, the latest MAX_YEARS of them. */
export function yearsOf(process: ProcessRecord | null, platform: PlatformRecord): number[] {
  const years = new Set<number>()
  const add = (y: number) => Number.isInteger(y) && years.add(y)
  if (process) {
    for (const d of process.documents) add(Number(d.meetingStartsOn.slice(0, 4)))
    for (const d of process.decisions) add(d.year)
    for (const c of process.contributions) add(c.year)
    for (const p of process.proposals) add(p.year)
    if (process.report) add(process.report.year)
    for (const f of process.followUps) add(f.year)
    for (const c of process.cycles) add(c.year)
  } else {
    for (const c of platform.reporting) add(c.year)
    for (const i of platform.emergingIssues) add(Number(i.raisedOn.slice(0, 4)))
  }
  return [...years].sort((a, b) => a - b).slice(-MAX_YEARS)
}

function selfReported(platform: PlatformRecord, characteristic: Characteristic, years: number[]): SelfReportRow {
  return {
    characteristic,
    values: years.map((year) => {
      const cycle = platform.reporting.find((c) => c.year === year)
      if (!cycle) return null
      const reports = cycle.reports.filter((r) => r.firstSubmittedOn)
      return {
        organizations: reports.filter((r) => r.characteristics.includes(characteristic)).length,
        reports: reports.length,
      }
    }),
  }
}

/**
 * The scorecard of a process (its own indicators and the platform's) or, with `process` null, of
 * the platform alone.
 */
export function scorecardOf(process: ProcessRecord | null, platform: PlatformRecord): Scorecard {
  const years = yearsOf(process, platform)
  const rows: IndicatorRow[] = [
    ...(process
      ? PROCESS_INDICATORS.map((i) => ({ ...strip(i), values: years.map((y) => i.compute(process, y)) }))
      : []),
    ...PLATFORM_INDICATORS.map((i) => ({ ...strip(i), values: years.map((y) => i.compute(platform, y)) })),
  ]
  return {
    years,
    characteristics: CHARACTERISTICS.map((characteristic) => ({
      characteristic,
      indicators: rows.filter((r) => r.characteristic === characteristic),
      selfReported: selfReported(platform, characteristic, years),
    })),
  }
}

function strip(i: IndicatorDefinition): IndicatorDefinition {
  return { id: i.id, characteristic: i.characteristic, kind: i.kind, scope: i.scope }
}

/** The change from the previous recorded year to the latest recorded one (null with fewer than two). */
export function trendOf(values: readonly IndicatorValue[]): number | null {
  const recorded = values.flatMap((v) => (v.recorded ? [v.value] : []))
  if (recorded.length < 2) return null
  return (recorded.at(-1) as number) - (recorded.at(-2) as number)
}
