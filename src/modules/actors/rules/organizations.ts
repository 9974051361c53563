// Organization rules: slugs for addresses and the text that search folds.
import { foldForSearch } from './search.ts'
import type { Localized } from './vocabulary.ts'

/** A readable, unique-enough address from the acronym or the English name ("icann", "article-19"). */
export function slugFor(input: { acronym?: string | null | undefined; name: Partial<Localized> }): string {
  const base = input.acronym || input.name.en || Object.values(input.name).find(Boolean) || 'organization'
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return slug || 'organization'
}

export function organizationSearchText(input: {
  acronym?: string | null | undefined
  name: Partial<Localized>
}): string {
  return foldForSearch([input.acronym ?? '', ...Object.values(input.name)].join(' | '))
}
