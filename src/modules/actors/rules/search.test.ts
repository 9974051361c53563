import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldForSearch, matchesQuery } from './search.ts'

describe('search folding', () => {
  it("finds Côte d'Ivoire however it is typed", () => {
    const haystack = foldForSearch("Côte d’Ivoire | Côte d'Ivoire")
    for (const q of ["cote d'ivoire", 'COTE D IVOIRE', 'côte', 'ivoire'])
      expect(matchesQuery(haystack, q), q).toBe(true)
  })

  it('folds Arabic letter variants and diacritics', () => {
    expect(foldForSearch('إِسْبانيا')).toBe(foldForSearch('اسبانيا'))
    expect(matchesQuery(foldForSearch('المملكة العربية السعودية'), 'السعوديه')).toBe(true)
  })

  it('matches Russian with or without ё, and Chinese by substring', () => {
    expect(matchesQuery(foldForSearch('Берег Слоновой Кости'), 'берег')).toBe(true)
    expect(foldForSearch('ёлка')).toBe(foldForSearch('елка'))
    expect(matchesQuery(foldForSearch('科特迪瓦'), '迪瓦')).toBe(true)
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s))
      }),
      { numRuns: 2000 },
    )
    expect(foldForSearch(foldForSearch('İstanbul'))).toBe(foldForSearch('İstanbul'))
  })

  it('always finds a text by any of its own words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 5 }), (words) => {
        const text = words.join(' ')
        for (const word of words) expect(matchesQuery(foldForSearch(text), word)).toBe(true)
      }),
    )
  })
})
