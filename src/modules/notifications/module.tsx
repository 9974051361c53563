// The notifications module: follow a body or a process and get a daily or weekly digest of what
// changed in it, through the mail outbox; one digest per person per period.
import { join } from 'node:path'
import { isSignedIn } from '../../core/auth/actor.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { queueDigests } from './digest.ts'
import { notificationsActions } from './permissions.ts'
import { FollowSection, registerNotificationRoutes } from './routes.tsx'

export const notificationsModule: ModuleManifest = {
  id: 'notifications',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: notificationsActions,
  routes: registerNotificationRoutes,
  navigation: [{ href: '/account/notifications', label: 'notifications.title', order: 85, visible: isSignedIn }],
  sections: {
    body: {
      order: 0,
      placement: 'header',
      render: async (c, body) => <FollowSection c={c} subject={{ type: 'body', id: body.id }} />,
    },
    process: {
      order: 0,
      placement: 'header',
      render: async (c, process) => <FollowSection c={c} subject={{ type: 'process', id: process.id }} />,
    },
  },
  jobs: {
    'notifications.digest': async (_payload, { db, deps, log }) => {
      const run = await queueDigests(db, deps, deps.now())
      if (run.queued) log.info(`queued ${run.queued} digests (${run.considered} accounts due)`)
    },
  },
  // digests are due once a day or once a week; checking every quarter of an hour sends them soon after
  recurringJobs: { 'notifications.digest': 900 },
}
