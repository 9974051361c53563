import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProcessState } from '../tables.ts'
import {
  AFTER_CONCLUSION,
  acceptsWrite,
  acceptsWrites,
  nextState,
  offeredTransitions,
  type ProcessWrite,
  type StateCommand,
  writeRefusal,
} from './lifecycle.ts'

const WRITES: ProcessWrite[] = [
  'call',
  'call_extension',
  'meeting',
  'meeting_record',
  'attendance',
  'document',
  'corrigendum',
  'transmission',
  'contribution',
  'contribution_revision',
  'contribution_withdrawal',
  'contribution_publication',
  'contribution_hiding',
  'negotiation',
]

describe('a process’s lifecycle', () => {
  it('starts a planned process and concludes an active one', () => {
    expect(nextState('planned', { to: 'active' })).toEqual({ ok: true, value: { state: 'active', reopened: false } })
    expect(nextState('active', { to: 'concluded' })).toEqual({
      ok: true,
      value: { state: 'concluded', reopened: false },
    })
  })

  it('refuses to go back to planned, to conclude a process that never started, or to start it twice', () => {
    for (const [from, command] of [
      ['active', { to: 'planned' }],
      ['concluded', { to: 'planned' }],
      ['planned', { to: 'concluded' }],
      ['active', { to: 'active' }],
      ['concluded', { to: 'concluded' }],
    ] as [ProcessState, StateCommand][]) {
      const next = nextState(from, command)
      expect(next.ok, `${from} -> ${command.to}`).toBe(false)
      if (!next.ok) expect(next.error).toMatchObject({ type: 'conflict', id: 'process_transition_refused' })
    }
  })

  it('reopens a concluded process only with a reason', () => {
    expect(nextState('concluded', { to: 'active' })).toMatchObject({
      ok: false,
      error: { type: 'invalid', issues: [{ path: 'reason', code: 'processes.reopen.reasonRequired' }] },
    })
    expect(nextState('concluded', { to: 'active', reason: '   ' }).ok).toBe(false)
    expect(nextState('concluded', { to: 'active', reason: 'x'.repeat(2001) }).ok).toBe(false)
    expect(nextState('concluded', { to: 'active', reason: 'Resumed session decided by the CSTD' })).toEqual({
      ok: true,
      value: { state: 'active', reopened: true },
    })
  })

  it('moves only along planned -> active -> concluded, and back to active with a reason, whatever is asked', () => {
    const command = fc.oneof(
      fc.constant<StateCommand>({ to: 'planned' }),
      fc.constant<StateCommand>({ to: 'concluded' }),
      fc.record({ to: fc.constant('active' as const), reason: fc.option(fc.string(), { nil: undefined }) }),
    )
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let state: ProcessState = 'planned'
        let started = false
        for (const c of commands) {
          const next = nextState(state, c)
          // the reference: the only steps there are
          const expected =
            (state === 'planned' && c.to === 'active') ||
            (state === 'active' && c.to === 'concluded') ||
            (state === 'concluded' &&
              c.to === 'active' &&
              (c.reason ?? '').trim() !== '' &&
              (c.reason ?? '').trim().length <= 2000)
          expect(next.ok).toBe(expected)
          if (next.ok) {
            expect(next.value.reopened).toBe(state === 'concluded')
            state = next.value.state
          }
          // once started, never planned again
          started ||= state !== 'planned'
          if (started) expect(state).not.toBe('planned')
        }
      }),
    )
  })
})

describe('what a concluded process still takes', () => {
  it('takes every write while planned or active', () => {
    for (const state of ['planned', 'active'] as const)
      for (const write of WRITES) expect(writeRefusal({ state }, write).ok, `${state} ${write}`).toBe(true)
  })

  it('refuses every write once concluded, with process_concluded, but the report’s transmission, the Secretariat’s corrigenda and hiding abuse', () => {
    for (const write of WRITES) {
      const refusal = writeRefusal({ state: 'concluded' }, write, true)
      expect(refusal.ok, write).toBe(AFTER_CONCLUSION.includes(write))
      if (!refusal.ok) expect(refusal.error).toEqual({ type: 'conflict', id: 'process_concluded' })
    }
    expect(AFTER_CONCLUSION).toEqual(['transmission', 'corrigendum', 'contribution_hiding'])
  })

  it('leaves corrigenda of a concluded process to the Secretariat: the Chair’s part ends with the process', () => {
    expect(writeRefusal({ state: 'concluded' }, 'corrigendum', false).ok).toBe(false)
    expect(writeRefusal({ state: 'concluded' }, 'corrigendum', true).ok).toBe(true)
    expect(writeRefusal({ state: 'active' }, 'corrigendum', false).ok).toBe(true)
  })
})

describe('what a process offers and takes', () => {
  const STATES: ProcessState[] = ['planned', 'active', 'concluded']
  /** the state each offered command leads to */
  const TARGET = { start: 'active', conclude: 'concluded', reopen: 'active' } as const

  it('offers start when planned, conclude when active, reopen when concluded', () => {
    expect(STATES.map((state) => offeredTransitions(state))).toEqual([['start'], ['conclude'], ['reopen']])
  })

  it('offers a way to exactly the states the lifecycle lets each state move to', () => {
    for (const from of STATES)
      for (const to of STATES) {
        const offered = offeredTransitions(from).some((name) => TARGET[name] === to)
        const command = (to === 'active' ? { to, reason: 'A resumed session' } : { to }) as StateCommand
        expect(nextState(from, command).ok, `${from} -> ${to}`).toBe(offered)
      }
  })

  it('takes every write while planned or active, and after conclusion only what AFTER_CONCLUSION names', () => {
    expect(acceptsWrites({ state: 'planned' })).toBe(true)
    expect(acceptsWrites({ state: 'active' })).toBe(true)
    expect(acceptsWrites({ state: 'concluded' })).toBe(false)
    expect(WRITES.filter((w) => acceptsWrite({ state: 'concluded' }, w, true)).sort()).toEqual(
      [...AFTER_CONCLUSION].sort(),
    )
    expect(acceptsWrite({ state: 'concluded' }, 'corrigendum')).toBe(false)
    expect(WRITES.every((w) => acceptsWrite({ state: 'active' }, w))).toBe(true)
  })
})
