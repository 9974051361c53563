// The proposals module: proposals of recommendations put forward by States and organizations, with
// co-sponsors who consent, revised, withdrawn and merged; their pages, API, open data and activity.
// Its tables were created by the negotiation module's first migrations (see tables.ts); the
// negotiation reads and settles proposals through index.ts.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ActivityItem, ModuleManifest } from '../../core/module.ts'
import { registerProposalApi } from './api.ts'
import { proposalsOpenData } from './open-data.ts'
import { proposalActions } from './permissions.ts'
import { proposalActivity } from './queries.ts'
import { registerProposalRoutes } from './routes.tsx'

export const proposalsModule: ModuleManifest = {
  id: 'proposals',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: proposalActions,
  routes: registerProposalRoutes,
  api: registerProposalApi,
  activity: async (db, query): Promise<ActivityItem[]> =>
    (await proposalActivity(db, query)).map((p) => ({
      id: `proposal:${p.id}`,
      at: p.createdAt,
      processId: p.processId,
      message: 'proposals.activity.proposal',
      values: { title: p.title },
      href: `/proposals/${p.id}`,
    })),
  openData: proposalsOpenData,
}
