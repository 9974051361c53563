// What became of each recommendation, year by year. Records are never rewritten: a later record
// for the same year supersedes the earlier one, so the history stays readable and the current
// status is the latest word for the latest year.

export const FOLLOW_UP_STATUSES = ['not_started', 'under_way', 'implemented', 'superseded'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]
export const FOLLOW_UP_SOURCES = ['annual_report', 'resolution', 'decision'] as const
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number]

export interface FollowUpRecord {
  id: number
  paragraphId: number
  year: number
  status: FollowUpStatus
  recordedAt: Date
}

/** The latest record of each year, newest year first. */
export function yearByYear<R extends FollowUpRecord>(records: readonly R[]): R[] {
  const latest = new Map<number, R>()
  for (const r of records) {
    const seen = latest.get(r.year)
    if (
      !seen ||
      r.recordedAt > seen.recordedAt ||
      (r.recordedAt.getTime() === seen.recordedAt.getTime() && r.id > seen.id)
    )
      latest.set(r.year, r)
  }
  return [...latest.values()].sort((a, b) => b.year - a.year)
}

/** A recommendation's status now: its latest year's latest record, or not started when none. */
export function currentStatus(records: readonly FollowUpRecord[]): FollowUpStatus {
  return yearByYear(records)[0]?.status ?? 'not_started'
}

/**
 * For a year's synthesis: how many recommendations stand at each status that year (a
 * recommendation without a record that year counts as not started).
 */
export function tallyForYear(
  recommendationIds: readonly number[],
  records: readonly FollowUpRecord[],
  year: number,
): Record<FollowUpStatus, number> {
  const counts: Record<FollowUpStatus, number> = { not_started: 0, under_way: 0, implemented: 0, superseded: 0 }
  for (const id of recommendationIds) {
    const ofYear = yearByYear(records.filter((r) => r.paragraphId === id && r.year === year))[0]
    counts[ofYear?.status ?? 'not_started']++
  }
  return counts
}
