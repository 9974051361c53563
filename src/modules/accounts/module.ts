// The accounts module: sign-up, sign-in and sign-out, and each person's account page
// (profile, password, API tokens). Accounts, sessions and grants themselves live in core/auth.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { loadAccountsDemo } from './demo.ts'
import { registerAccountRoutes } from './routes.tsx'

export const accountsModule: ModuleManifest = {
  id: 'accounts',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerAccountRoutes,
  demo: loadAccountsDemo,
}
