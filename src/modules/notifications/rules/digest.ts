// When a digest is due and what it covers. A daily digest covers the last complete UTC day, a
// weekly one the last complete week from Monday 00:00 UTC; a person receives at most one per
// period, and none when nothing happened.

import { isoDate } from '../../../core/dates.ts'
import type { Frequency } from '../tables.ts'

export interface DigestPeriod {
  frequency: Exclude<Frequency, 'never'>
  /** inclusive */
  start: Date
  /** exclusive */
  end: Date
  /** stable name of the period, part of the outbox's dedupe key */
  key: string
}

const DAY_MS = 86_400_000

function utcMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
}

/** The last period of this frequency that has ended by `now`. */
export function lastCompletePeriod(frequency: Exclude<Frequency, 'never'>, now: Date): DigestPeriod {
  const today = utcMidnight(now)
  if (frequency === 'daily') {
    const start = new Date(today.getTime() - DAY_MS)
    return { frequency, start, end: today, key: `daily:${isoDate(start)}` }
  }
  // getUTCDay: Sunday 0 ... Saturday 6; weeks start on Monday (ISO 8601)
  const sinceMonday = (today.getUTCDay() + 6) % 7
  const end = new Date(today.getTime() - sinceMonday * DAY_MS)
  const start = new Date(end.getTime() - 7 * DAY_MS)
  return { frequency, start, end, key: `weekly:${isoDate(start)}` }
}

/** The period whose digest this person should now receive, or null when it has been dealt with. */
export function duePeriod(frequency: Frequency, lastPeriodStart: Date | null, now: Date): DigestPeriod | null {
  if (frequency === 'never') return null
  const period = lastCompletePeriod(frequency, now)
  if (lastPeriodStart && lastPeriodStart.getTime() >= period.start.getTime()) return null
  return period
}

/** Items grouped under their process, processes in the order of their latest item. */
export function groupByProcess<T extends { processId: number; at: Date }>(items: readonly T[]): [number, T[]][] {
  const groups = new Map<number, T[]>()
  for (const item of [...items].sort((a, b) => b.at.getTime() - a.at.getTime())) {
    const list = groups.get(item.processId) ?? []
    list.push(item)
    groups.set(item.processId, list)
  }
  return [...groups.entries()]
}
