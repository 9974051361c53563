// Preparing text for PostgreSQL's full-text search in the six languages. Chinese has no spaces
// between words: every Han character is spaced apart and searched with `simple`, so a query
// matches the characters it contains (unigram indexing). Arabic's stemmer does not take off the
// proclitic conjunctions and prepositions before the article (و ب ف ك ل + ال): a light
// normalization does, on both the text and the query, so "والتعاون" finds "التعاون".
import type { Locale } from '../../../core/i18n/locales.ts'

const HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g
const ARABIC_PROCLITIC = /(^|[\s«"'(])[وفبكل](ال[\u0621-\u064a]{2,})/g

/** The search configuration PostgreSQL uses for a language. */
export function searchConfig(language: Locale): string {
  return { ar: 'arabic', en: 'english', fr: 'french', ru: 'russian', es: 'spanish', zh: 'simple' }[language]
}

/** Text as it is indexed (and queries as they are parsed) for a language. */
export function prepareText(text: string, language: Locale): string {
  if (language === 'zh') return text.replace(HAN, ' $1 ').replace(/\s+/g, ' ').trim()
  if (language === 'ar') return text.replace(ARABIC_PROCLITIC, '$1$2')
  return text
}

/** The longest query searched; anything beyond is ignored rather than refused. */
export const MAX_QUERY = 500

/** A reader's query, bounded and without control characters; never an error. */
export function cleanQuery(q: string | undefined): string {
  const text = [...(q ?? '')]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0
      return code < 0x20 || code === 0x7f ? ' ' : ch
    })
    .join('')
  return text.slice(0, MAX_QUERY).trim()
}
