// The actors' vocabulary: the six languages as record keys, stakeholder groups (Tunis Agenda
// para 35; WGEC rec. 8) and the UN regional groups.
import type { Locale } from '../../../core/i18n/locales.ts'

/** A text in each of the six UN languages. */
export type Localized = Record<Locale, string>

export const STAKEHOLDER_GROUPS = [
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
  'international_organization',
] as const
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number]

export const REGIONAL_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'] as const
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number]

export const DEVELOPMENT_CLASSIFICATIONS = ['ldc', 'lldc', 'sids'] as const
export type DevelopmentClassification = (typeof DEVELOPMENT_CLASSIFICATIONS)[number]

/** Picks the reader's language, then English, then any language the text has. */
export function localized(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!text) return ''
  return text[locale] || text.en || Object.values(text).find((v) => v) || ''
}
