// Failed password attempts: a few free tries, then delays that double up to a ceiling; failures
// lapse a day after the last one.
import { describe, expect, it } from 'vitest'
import { currentFailures, delayAfter, FORGET_AFTER_MS, THROTTLES } from './throttle.ts'

describe('delayAfter', () => {
  const rule = THROTTLES.signInPair

  it('waits nothing for the free tries, then doubles from the base delay', () => {
    expect([0, 4].map((n) => delayAfter(n, rule))).toEqual([0, 0])
    expect([5, 6, 7, 8].map((n) => delayAfter(n, rule))).toEqual([2, 4, 8, 16])
  })

  it('never waits longer than the ceiling, however many failures', () => {
    expect(delayAfter(40, rule)).toBe(rule.maxSeconds)
    expect(delayAfter(10_000, rule)).toBe(rule.maxSeconds)
  })

  it('gives a shared client address many more free tries than one email address', () => {
    expect(delayAfter(20, THROTTLES.signInSource)).toBe(0)
    expect(delayAfter(20, THROTTLES.signInPair)).toBeGreaterThan(0)
  })
})

describe('currentFailures', () => {
  const now = new Date('2026-12-05T12:00:00Z')

  it('counts failures until a day after the last one, then forgets them', () => {
    const recent = { failures: 7, lastFailureAt: new Date(now.getTime() - FORGET_AFTER_MS + 1) }
    expect(currentFailures(recent, now)).toBe(7)
    expect(currentFailures({ ...recent, lastFailureAt: new Date(now.getTime() - FORGET_AFTER_MS) }, now)).toBe(0)
    expect(currentFailures(undefined, now)).toBe(0)
  })
})
