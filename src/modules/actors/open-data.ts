// The actors module's open data: the Member States and observer States (UN reference data) and
// the organizations. People are not published here: they are personal data.
import type { Db } from '../../core/db/database.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import type { OpenDataField, OpenDataset } from '../../core/module.ts'
import { listMemberStates } from './queries/member-states.ts'
import { organizationsForOpenData } from './queries/organizations.ts'
import { electoralGroup } from './rules/member-states.ts'

const languageName = (code: string) => new Intl.DisplayNames('en', { type: 'language' }).of(code) ?? code

/** One column per UN language: name_ar, name_zh ... */
const inEachLanguage = (prefix: string, what: string): OpenDataField[] =>
  LOCALES.map((l) => ({ name: `${prefix}_${l}`, type: 'string', description: `${what} in ${languageName(l)}` }))

const byLanguage = (prefix: string, names: Partial<Record<string, string>>) =>
  Object.fromEntries(LOCALES.map((l) => [`${prefix}_${l}`, names[l] ?? null]))

export async function actorsOpenData(db: Db): Promise<OpenDataset[]> {
  const [states, organizations] = await Promise.all([listMemberStates(db), organizationsForOpenData(db)])
  const until = (state: (typeof states)[number], kind: 'ldc' | 'lldc' | 'sids') =>
    state.classifications.find((c) => c.kind === kind)
  return [
    {
      name: 'member_states',
      description:
        'The 193 Member States and the observer States of the United Nations: codes, names in the six languages, regional group and LDC / LLDC / SIDS status (UN reference data)',
      fields: [
        { name: 'iso3', type: 'string', description: 'ISO 3166-1 alpha-3 code' },
        { name: 'iso2', type: 'string', description: 'ISO 3166-1 alpha-2 code' },
        { name: 'm49', type: 'string', description: 'UN M49 numeric code' },
        { name: 'membership', type: 'string', description: 'member or observer' },
        ...inEachLanguage('name', 'Short name'),
        ...inEachLanguage('formal_name', 'Formal name'),
        { name: 'regional_group', type: 'string', description: 'UN regional group (for elections)' },
        {
          name: 'regional_groups',
          type: 'string',
          description: 'Every UN regional group it takes part in, separated by spaces',
        },
        { name: 'ldc', type: 'boolean', description: 'Listed as a least developed country' },
        { name: 'ldc_until', type: 'date', description: 'The day it stops being an LDC (graduation), if set' },
        { name: 'lldc', type: 'boolean', description: 'Listed as a landlocked developing country' },
        { name: 'sids', type: 'boolean', description: 'Listed as a small island developing State' },
      ],
      primaryKey: ['iso3'],
      rows: states
        .sort((a, b) => a.iso3.localeCompare(b.iso3))
        .map((s) => ({
          iso3: s.iso3,
          iso2: s.iso2,
          m49: s.m49,
          membership: s.membership,
          ...byLanguage('name', s.shortName),
          ...byLanguage('formal_name', s.formalName),
          regional_group: electoralGroup(s),
          regional_groups: s.regionalGroups.map((g) => g.group).join(' '),
          ldc: until(s, 'ldc') !== undefined,
          ldc_until: until(s, 'ldc')?.validUntil ?? null,
          lldc: until(s, 'lldc') !== undefined,
          sids: until(s, 'sids') !== undefined,
        })),
    },
    {
      name: 'organizations',
      description:
        'Organizations by stakeholder group (private sector, civil society, technical and academic communities, intergovernmental and international organizations)',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'slug', type: 'string', description: 'Short name used in addresses' },
        ...inEachLanguage('name', 'Name'),
        { name: 'acronym', type: 'string', description: 'Acronym' },
        { name: 'stakeholder_group', type: 'string', description: 'Stakeholder group' },
        { name: 'headquarters', type: 'string', description: 'ISO alpha-3 code of the country of its headquarters' },
        { name: 'website', type: 'string', description: 'Its website' },
        { name: 'recorded_at', type: 'datetime', description: 'When it was recorded on the platform (UTC)' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['headquarters'], reference: { resource: 'member_states', fields: ['iso3'] } }],
      rows: organizations.map((o) => ({
        id: o.id,
        slug: o.slug,
        ...byLanguage('name', o.name),
        acronym: o.acronym,
        stakeholder_group: o.stakeholderGroup,
        headquarters: o.headquartersIso3,
        website: o.website,
        recorded_at: o.createdAt,
      })),
    },
  ]
}
