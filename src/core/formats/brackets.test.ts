import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bracketsBalance, hasBrackets, segments } from './brackets.ts'

describe('brackets in negotiating text', () => {
  it('marks the spans not yet agreed and keeps the text as typed', () => {
    const text = 'Recommends that [all] relevant organizations [report [annually]] to the Commission'
    const parts = segments(text)
    expect(parts.filter((s) => s.bracketed).map((s) => s.text)).toEqual(['[all]', '[report [annually]]'])
    expect(parts.map((s) => s.text).join('')).toBe(text)
    expect(hasBrackets(text)).toBe(true)
    expect(hasBrackets('Agreed text.')).toBe(false)
  })

  it('says when brackets do not balance', () => {
    expect(bracketsBalance('[a] b [c]')).toBe(true)
    expect(bracketsBalance('[a b')).toBe(false)
    expect(bracketsBalance('a] b [')).toBe(false)
  })

  it('never loses a character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(
          segments(text)
            .map((s) => s.text)
            .join(''),
        ).toBe(text)
      }),
    )
  })
})
