// How actors appear in the JSON API (and the open data exports): one shape per resource.
import type { Locale } from '../../core/i18n/locales.ts'
import type { Organization } from './queries/organizations.ts'
import { electoralGroup, hasClassification, type MemberState } from './rules/member-states.ts'
import { localized, type RegionalGroup } from './rules/vocabulary.ts'

export function memberStateJson(state: MemberState, locale: Locale, today: string) {
  return {
    iso3: state.iso3,
    iso2: state.iso2,
    m49: state.m49,
    membership: state.membership,
    name: state.shortName[locale],
    shortName: state.shortName,
    formalName: state.formalName,
    regionalGroup: electoralGroup(state),
    regionalGroups: state.regionalGroups.map((g) => ({ ...g, group: g.group as RegionalGroup })),
    ldc: hasClassification(state, 'ldc', today),
    lldc: hasClassification(state, 'lldc', today),
    sids: hasClassification(state, 'sids', today),
    classifications: state.classifications,
    url: `/member-states/${state.iso3}`,
  }
}

export function organizationJson(o: Organization, locale: Locale) {
  return {
    id: o.id,
    slug: o.slug,
    name: localized(o.name, locale),
    names: o.name,
    acronym: o.acronym,
    stakeholderGroup: o.stakeholderGroup,
    headquarters: o.headquartersIso3,
    website: o.website,
    description: o.description,
    url: `/organizations/${o.slug}`,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }
}
