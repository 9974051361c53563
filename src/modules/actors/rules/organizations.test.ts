// Organizations' addresses come from the acronym or a name, readable in Latin letters; search
// folds the acronym and every language's name.
import { describe, expect, it } from 'vitest'
import { organizationSearchText, slugFor } from './organizations.ts'

describe('slugFor', () => {
  it('prefers the acronym, then the English name, then any name', () => {
    expect(slugFor({ acronym: 'ICANN', name: { en: 'Internet Corporation' } })).toBe('icann')
    expect(slugFor({ acronym: null, name: { en: 'Article 19', fr: 'Article 19' } })).toBe('article-19')
    expect(slugFor({ name: { fr: 'Société numérique' } })).toBe('societe-numerique')
  })

  it('falls back to "organization" when nothing is left in Latin letters or digits', () => {
    expect(slugFor({ name: { ar: 'الاتحاد' } })).toBe('organization')
    expect(slugFor({ acronym: '', name: {} })).toBe('organization')
  })

  it('keeps an address short, without a dash at either end', () => {
    const slug = slugFor({ name: { en: `--${'Very long name '.repeat(10)}--` } })
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})

describe('organizationSearchText', () => {
  it('holds the acronym and the names in every language', () => {
    const text = organizationSearchText({ acronym: 'UIT', name: { en: 'Union', ar: 'الاتحاد' } })
    expect(text).toContain('uit')
    expect(text).toContain('union')
    expect(text).toContain('الاتحاد')
  })
})
