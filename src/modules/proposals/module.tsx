// The proposals module: proposals of recommendations put forward by States and organizations, with
// co-sponsors who consent, revised, withdrawn and merged; their pages, API, open data and activity.
// Its tables were created by the negotiation module's first migrations and are this module's since
// 20261214-0310 (see tables.ts); the negotiation reads and settles proposals through index.ts.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerProposalApi } from './api.ts'
import { proposalsOpenData } from './open-data.ts'
import { proposalActions } from './permissions.ts'
import { proposalActivity } from './queries-activity.ts'
import { registerProposalRoutes } from './routes.tsx'

export const proposalsModule: ModuleManifest = {
  id: 'proposals',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: proposalActions,
  routes: registerProposalRoutes,
  api: registerProposalApi,
  activity: proposalActivity,
  openData: proposalsOpenData,
}
