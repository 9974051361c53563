// The accounts module: sign-up (confirmed by mail), sign-in and sign-out, and each person's
// account page (profile, password, API tokens), with `ecp token create` for operators.
// Accounts, sessions, tokens and grants themselves live in core/auth.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { tokenCommand } from './cli.ts'
import { roleCommand } from './cli-role.ts'
import { loadAccountsDemo } from './demo.ts'
import { purgeOldThrottles } from './queries-throttle.ts'
import { registerAccountRoutes } from './routes.tsx'

export const accountsModule: ModuleManifest = {
  id: 'accounts',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerAccountRoutes,
  demo: loadAccountsDemo,
  commands: [tokenCommand, roleCommand],
  jobs: { 'accounts.purge_throttles': async (_, { db, deps }) => purgeOldThrottles(db, deps.now()) },
  recurringJobs: { 'accounts.purge_throttles': 6 * 60 * 60 },
  transientTables: ['accounts_throttle'],
  // who tried to sign in from where: personal, should it ever stop being transient
  privateTables: ['accounts_throttle'],
}
