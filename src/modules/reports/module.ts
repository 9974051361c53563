// The reports module: the report of a process assembled from its negotiation (the agreed
// recommendations, the divergent views, the members, every proposal and its fate) as a page, Word,
// JSON and Akoma Ntoso, and the comparison of two revisions in Word. It owns no table: it reads the
// negotiation and the processes through their index.ts.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerReportRoutes } from './routes-report.tsx'

export const reportsModule: ModuleManifest = {
  id: 'reports',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerReportRoutes,
}
