import { describe, expect, it } from 'vitest'
import { localeFromTag, negotiateLocale } from './locales.ts'

describe('choosing the language', () => {
  it('maps regional tags to the six UN languages', () => {
    expect(localeFromTag('zh-CN')).toBe('zh')
    expect(localeFromTag('zh-Hant-TW')).toBe('zh')
    expect(localeFromTag('ar-EG')).toBe('ar')
    expect(localeFromTag('pt-BR')).toBeNull()
  })

  it('follows Accept-Language quality, then order', () => {
    expect(negotiateLocale('pt-BR,es;q=0.8,en;q=0.9')).toBe('en')
    expect(negotiateLocale('de, fr;q=0.5, ru;q=0.5')).toBe('fr')
    expect(negotiateLocale('ar;q=0, fr')).toBe('fr')
    expect(negotiateLocale('')).toBeNull()
    expect(negotiateLocale('*')).toBeNull()
  })
})
