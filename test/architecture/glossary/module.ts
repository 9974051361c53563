// The glossary module, the worked example of docs/ARCHITECTURE.md "How to add a module": terms of
// the negotiation and what they mean, proposed by anyone signed in.
import { join } from 'node:path'
import { loadCatalogs } from '../../../src/core/i18n/catalog.ts'
import type { ModuleManifest } from '../../../src/core/module.ts'
import { glossaryActions } from './permissions.ts'
import { registerGlossaryRoutes } from './routes.tsx'

export const glossaryModule: ModuleManifest = {
  id: 'glossary',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: glossaryActions,
  routes: registerGlossaryRoutes,
  navigation: [{ href: '/glossary', label: 'glossary.nav', order: 65 }],
}
