import { describe, expect, it } from 'vitest'
import { isRightToLeft, startsRightToLeft } from './direction.ts'

describe('paragraph direction', () => {
  it('follows the recorded language, whatever the letters', () => {
    expect(isRightToLeft('Recommends that ...', 'ar')).toBe(true)
    expect(isRightToLeft('يوصي بأن', 'en')).toBe(false)
  })

  it('with no recorded language, follows the first letter, as dir="auto" does', () => {
    expect(startsRightToLeft('1. يوصي بأن')).toBe(true)
    expect(startsRightToLeft('« Internet Society » جمعية')).toBe(false)
    expect(startsRightToLeft('שלום')).toBe(true)
    expect(startsRightToLeft('2026 — 12')).toBe(false)
    expect(isRightToLeft('جمعية الإنترنت', null)).toBe(true)
    expect(isRightToLeft('Brazil')).toBe(false)
  })
})
