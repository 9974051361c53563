// An audit payload written by another module is read defensively: a wrong type reads as absent.
import { describe, expect, it } from 'vitest'
import { date, num, str } from './payload.ts'

describe('reading an audit payload', () => {
  it('reads a positive integer id from a number or a string of one, and nothing else', () => {
    expect(num(7)).toBe(7)
    expect(num('12')).toBe(12)
    for (const bad of [0, -3, 1.5, '1.5', 'x', '', null, undefined, {}, Number.MAX_SAFE_INTEGER + 2])
      expect(num(bad), String(bad)).toBeNull()
  })

  it('reads a string, and the empty string for anything else', () => {
    expect(str('Draft outcome')).toBe('Draft outcome')
    expect(str(42)).toBe('')
    expect(str(null)).toBe('')
  })

  it('reads an instant as given and a bare date as due at the end of that day (UTC)', () => {
    expect(date('2026-12-08T10:00:00.000Z')?.toISOString()).toBe('2026-12-08T10:00:00.000Z')
    expect(date('2026-12-08')?.toISOString()).toBe('2026-12-08T23:59:59.000Z')
    for (const bad of ['', 'next week', 20261208, null]) expect(date(bad), String(bad)).toBeNull()
  })
})
