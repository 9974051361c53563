// Search in contributions: full-text in the six languages over a call's contributions, with
// counts by guiding question, stakeholder group, UN region, language and campaign (a page and an
// API). The index is the contributions module's; campaigns come from the consultation module.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerSearchApi } from './api.ts'
import { registerSearchRoutes, searchSection } from './routes.tsx'

export const contributionSearchModule: ModuleManifest = {
  id: 'contribution-search',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerSearchRoutes,
  api: registerSearchApi,
  sections: { process: { order: 13, render: searchSection } },
}
