// The administration module: the Secretariat's dashboard and the staff roles.
import { join } from 'node:path'
import { isStaff } from '../../core/auth/actor.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { revokeGrantsBreakingRules } from './commands.ts'
import { registerOutboxRoutes } from './outbox.tsx'
import { administrationActions } from './permissions.ts'
import { registerAdministrationRoutes } from './routes.tsx'

export const administrationModule: ModuleManifest = {
  id: 'administration',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: administrationActions,
  routes: (app) => {
    registerAdministrationRoutes(app)
    registerOutboxRoutes(app)
  },
  administration: [{ href: '/administration/outbox', label: 'administration.outbox.title', order: 90 }],
  // not reference data, but the same moment: every start, idempotent (grants made before the role
  // rules that break them are revoked, each with its audit entry)
  referenceData: revokeGrantsBreakingRules,
  navigation: [{ href: '/administration', label: 'administration.title', order: 90, visible: isStaff }],
}
