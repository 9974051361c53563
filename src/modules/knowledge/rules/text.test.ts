import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanQuery, MAX_QUERY, prepareText, searchConfig } from './text.ts'

describe('text prepared for search', () => {
  it('spaces Chinese characters apart and leaves other text alone', () => {
    expect(prepareText('加强合作 IGF', 'zh')).toBe('加 强 合 作 IGF')
    expect(prepareText('enhanced cooperation', 'en')).toBe('enhanced cooperation')
  })

  it('takes the conjunction or preposition off an Arabic word with the article', () => {
    expect(prepareText('والتعاون بالإنترنت', 'ar')).toBe('التعاون الإنترنت')
    expect(prepareText('وبالتعاون', 'ar')).toBe('وبالتعاون')
    expect(prepareText('ولد', 'ar')).toBe('ولد')
  })

  it('bounds any query and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), (q) => {
        expect(cleanQuery(q).length).toBeLessThanOrEqual(MAX_QUERY)
      }),
    )
    expect(cleanQuery(undefined)).toBe('')
  })
})

describe('the search configuration of each language', () => {
  it('stems Arabic, English, French, Russian and Spanish with PostgreSQL’s own, and takes Chinese word by word', () => {
    expect((['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const).map(searchConfig)).toEqual([
      'arabic',
      'simple',
      'english',
      'french',
      'russian',
      'spanish',
    ])
  })
})
