import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PARAGRAPH_STATUSES, type StatePosition, tally } from './consensus.ts'
import { amendmentTransition, bracketedSpans, FROZEN, openStatus, paragraphTransition } from './lifecycle.ts'

const support: StatePosition = {
  memberStateIso3: 'ZAF',
  position: 'support',
  at: new Date(0),
  accountId: 1,
  note: null,
  wording: null,
}

describe('a paragraph’s lifecycle', () => {
  it('freezes adopted and agreed ad ref text against amendments, tabled or incorporated', () => {
    for (const status of FROZEN) {
      for (const kind of ['table', 'incorporate'] as const)
        expect(paragraphTransition({ status, text: 'x' }, { kind })).toMatchObject({
          ok: false,
          error: { id: 'paragraph_frozen' },
        })
    }
    expect(paragraphTransition({ status: 'bracketed', text: '[x]' }, { kind: 'table' }).ok).toBe(true)
  })

  it('refuses to agree or adopt text with brackets and names them; no consensus may be recorded', () => {
    const state = { status: 'bracketed' as const, text: 'Invites [all] States to [consider] it' }
    const declare = (declaration: 'adopted' | 'agreed_ad_ref' | 'no_consensus') =>
      paragraphTransition(state, { kind: 'declare', declaration, tally: tally([support]) })
    expect(declare('adopted')).toMatchObject({
      error: { id: 'brackets_remain', values: { brackets: '[all] [consider]' } },
    })
    expect(declare('agreed_ad_ref')).toMatchObject({ error: { id: 'brackets_remain' } })
    expect(declare('no_consensus')).toEqual({ ok: true, value: 'no_consensus' })
    expect(bracketedSpans('no brackets')).toEqual([])
  })

  it('reopens only what was settled, with a reason, back to bracketed or proposed', () => {
    expect(paragraphTransition({ status: 'adopted', text: 'a' }, { kind: 'reopen', reason: 'why' })).toEqual({
      ok: true,
      value: 'proposed',
    })
    expect(paragraphTransition({ status: 'no_consensus', text: '[a]' }, { kind: 'reopen', reason: 'why' })).toEqual({
      ok: true,
      value: 'bracketed',
    })
    expect(paragraphTransition({ status: 'adopted', text: 'a' }, { kind: 'reopen', reason: ' ' })).toMatchObject({
      error: { type: 'invalid' },
    })
    expect(paragraphTransition({ status: 'proposed', text: 'a' }, { kind: 'reopen', reason: 'why' })).toMatchObject({
      error: { id: 'paragraph_not_settled' },
    })
  })

  it('never lets a frozen paragraph change text, whatever the command', () => {
    const command = fc.constantFrom(
      { kind: 'table' as const },
      { kind: 'incorporate' as const },
      { kind: 'take_position' as const },
      { kind: 'circulate' as const },
    )
    fc.assert(
      fc.property(fc.constantFrom(...PARAGRAPH_STATUSES), command, (status, c) => {
        const next = paragraphTransition({ status, text: 'a' }, c)
        if (status === 'deleted') expect(next.ok).toBe(false)
        if (FROZEN.includes(status) && (c.kind === 'table' || c.kind === 'incorporate')) expect(next.ok).toBe(false)
        if (next.ok) expect(next.value).toBe(status)
      }),
    )
  })
})

describe('an amendment’s lifecycle', () => {
  it('is decided once', () => {
    expect(amendmentTransition('tabled', { kind: 'decide', decision: 'incorporated' })).toEqual({
      ok: true,
      value: 'incorporated',
    })
    expect(amendmentTransition('withdrawn', { kind: 'take_position' })).toMatchObject({
      error: { id: 'amendment_withdrawn' },
    })
  })
})

describe('the status a paragraph opens with', () => {
  it('is bracketed when its text has square brackets, proposed otherwise', () => {
    expect(openStatus('Decides [to act][to consider acting]')).toBe('bracketed')
    expect(openStatus('Decides to act')).toBe('proposed')
    expect(openStatus('')).toBe('proposed')
  })
})
