// Member States as plain data: which classifications apply on a date, and the directory's filters.
import type { Locale } from '../../../core/i18n/locales.ts'
import type { Classification, RegionalGroupMembership } from '../tables.ts'
import { foldForSearch, matchesQuery } from './search.ts'
import type { DevelopmentClassification, Localized, RegionalGroup } from './vocabulary.ts'

export interface MemberState {
  iso3: string
  iso2: string
  m49: string
  membership: 'member' | 'observer'
  shortName: Localized
  formalName: Localized
  regionalGroups: RegionalGroupMembership[]
  classifications: Classification[]
}

export interface MemberStateFilters {
  group?: RegionalGroup | undefined
  ldc?: boolean | undefined
  lldc?: boolean | undefined
  sids?: boolean | undefined
  membership?: 'member' | 'observer' | undefined
  q?: string | undefined
}

/** Whether a classification applies on `today` (YYYY-MM-DD): it ends on the day of graduation. */
export function hasClassification(state: MemberState, kind: DevelopmentClassification, today: string): boolean {
  return state.classifications.some((c) => c.kind === kind && (c.validUntil === null || c.validUntil > today))
}

/** The group a State counts in for elections (WEOG for Türkiye and the United States). */
export function electoralGroup(state: MemberState): RegionalGroup | null {
  return (state.regionalGroups.find((g) => g.electoral)?.group as RegionalGroup | undefined) ?? null
}

export function inGroup(state: MemberState, group: RegionalGroup): boolean {
  return state.regionalGroups.some((g) => g.group === group)
}

const searchCache = new WeakMap<MemberState, string>()
function searchText(state: MemberState): string {
  let text = searchCache.get(state)
  if (text === undefined) {
    text = foldForSearch(
      [...Object.values(state.shortName), ...Object.values(state.formalName), state.iso2, state.iso3].join(' | '),
    )
    searchCache.set(state, text)
  }
  return text
}

export function filterMemberStates(states: MemberState[], filters: MemberStateFilters, today: string): MemberState[] {
  return states.filter(
    (s) =>
      (!filters.group || inGroup(s, filters.group)) &&
      (filters.ldc === undefined || hasClassification(s, 'ldc', today) === filters.ldc) &&
      (filters.lldc === undefined || hasClassification(s, 'lldc', today) === filters.lldc) &&
      (filters.sids === undefined || hasClassification(s, 'sids', today) === filters.sids) &&
      (!filters.membership || s.membership === filters.membership) &&
      (!filters.q || matchesQuery(searchText(s), filters.q)),
  )
}

/** Sorts by short name in the reader's language, as a UN list in that language would. */
export function sortByName(states: MemberState[], locale: Locale): MemberState[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-u-co-pinyin' : locale)
  return [...states].sort((a, b) => collator.compare(a.shortName[locale], b.shortName[locale]))
}
