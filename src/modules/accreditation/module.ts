// The accreditation module: people ask to speak for a Member State or an organization; the
// Secretariat approves (granting the role) or refuses with a reason.
import { join } from 'node:path'
import { isSignedIn, isStaff } from '../../core/auth/actor.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { loadAccreditationDemo } from './demo.ts'
import { accreditationActions } from './permissions.ts'
import { registerAccreditationRoutes } from './routes.tsx'

export const accreditationModule: ModuleManifest = {
  id: 'accreditation',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: accreditationActions,
  routes: registerAccreditationRoutes,
  navigation: [
    {
      href: '/accreditation',
      label: 'accreditation.navigation',
      order: 80,
      visible: (a) => isSignedIn(a) && !isStaff(a),
    },
  ],
  administration: [{ href: '/administration/accreditation', label: 'accreditation.review.title', order: 10 }],
  demo: loadAccreditationDemo,
}
