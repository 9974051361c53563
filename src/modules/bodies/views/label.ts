// A body's label: its name in the reader's language (English when not given) with its acronym.
import type { Locale } from '../../../core/i18n/locales.ts'
import type { Body } from '../queries.ts'

export function bodyLabel(body: Pick<Body, 'name' | 'acronym'> & { names?: Body['names'] }, locale?: Locale): string {
  const name = (locale && body.names?.[locale]) || body.name
  return body.acronym ? `${name} (${body.acronym})` : name
}
