// How contributors' groups read: governments, the stakeholder groups, individuals; and regions.
import type { Translator } from '../../core/i18n/messages.ts'

export function groupLabel(t: Translator['t'], group: string): string {
  if (group === 'government') return t('contributions.group.government')
  if (group === 'individual') return t('contributions.group.individual')
  return t(`actors.stakeholder.${group}`)
}

export function regionLabel(t: Translator['t'], group: string): string {
  return t(`actors.group.${group}`)
}

export const CONTRIBUTOR_GROUPS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
  'international_organization',
  'individual',
] as const
