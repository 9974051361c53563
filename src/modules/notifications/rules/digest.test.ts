import { describe, expect, it } from 'vitest'
import { duePeriod, groupByProcess, lastCompletePeriod } from './digest.ts'

describe('digest periods', () => {
  it('a daily digest covers the whole previous UTC day', () => {
    const p = lastCompletePeriod('daily', new Date('2026-11-25T06:30:00Z'))
    expect(p.start.toISOString()).toBe('2026-11-24T00:00:00.000Z')
    expect(p.end.toISOString()).toBe('2026-11-25T00:00:00.000Z')
    expect(p.key).toBe('daily:2026-11-24')
  })

  it('a weekly digest covers the last complete week from Monday', () => {
    // Wednesday 25 November 2026: the last complete week is Monday 16 to Monday 23
    const p = lastCompletePeriod('weekly', new Date('2026-11-25T12:00:00Z'))
    expect(p.start.toISOString()).toBe('2026-11-16T00:00:00.000Z')
    expect(p.end.toISOString()).toBe('2026-11-23T00:00:00.000Z')
    // on a Monday, the week that just ended
    expect(lastCompletePeriod('weekly', new Date('2026-11-23T00:00:00Z')).key).toBe('weekly:2026-11-16')
    // on a Sunday, still the week before
    expect(lastCompletePeriod('weekly', new Date('2026-11-29T23:59:59Z')).key).toBe('weekly:2026-11-16')
  })

  it('a period already dealt with is not due again, the next one is', () => {
    const now = new Date('2026-11-25T06:30:00Z')
    expect(duePeriod('daily', null, now)?.key).toBe('daily:2026-11-24')
    expect(duePeriod('daily', new Date('2026-11-24T00:00:00Z'), now)).toBeNull()
    expect(duePeriod('daily', new Date('2026-11-23T00:00:00Z'), now)?.key).toBe('daily:2026-11-24')
    expect(duePeriod('never', null, now)).toBeNull()
  })

  it('groups items under their process, the most recent process first', () => {
    const at = (d: string) => new Date(`2026-11-${d}T00:00:00Z`)
    const groups = groupByProcess([
      { processId: 1, at: at('20') },
      { processId: 2, at: at('22') },
      { processId: 1, at: at('21') },
    ])
    expect(groups.map(([id, items]) => [id, items.map((i) => i.at.getUTCDate())])).toEqual([
      [2, [22]],
      [1, [21, 20]],
    ])
  })
})
