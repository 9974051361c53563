// How long to wait after failed password attempts: a few free tries, then delays that double
// with each further failure up to a ceiling. Failures are forgotten a day after the last one.

export interface ThrottleRule {
  /** failures allowed before any delay */
  free: number
  /** the first delay, doubled by each further failure */
  baseSeconds: number
  maxSeconds: number
}

export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000

export const THROTTLES = {
  /** one email address from one client address: the guessing of one password */
  signInPair: { free: 5, baseSeconds: 2, maxSeconds: 60 * 60 },
  /** one client address across every email: password spraying; a meeting room shares it */
  signInSource: { free: 50, baseSeconds: 2, maxSeconds: 15 * 60 },
  /** the current password on the password-change form */
  passwordChange: { free: 5, baseSeconds: 2, maxSeconds: 60 * 60 },
} satisfies Record<string, ThrottleRule>

/** Seconds before the next attempt, once `failures` attempts have failed. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0
  return Math.min(rule.baseSeconds * 2 ** (failures - rule.free), rule.maxSeconds)
}

/** Failures still counting at `now` (they lapse a day after the last one). */
export function currentFailures(row: { failures: number; lastFailureAt: Date } | undefined, now: Date): number {
  if (!row || now.getTime() - row.lastFailureAt.getTime() >= FORGET_AFTER_MS) return 0
  return row.failures
}
