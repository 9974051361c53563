// What an import knows of States, organizations and the call to resolve its records, read once.
import type { Db } from '../../core/db/database.ts'
import {
  electoralGroup,
  hasClassification,
  listMemberStates,
  listOrganizations,
  localized,
  STAKEHOLDER_GROUPS,
} from '../actors/index.ts'
import { findCall } from '../processes/index.ts'
import type { Resolver } from './rules/records.ts'

/** What the import knows of States, organizations and the call, read once. */
export async function resolverFor(db: Db, callId: number, today: string): Promise<Resolver | null> {
  const call = await findCall(db, callId)
  if (!call) return null
  const states = await listMemberStates(db)
  const orgs = await listOrganizations(db, { limit: 100_000, offset: 0 })
  const organizations = new Map<string, { id: number; stakeholderGroup: string }>()
  for (const o of orgs.rows) {
    const value = { id: o.id, stakeholderGroup: o.stakeholderGroup }
    for (const name of [...Object.values(o.name), o.acronym, localized(o.name, 'en')])
      if (name) organizations.set(name.toLowerCase(), value)
  }
  return {
    memberStates: new Map(
      states.map((s) => [
        s.iso3,
        {
          name: s.shortName.en,
          regionalGroup: electoralGroup(s),
          ldc: hasClassification(s, 'ldc', today),
          lldc: hasClassification(s, 'lldc', today),
          sids: hasClassification(s, 'sids', today),
        },
      ]),
    ),
    organizations,
    stakeholderGroups: STAKEHOLDER_GROUPS,
    questionIds: call.questionIds,
    languages: call.languages,
  }
}
