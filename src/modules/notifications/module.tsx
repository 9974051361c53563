// The notifications module: follow a body or a process and get a daily or weekly digest of what
// changed in it; and notices: a per-person inbox of what concerns them (silence procedures,
// calls, revisions, co-sponsorship requests, accreditation decisions...), made from the audit log
// and mailed at once or in a daily digest as each person chose per kind (README.md).
import { join } from 'node:path'
import { isSignedIn } from '../../core/auth/actor.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerNoticesApi } from './api.ts'
import { queueDigests } from './digest.ts'
import { queueNoticeDigests } from './notice-digest.ts'
import { checkDeadlines, readAuditLog } from './notices-job.ts'
import { notificationsActions } from './permissions.ts'
import { FollowSection, registerNotificationRoutes } from './routes.tsx'
import { registerNoticeRoutes } from './routes-notices.tsx'

export const notificationsModule: ModuleManifest = {
  id: 'notifications',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: notificationsActions,
  routes: (app) => {
    registerNotificationRoutes(app)
    registerNoticeRoutes(app)
  },
  api: registerNoticesApi,
  navigation: [{ href: '/me/notifications', label: 'notifications.inbox.title', order: 85, visible: isSignedIn }],
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
    'notifications.notices': async (_payload, { db, deps, log }) => {
      const now = deps.now()
      const read = await readAuditLog(db, deps, now)
      const warned = await checkDeadlines(db, deps, now)
      const digests = await queueNoticeDigests(db, deps, now)
      if (read.notices || warned || digests)
        log.info(
          `notices: ${read.notices} from ${read.entries} audit entries, ${warned} deadline warnings, ${digests} digests`,
        )
    },
  },
  // digests are due once a day or once a week; checking every quarter of an hour sends them soon
  // after; notices follow the audit log within a minute; deadline warnings and digests ride along
  recurringJobs: { 'notifications.digest': 900, 'notifications.notices': 60 },
  // what a person follows and how they want to be told: theirs alone
  privateTables: ['notifications_follow', 'notifications_preference'],
}
