// A text in the six languages is shown in the reader's language, else English, else any.
import { describe, expect, it } from 'vitest'
import { localized } from './vocabulary.ts'

describe('localized', () => {
  it('picks the reader’s language, then English, then the first language the text has', () => {
    expect(localized({ en: 'Union', fr: 'Union (fr)' }, 'fr')).toBe('Union (fr)')
    expect(localized({ en: 'Union', fr: 'Union (fr)' }, 'ar')).toBe('Union')
    expect(localized({ ru: 'Союз' }, 'zh')).toBe('Союз')
  })

  it('treats an empty translation as missing, and gives "" for no text', () => {
    expect(localized({ fr: '', en: 'Union' }, 'fr')).toBe('Union')
    expect(localized(null, 'en')).toBe('')
    expect(localized({}, 'en')).toBe('')
  })
})
