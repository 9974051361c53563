// The actors module: Member States (UN reference data), organizations by stakeholder group,
// people and their affiliations.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerActorsApi } from './api.ts'
import { loadActorsDemo } from './demo.ts'
import { actorsOpenData } from './open-data.ts'
import { actorsActions } from './permissions.ts'
import { listMemberStates, syncMemberStates } from './queries/member-states.ts'
import { countOrganizationsByGroup } from './queries/organizations.ts'
import type { ReferenceFile } from './reference/build-member-states.ts'
import { registerActorsRoutes } from './routes.tsx'

export const REFERENCE_FILE = join(import.meta.dirname, 'reference', 'member-states.json')

export const actorsModule: ModuleManifest = {
  id: 'actors',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: actorsActions,
  routes: registerActorsRoutes,
  api: registerActorsApi,
  navigation: [
    { href: '/member-states', label: 'actors.memberStates.title', order: 10 },
    { href: '/organizations', label: 'actors.organizations.title', order: 20 },
  ],
  statistics: async (db) => {
    const [states, byGroup] = await Promise.all([listMemberStates(db), countOrganizationsByGroup(db)])
    const organizations = Object.values(byGroup).reduce((a, b) => a + b, 0)
    return [
      {
        label: 'actors.stats.memberStates',
        value: states.filter((s) => s.membership === 'member').length,
        href: '/member-states',
        order: 10,
      },
      { label: 'actors.stats.organizations', value: organizations, href: '/organizations', order: 20 },
    ]
  },
  openData: actorsOpenData,
  referenceData: async (db, log) => {
    const file = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as ReferenceFile
    const changed = await syncMemberStates(db, file.memberStates)
    if (changed > 0) log.info(`reference data: ${changed} Member State record(s) added or updated`)
  },
  demo: loadActorsDemo,
  // a person's name is published only when their profile is public
  privateColumns: {
    actors_person: {
      name: `case when profile_public then name else 'Person ' || id end`,
      honorific: 'case when profile_public then honorific end',
    },
  },
}
