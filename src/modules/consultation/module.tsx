// The consultation module: contributions taken in bulk (CLI, page, API) and campaigns of
// near-identical contributions found as they arrive, with their templates, personal additions and
// signals of coordination. Deduplication for reading, never for exclusion.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerConsultationApi } from './api.ts'
import { campaignsCommand, contributionsImportCommand } from './cli.ts'
import { loadConsultationDemo } from './demo.ts'
import { consultationJobs } from './jobs.ts'
import { consultationActions } from './permissions.ts'
import { markRestoredMembers } from './queries-members.ts'
import { registerConsultationRoutes } from './routes.tsx'
import { consultationSection } from './section.tsx'

export const consultationModule: ModuleManifest = {
  id: 'consultation',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerConsultationRoutes,
  api: registerConsultationApi,
  permissions: consultationActions,
  demo: loadConsultationDemo,
  commands: [contributionsImportCommand, campaignsCommand],
  jobs: consultationJobs,
  restored: markRestoredMembers,
  recurringJobs: { 'consultation.assign': 15 },
  sections: { process: { order: 12, render: consultationSection } },
}
