// When a call takes submissions: from its opening until it closes, or until the Chair's extension;
// an extension only ever lengthens a call and ends in the future.
import { describe, expect, it } from 'vitest'
import { callClosesAt, callState, extensionProblem } from './calls.ts'

const at = (iso: string) => new Date(iso)
const call = { opensAt: at('2026-03-01T09:00:00Z'), closesAt: at('2026-03-31T23:59:00Z'), extendedUntil: null }

describe('callState', () => {
  it('is upcoming before it opens, open from the opening instant, closed from the closing instant', () => {
    expect(callState(call, at('2026-03-01T08:59:59Z'))).toBe('upcoming')
    expect(callState(call, at('2026-03-01T09:00:00Z'))).toBe('open')
    expect(callState(call, at('2026-03-31T23:58:59Z'))).toBe('open')
    expect(callState(call, at('2026-03-31T23:59:00Z'))).toBe('closed')
  })

  it('stays open until the extension when the Chair extended it', () => {
    const extended = { ...call, extendedUntil: at('2026-04-15T12:00:00Z') }
    expect(callClosesAt(extended)).toEqual(at('2026-04-15T12:00:00Z'))
    expect(callState(extended, at('2026-04-10T00:00:00Z'))).toBe('open')
    expect(callState(extended, at('2026-04-15T12:00:00Z'))).toBe('closed')
  })
})

describe('extensionProblem', () => {
  it('allows an extension that ends later than the call and in the future, even to reopen a closed call', () => {
    expect(extensionProblem(call, at('2026-04-15T00:00:00Z'), at('2026-03-20T00:00:00Z'))).toBeNull()
    expect(extensionProblem(call, at('2026-04-15T00:00:00Z'), at('2026-04-02T00:00:00Z'))).toBeNull()
  })

  it('refuses an extension in the past, or one that would not end after the call or the earlier extension', () => {
    expect(extensionProblem(call, at('2026-04-01T00:00:00Z'), at('2026-04-02T00:00:00Z'))).toBe(
      'processes.extension.inPast',
    )
    expect(extensionProblem(call, call.closesAt, at('2026-03-20T00:00:00Z'))).toBe('processes.extension.notLater')
    const extended = { ...call, extendedUntil: at('2026-04-15T00:00:00Z') }
    expect(extensionProblem(extended, at('2026-04-10T00:00:00Z'), at('2026-03-20T00:00:00Z'))).toBe(
      'processes.extension.notLater',
    )
  })
})
