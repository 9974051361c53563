// The coordination module: the taxonomy of international Internet-related public policy issues,
// the mechanisms that address them, the map and its gap and overlap analyses.

import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerCoordinationApi } from './api.ts'
import { loadCoordinationDemo } from './demo.ts'
import { coordinationActions } from './permissions.ts'
import { listIssues, listMechanisms } from './queries.ts'
import { syncTaxonomy } from './reference.ts'
import { registerCoordinationRoutes } from './routes.tsx'

export const coordinationModule: ModuleManifest = {
  id: 'coordination',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: coordinationActions,
  referenceData: syncTaxonomy,
  routes: registerCoordinationRoutes,
  api: registerCoordinationApi,
  navigation: [{ href: '/map', label: 'coordination.nav', order: 50 }],
  administration: [
    { href: '/administration/issues', label: 'coordination.triage.title', order: 40 },
    { href: '/mechanisms/new', label: 'coordination.mechanisms.new', order: 41 },
  ],
  statistics: async (db) => [
    { label: 'coordination.stats.issues', value: (await listIssues(db)).length, href: '/issues', order: 40 },
    {
      label: 'coordination.stats.mechanisms',
      value: (await listMechanisms(db)).length,
      href: '/mechanisms',
      order: 41,
    },
  ],
  openData: async (db) => {
    const [issues, mechanisms] = await Promise.all([listIssues(db), listMechanisms(db)])
    return [
      {
        name: 'issues',
        description: 'The taxonomy of international Internet-related public policy issues',
        fields: [
          { name: 'slug', type: 'string', description: 'Identifier' },
          { name: 'basket', type: 'string', description: 'Basket' },
          // the name in each of the six languages, in the CSV and the JSON alike
          ...LOCALES.map((l) => ({
            name: `name_${l}`,
            type: 'string' as const,
            description: `Name in ${new Intl.DisplayNames('en', { type: 'language' }).of(l)}`,
          })),
          {
            name: 'scope',
            type: 'string',
            description: 'public_policy, technical_operational or mixed (Tunis Agenda para 69)',
          },
          { name: 'scope_rationale', type: 'string', description: 'Why that scope' },
          { name: 'emerging', type: 'boolean', description: 'An emerging issue' },
          { name: 'first_raised_on', type: 'date', description: 'When it was first raised' },
        ],
        rows: issues.map((i) => ({
          slug: i.slug,
          basket: i.basket,
          ...Object.fromEntries(LOCALES.map((l) => [`name_${l}`, i.name[l] ?? null])),
          scope: i.scope,
          scope_rationale: i.scopeRationale,
          emerging: i.emerging,
          first_raised_on: i.firstRaisedOn ? String(i.firstRaisedOn).slice(0, 10) : null,
        })),
      },
      {
        name: 'mechanisms',
        description: 'Mechanisms of organizations and how governments and stakeholders take part in them',
        fields: [
          { name: 'id', type: 'integer', description: 'Identifier' },
          { name: 'organization_id', type: 'integer', description: 'The organization' },
          { name: 'name', type: 'string', description: 'Name' },
          {
            name: 'type',
            type: 'string',
            description: 'treaty_body, standards_body, forum, capacity_building, research or coordination_body',
          },
          { name: 'governments', type: 'string', description: 'equal_footing, weighted, observer or none' },
          { name: 'stakeholders', type: 'string', description: 'full_member, consultative, observer or none' },
          {
            name: 'support',
            type: 'string',
            description: 'Support for developing countries: fellowships, remote_participation, interpretation',
          },
          { name: 'issues', type: 'string', description: 'Slugs of the issues addressed, separated by spaces' },
        ],
        rows: mechanisms.map((m) => ({
          id: m.id,
          organization_id: m.organizationId,
          name: m.name,
          type: m.type,
          governments: m.governments,
          stakeholders: m.stakeholders,
          support: m.support.join(' '),
          issues: m.issueIds
            .map((id) => issues.find((i) => i.id === id)?.slug)
            .filter(Boolean)
            .join(' '),
        })),
      },
    ]
  },
  demo: loadCoordinationDemo,
}
