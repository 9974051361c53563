// The six official UN languages, in the UN's order, and how to pick one for a request.

export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

export interface LocaleInfo {
  /** the language's name in itself, for the switcher */
  name: string
  dir: 'ltr' | 'rtl'
  /** the tag for Intl and <html lang> */
  tag: string
  /** ISO 639-2 code, as Akoma Ntoso's FRBRlanguage wants it */
  iso639_2: string
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  ar: { name: 'العربية', dir: 'rtl', tag: 'ar', iso639_2: 'ara' },
  zh: { name: '中文', dir: 'ltr', tag: 'zh-Hans', iso639_2: 'zho' },
  en: { name: 'English', dir: 'ltr', tag: 'en', iso639_2: 'eng' },
  fr: { name: 'Français', dir: 'ltr', tag: 'fr', iso639_2: 'fra' },
  ru: { name: 'Русский', dir: 'ltr', tag: 'ru', iso639_2: 'rus' },
  es: { name: 'Español', dir: 'ltr', tag: 'es', iso639_2: 'spa' },
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Maps a BCP 47 tag ("zh-CN", "fr-CH", "ar-EG") to one of the six languages, if any. */
export function localeFromTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return isLocale(primary) ? primary : null
}

/** Picks the best of the six from an Accept-Language header, by quality then order. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale | null {
  if (!acceptLanguage) return null
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { locale: localeFromTag(tag), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((r): r is { locale: Locale; quality: number; index: number } => r.locale !== null && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  return ranked[0]?.locale ?? null
}

/** The lang and dir attributes for text written in one of the six languages (none for another). */
export function textLanguage(code: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return isLocale(code) ? { lang: LOCALE_INFO[code].tag, dir: LOCALE_INFO[code].dir } : {}
}
