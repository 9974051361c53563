import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { declarationProblem, onWording, type PositionEvent, statePositions, tally } from './consensus.ts'

const at = (minute: number) => new Date(Date.UTC(2018, 0, 29, 10, minute))

describe('one voice per Member State', () => {
  it('a State’s second delegate replaces its position rather than adding a vote', () => {
    const events: PositionEvent[] = [
      { memberStateIso3: 'BRA', position: 'objection', at: at(1), accountId: 1 },
      { memberStateIso3: 'BRA', position: 'support', at: at(5), accountId: 2 },
      { memberStateIso3: 'ZAF', position: 'no_objection', at: at(3), accountId: 3 },
    ]
    const positions = statePositions(events)
    expect(positions).toHaveLength(2)
    expect(positions.find((p) => p.memberStateIso3 === 'BRA')?.position).toBe('support')
    expect(positions.find((p) => p.memberStateIso3 === 'BRA')?.accountId).toBe(2)
    expect(tally(positions).readiness).toBe('ready')
  })

  it('counts each State once however many delegates speak, whatever the order they arrive in', () => {
    const event = fc.record({
      memberStateIso3: fc.constantFrom('BRA', 'ZAF', 'FRA', 'CHN', 'USA'),
      position: fc.constantFrom('support', 'no_objection', 'objection', 'reservation' as const),
      at: fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(m * 60_000)),
      accountId: fc.integer({ min: 1, max: 20 }),
    })
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const positions = statePositions(events)
        const states = new Set(events.map((e) => e.memberStateIso3))
        expect(positions).toHaveLength(states.size)
        const t = tally(positions)
        expect(t.support + t.no_objection + t.objection + t.reservation).toBe(states.size)
        // the same events shuffled give the same result when their times differ
        const distinctTimes = new Set(events.map((e) => `${e.memberStateIso3}${e.at.getTime()}`)).size === events.length
        if (distinctTimes) expect(statePositions([...events].reverse())).toEqual(positions)
      }),
    )
  })
})

describe('consensus is the absence of formal objection', () => {
  const p = (memberStateIso3: string, position: PositionEvent['position']) => ({
    memberStateIso3,
    position,
    at: at(0),
    accountId: 1,
    note: null,
    wording: null,
  })

  it('a single objection blocks; a reservation does not', () => {
    expect(tally([p('BRA', 'support'), p('USA', 'reservation')]).readiness).toBe('ready')
    const blocked = tally([p('BRA', 'support'), p('USA', 'objection')])
    expect(blocked.readiness).toBe('objected')
    expect(blocked.objecting).toEqual(['USA'])
    expect(tally([]).readiness).toBe('open')
  })

  it('lets the Chair declare agreement only without a standing objection, and record no consensus until agreement', () => {
    const objected = tally([p('USA', 'objection')])
    expect(declarationProblem('agreed_ad_ref', 'bracketed', objected)).toBe('standing_objection')
    expect(declarationProblem('adopted', 'agreed_ad_ref', objected)).toBe('standing_objection')
    expect(declarationProblem('no_consensus', 'bracketed', objected)).toBeNull()
    expect(declarationProblem('agreed_ad_ref', 'proposed', tally([p('BRA', 'no_objection')]))).toBeNull()
    expect(declarationProblem('adopted', 'proposed', tally([]))).toBe('no_positions')
    expect(declarationProblem('agreed_ad_ref', 'deleted', tally([]))).toBe('paragraph_deleted')
  })

  // found by the model-based test (seed 484568835): the rule let it through, the database's
  // frozen-text trigger refused it, and the Chair got a 500
  it('refuses to record no consensus on a paragraph agreed ad referendum until the Chair reopens it', () => {
    expect(declarationProblem('no_consensus', 'agreed_ad_ref', tally([]))).toBe('paragraph_frozen')
    expect(declarationProblem('no_consensus', 'agreed_ad_ref', tally([p('USA', 'objection')]))).toBe('paragraph_frozen')
  })
})

describe('a position is given on a wording', () => {
  const on = (memberStateIso3: string, position: PositionEvent['position'], wording: string) => ({
    memberStateIso3,
    position,
    at: at(0),
    accountId: 1,
    note: null,
    wording,
  })

  it('support given on an earlier wording no longer counts: the text is open again', () => {
    const t = tally([on('BRA', 'support', 'old'), on('ZAF', 'no_objection', 'old')], 'new')
    expect(t.readiness).toBe('open')
    expect(t.support + t.no_objection).toBe(0)
    expect(t.earlier).toBe(2)
    expect(declarationProblem('adopted', 'proposed', t)).toBe('no_positions')
  })

  it('an objection on an earlier wording still blocks until the State restates', () => {
    const before = tally([on('USA', 'objection', 'old'), on('BRA', 'support', 'new')], 'new')
    expect(before.readiness).toBe('objected')
    expect(before.objecting).toEqual(['USA'])
    expect(before.earlierObjecting).toEqual(['USA'])
    expect(declarationProblem('agreed_ad_ref', 'bracketed', before)).toBe('standing_objection')
    const restated = tally([on('USA', 'reservation', 'new'), on('BRA', 'support', 'new')], 'new')
    expect(restated.readiness).toBe('ready')
    expect(restated.reserving).toEqual(['USA'])
  })

  it('counts only positions on the present wording, and each State once', () => {
    const event = fc.record({
      memberStateIso3: fc.constantFrom('BRA', 'ZAF', 'FRA', 'CHN', 'USA'),
      position: fc.constantFrom('support', 'no_objection', 'objection', 'reservation' as const),
      wording: fc.constantFrom('a', 'b'),
    })
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        const positions = statePositions(events.map((e, i) => ({ ...e, at: at(i), accountId: 1 })))
        const t = tally(positions, 'b')
        const current = positions.filter((p) => p.wording === 'b')
        expect(t.support + t.no_objection + t.objection + t.reservation).toBe(current.length)
        expect(t.earlier).toBe(positions.length - current.length)
        expect(t.objecting.length > 0).toBe(positions.some((p) => p.position === 'objection'))
        if (t.readiness === 'ready') expect(current.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('a position on a wording', () => {
  it('is on the present wording when given on it, when it predates wordings, or when no wording is asked', () => {
    expect(onWording({ wording: 'abc' }, 'abc')).toBe(true)
    expect(onWording({ wording: null }, 'abc')).toBe(true)
    expect(onWording({ wording: 'old' }, undefined)).toBe(true)
  })

  it('is not on it when given on another wording', () => {
    expect(onWording({ wording: 'old' }, 'abc')).toBe(false)
  })
})
