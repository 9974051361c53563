// Message catalogs (ICU MessageFormat, one flat JSON file per language per module) and the
// translator a request renders with. Plurals use Node's own Intl.PluralRules (full ICU).
import { IntlMessageFormat } from 'intl-messageformat'
import { DEFAULT_LOCALE, LOCALE_INFO, LOCALES, type Locale } from './locales.ts'

export type Catalog = Readonly<Record<string, string>>
export type Catalogs = Readonly<Record<Locale, Catalog>>
export type MessageValues = Record<string, string | number | Date>

export interface Translator {
  locale: Locale
  dir: 'ltr' | 'rtl'
  tag: string
  timeZone: string
  /** Formats a message; a missing key renders as the key itself, so it is seen and fixed. */
  t(key: string, values?: MessageValues): string
  has(key: string): boolean
  date(value: Date | string, style?: 'long' | 'medium' | 'short'): string
  dateTime(value: Date | string): string
  number(value: number): string
  list(items: string[]): string
}

const MAX_FORMATTED = 20_000
// a value holding the key's own separators could pass for another set of values
const hasSeparator = (value: string) => ['\u0001', '\u0002', '\u0003'].some((c) => value.includes(c))

/** The key of a formatted result, or null when a value is a date or long text (not worth keeping). */
function formattedKey(messageKey: string, values: MessageValues | undefined): string | null {
  if (!values) return messageKey
  let key = messageKey
  for (const name in values) {
    const value = values[name]
    if (typeof value === 'number') key += `\u0001${name}\u0002${value}`
    else if (typeof value === 'string' && value.length <= 200 && !hasSeparator(value))
      key += `\u0001${name}\u0003${value}`
    else return null
  }
  return key
}

/** All catalogs merged, with compiled messages cached per language. */
export class Messages {
  readonly catalogs: Record<Locale, Record<string, string>>
  readonly #compiled = new Map<string, IntlMessageFormat>()
  // formatted results for plain values: a 300-paragraph page formats the same few counts hundreds
  // of times, and intl-messageformat's formatting was a third of such a page's render time
  readonly #formatted = new Map<string, string>()
  readonly #translators = new Map<string, Translator>()

  constructor(parts: readonly Catalogs[]) {
    this.catalogs = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, Record<string, string>>
    for (const part of parts) {
      for (const locale of LOCALES) {
        for (const [key, message] of Object.entries(part[locale])) {
          if (key in this.catalogs[locale]) throw new Error(`message key ${key} is defined twice (${locale})`)
          this.catalogs[locale][key] = message
        }
      }
    }
  }

  format(locale: Locale, key: string, values?: MessageValues): string {
    const cacheKey = `${locale}\u0000${key}`
    const resultKey = formattedKey(cacheKey, values)
    if (resultKey !== null) {
      const known = this.#formatted.get(resultKey)
      if (known !== undefined) return known
    }
    let compiled = this.#compiled.get(cacheKey)
    if (!compiled) {
      const source = this.catalogs[locale][key] ?? this.catalogs[DEFAULT_LOCALE][key]
      if (source === undefined) return key
      compiled = new IntlMessageFormat(source, LOCALE_INFO[locale].tag)
      this.#compiled.set(cacheKey, compiled)
    }
    const result = String(compiled.format(values))
    if (resultKey !== null) {
      // bounded: when full, start again (the hot results come back at once)
      if (this.#formatted.size >= MAX_FORMATTED) this.#formatted.clear()
      this.#formatted.set(resultKey, result)
    }
    return result
  }

  translator(locale: Locale, timeZone = 'UTC'): Translator {
    const cacheKey = `${locale}\u0000${timeZone}`
    let translator = this.#translators.get(cacheKey)
    if (!translator) {
      translator = this.#makeTranslator(locale, timeZone)
      this.#translators.set(cacheKey, translator)
    }
    return translator
  }

  #makeTranslator(locale: Locale, timeZone: string): Translator {
    const info = LOCALE_INFO[locale]
    const dateFormats = {
      long: new Intl.DateTimeFormat(info.tag, { dateStyle: 'long', timeZone }),
      medium: new Intl.DateTimeFormat(info.tag, { dateStyle: 'medium', timeZone }),
      short: new Intl.DateTimeFormat(info.tag, { dateStyle: 'short', timeZone }),
    }
    const dateTimeFormat = new Intl.DateTimeFormat(info.tag, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    })
    const numberFormat = new Intl.NumberFormat(info.tag)
    const listFormat = new Intl.ListFormat(info.tag, { type: 'conjunction' })
    const toDate = (value: Date | string) =>
      // a bare "YYYY-MM-DD" is a calendar date: show it as that day wherever the reader is
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
    return {
      locale,
      dir: info.dir,
      tag: info.tag,
      timeZone,
      t: (key, values) => this.format(locale, key, values),
      has: (key) => key in this.catalogs[locale],
      date: (value, style = 'long') =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Intl.DateTimeFormat(info.tag, { dateStyle: style, timeZone: 'UTC' }).format(toDate(value))
          : dateFormats[style].format(toDate(value)),
      dateTime: (value) => dateTimeFormat.format(toDate(value)),
      number: (value) => numberFormat.format(value),
      list: (items) => listFormat.format(items),
    }
  }
}

/** Time zones the reader may choose (IANA names known to this Node). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}
