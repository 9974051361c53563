// The capacity module: capacity gaps (a country or a regional group x an issue) and the offers
// that could meet them, followed over time, by regional group and development status.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerCapacityApi } from './api.ts'
import { loadCapacityDemo } from './demo.ts'
import { capacityActions } from './permissions.ts'
import { listGaps, listOffers } from './queries.ts'
import { registerCapacityRoutes } from './routes.tsx'

export const capacityModule: ModuleManifest = {
  id: 'capacity',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: capacityActions,
  routes: registerCapacityRoutes,
  api: registerCapacityApi,
  navigation: [{ href: '/capacity', label: 'capacity.nav', order: 65 }],
  openData: async (db) => {
    const [gaps, offers] = await Promise.all([listGaps(db), listOffers(db)])
    return [
      {
        name: 'capacity_gaps',
        description: 'Capacity gaps: a country or a regional group x an issue, with their status',
        fields: [
          { name: 'id', type: 'integer', description: 'Identifier' },
          { name: 'member_state', type: 'string', description: 'ISO alpha-3, when a country' },
          { name: 'regional_group', type: 'string', description: 'UN regional group, when a whole group' },
          { name: 'issue', type: 'string', description: 'Issue slug' },
          { name: 'description', type: 'string', description: 'The gap' },
          { name: 'identified_on', type: 'date', description: 'When it was identified' },
          { name: 'status', type: 'string', description: 'open, being_addressed or closed' },
        ],
        rows: gaps.map((g) => ({
          id: g.id,
          member_state: g.memberStateIso3 ?? '',
          regional_group: g.regionalGroup ?? '',
          issue: g.issueSlug,
          description: g.description,
          identified_on: g.identifiedOn,
          status: g.status,
        })),
      },
      {
        name: 'capacity_offers',
        description: 'Capacity-building offers',
        fields: [
          { name: 'id', type: 'integer', description: 'Identifier' },
          { name: 'organization_id', type: 'integer', description: 'The provider' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'issues', type: 'string', description: 'Issue slugs, separated by spaces' },
          { name: 'regions', type: 'string', description: 'Regional groups served (empty: all)' },
          { name: 'modality', type: 'string', description: 'online, in_person or hybrid' },
          { name: 'languages', type: 'string', description: 'Language codes' },
        ],
        rows: offers.map((o) => ({
          id: o.id,
          organization_id: o.organizationId,
          title: o.title,
          issues: o.issueSlugs.join(' '),
          regions: o.regions.join(' '),
          modality: o.modality,
          languages: o.languages.join(' '),
        })),
      },
    ]
  },
  demo: loadCapacityDemo,
}
