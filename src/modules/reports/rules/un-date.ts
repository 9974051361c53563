// The date as a UN document prints it: "6 December 2026" in English (day, month in words, year,
// no comma), and each other official language's long date as Intl writes it ("6 décembre 2026",
// "6 de diciembre de 2026", "6 декабря 2026 г.", "2026年12月6日", "6 ديسمبر 2026"). A calendar date
// ("YYYY-MM-DD") is that day wherever the reader is; an instant is read in UTC.
import type { Locale } from '../../../core/i18n/locales.ts'

const formats = new Map<Locale, Intl.DateTimeFormat>()

function formatOf(locale: Locale): Intl.DateTimeFormat {
  let format = formats.get(locale)
  if (!format) {
    format =
      locale === 'en'
        ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    formats.set(locale, format)
  }
  return format
}

/** A date in the UN style of `locale`. */
export function unDate(locale: Locale, value: string | Date): string {
  const instant = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value
  return Number.isNaN(instant.getTime()) ? String(value) : formatOf(locale).format(instant)
}
