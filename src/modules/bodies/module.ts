// The bodies module: bodies (working groups, commissions, councils) and the chain they report
// through, their composition rules (seats per constituency), members and observers with their
// representatives, and officers elected or designated. Its tables were created by the processes
// module's first migration and renamed to this module's prefix by its own (see tables.ts).
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerBodiesApi } from './api.ts'
import { loadBodiesDemo } from './demo.ts'
import { bodiesActions } from './permissions.ts'
import { listBodies } from './queries.ts'
import { registerBodyRoutes } from './routes.tsx'

export const bodiesModule: ModuleManifest = {
  id: 'bodies',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: bodiesActions,
  routes: registerBodyRoutes,
  api: registerBodiesApi,
  navigation: [{ href: '/bodies', label: 'bodies.navigation', order: 20 }],
  administration: [{ href: '/bodies/new', label: 'bodies.new', order: 19 }],
  statistics: async (db) => [
    { label: 'bodies.stats', value: (await listBodies(db)).length, href: '/bodies', order: 20 },
  ],
  demo: loadBodiesDemo,
}
