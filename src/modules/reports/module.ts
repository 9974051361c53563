// The reports module: the report of a process as the Secretariat issues it (symbol, distribution,
// date, the document and revision it is built from), assembled from the negotiation (the agreed
// recommendations numbered 1, 2, 3, the divergent views with their attribution, the paragraphs not
// considered, the members and who attended, explanations of position, every proposal and its
// fate) as a page, Word in the UN layout, JSON and Akoma Ntoso; the comparison of two revisions as
// Word tracked changes; the report's transmission up the chain and the follow-up of each
// recommendation year by year.
import { join } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerReportsApi } from './api.ts'
import { reportsActions } from './permissions.ts'
import { registerIssueRoutes } from './routes-issue.tsx'
import { registerReportRoutes } from './routes-report.tsx'

export const reportsModule: ModuleManifest = {
  id: 'reports',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: reportsActions,
  routes: (app: Hono<AppEnv>) => {
    registerIssueRoutes(app)
    registerReportRoutes(app)
  },
  api: registerReportsApi,
}
