// The annual-reports module: organizations' yearly reports on what they did to enable enhanced
// cooperation (Tunis Agenda para 71), the reporting cycle with its status board and reminders,
// and the synthesis for the Secretary-General's report.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerAnnualReportsApi } from './api.ts'
import { sendReminders } from './commands.ts'
import { loadAnnualReportsDemo } from './demo.ts'
import { annualReportsActions } from './permissions.ts'
import { publishedReports } from './queries.ts'
import { registerAnnualReportRoutes } from './routes.tsx'

export const annualReportsModule: ModuleManifest = {
  id: 'annualReports',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: annualReportsActions,
  routes: registerAnnualReportRoutes,
  api: registerAnnualReportsApi,
  navigation: [{ href: '/annual-reports', label: 'annualReports.nav', order: 55 }],
  administration: [{ href: '/annual-reports/new', label: 'annualReports.open.title', order: 45 }],
  jobs: {
    'annualReports.remind': async (_payload, { db, deps, log }) => {
      const sent = await sendReminders(db, deps.now())
      if (sent) log.info(`annual report reminders: ${sent} organization(s)`)
    },
  },
  // daily; each organization gets at most one reminder a week, as a notice to its representatives
  recurringJobs: { 'annualReports.remind': 86_400 },
  openData: async (db) => {
    const rows = await publishedReports(db)
    return [
      {
        name: 'annual_reports',
        description: 'Published annual reports of organizations on enabling enhanced cooperation',
        fields: [
          { name: 'id', type: 'integer', description: 'Identifier' },
          { name: 'year', type: 'integer', description: 'Reporting year' },
          { name: 'organization_id', type: 'integer', description: 'The organization' },
          { name: 'version', type: 'integer', description: 'Version published' },
          { name: 'issues', type: 'string', description: 'Issues addressed (slugs), separated by spaces' },
          { name: 'actions', type: 'string', description: 'Actions taken to enable enhanced cooperation' },
          { name: 'published_at', type: 'datetime', description: 'When this version was published (UTC)' },
        ],
        rows: rows.map((r) => ({
          id: r.id,
          year: r.year,
          organization_id: r.organizationId,
          version: r.version,
          issues: (r.published?.issues ?? []).join(' '),
          actions: r.published?.actions ?? '',
          published_at: r.publishedAt,
        })),
      },
    ]
  },
  demo: loadAnnualReportsDemo,
}
