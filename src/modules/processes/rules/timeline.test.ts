// A process's timeline: phases in date order (ties in the canonical order) and the current one.
import { describe, expect, it } from 'vitest'
import { PHASE_KINDS, type PhaseKind } from '../tables.ts'
import { currentPhase, orderPhases, phaseStatus } from './timeline.ts'

describe('phaseStatus', () => {
  it('counts a phase current on its first and last day', () => {
    const phase = { kind: 'call_for_contributions', startsOn: '2026-03-01', endsOn: '2026-03-31' } as const
    expect(phaseStatus(phase, '2026-02-28')).toBe('upcoming')
    expect(phaseStatus(phase, '2026-03-01')).toBe('current')
    expect(phaseStatus(phase, '2026-03-31')).toBe('current')
    expect(phaseStatus(phase, '2026-04-01')).toBe('past')
  })
})

describe('orderPhases and currentPhase', () => {
  // the first two kinds of the canonical order, whatever they are called
  const [first, second] = PHASE_KINDS.slice(0, 2) as [PhaseKind, PhaseKind]

  it('orders phases by start date, and phases starting the same day in the canonical order', () => {
    const phases = [
      { kind: second, startsOn: '2026-01-01', endsOn: '2026-01-31' },
      { kind: first, startsOn: '2026-01-01', endsOn: '2026-01-31' },
      { kind: first, startsOn: '2025-12-01', endsOn: '2025-12-31' },
    ]
    expect(orderPhases(phases).map((p) => `${p.startsOn} ${p.kind}`)).toEqual([
      `2025-12-01 ${first}`,
      `2026-01-01 ${first}`,
      `2026-01-01 ${second}`,
    ])
  })

  it('picks the latest-starting phase among overlapping ones, and none between phases', () => {
    const phases = [
      { kind: first, startsOn: '2026-01-01', endsOn: '2026-03-31' },
      { kind: second, startsOn: '2026-03-01', endsOn: '2026-05-31' },
      { kind: first, startsOn: '2026-07-01', endsOn: '2026-07-31' },
    ]
    expect(currentPhase(phases, '2026-02-01')?.startsOn).toBe('2026-01-01')
    expect(currentPhase(phases, '2026-03-15')?.kind).toBe(second)
    expect(currentPhase(phases, '2026-06-15')).toBeNull()
    expect(currentPhase([], '2026-06-15')).toBeNull()
  })
})
