// The deliberation module: a call or a proposal opens a deliberation in the way of Polis;
// participants write short statements (moderated) and vote agree / disagree / pass; the analysis
// finds opinion groups, group-informed consensus, divisive statements and the statements that
// bridge the UN regional groups and the stakeholder groups.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerDeliberationApi } from './api.ts'
import { deliberationCommand } from './cli.ts'
import { ANALYZE_JOB } from './commands.ts'
import { loadDeliberationDemo } from './demo.ts'
import { runAnalysis } from './engine.ts'
import { deliberationOpenData } from './open-data.ts'
import { deliberationActions } from './permissions.ts'
import { registerDeliberationRoutes } from './routes.tsx'

export const deliberationModule: ModuleManifest = {
  id: 'deliberation',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: deliberationActions,
  routes: registerDeliberationRoutes,
  api: registerDeliberationApi,
  navigation: [{ href: '/deliberations', label: 'deliberation.nav', order: 67 }],
  commands: [deliberationCommand],
  jobs: {
    [ANALYZE_JOB]: async (payload, ctx) => {
      const id = Number(payload.deliberationId)
      if (Number.isInteger(id) && id > 0) await runAnalysis(ctx.db, id, ctx.deps.now)
    },
  },
  openData: deliberationOpenData,
  demo: loadDeliberationDemo,
}
