// The processes module: processes with mandates, guiding
// questions, phases and calls for contributions, meetings with agendas and attendance, documents,
// and the report's transmission up the chain of bodies.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerProcessesApi } from './api.ts'
import { loadProcessesDemo } from './demo.ts'
import { processesOpenData } from './open-data.ts'
import { documentVersionsOpenData } from './open-data-documents.ts'
import { processesActions } from './permissions.ts'
import { countMeetings, listProcesses } from './queries.ts'
import { processesActivity } from './queries-activity.ts'
import { registerProcessRoutes } from './routes.tsx'
import { BodyProcesses } from './views/body-processes.tsx'

export const processesModule: ModuleManifest = {
  id: 'processes',
  migrations: join(import.meta.dirname, 'migrations'),
  // a concluded process refuses every write to its record (processes_refuse_if_concluded, which
  // other modules' triggers call): an import loads that record before the process's state
  importedLast: ['processes_process'],
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: processesActions,
  routes: registerProcessRoutes,
  api: registerProcessesApi,
  navigation: [{ href: '/processes', label: 'processes.processes.navigation', order: 21 }],
  administration: [{ href: '/processes/new', label: 'processes.manage.newProcess', order: 20 }],
  statistics: async (db) => {
    const [processes, meetings] = await Promise.all([listProcesses(db), countMeetings(db)])
    return [
      { label: 'processes.stats.processes', value: processes.length, href: '/processes', order: 21 },
      { label: 'processes.stats.meetings', value: meetings, href: '/processes', order: 22 },
    ]
  },
  sections: {
    body: {
      order: 10,
      render: async (c, body) => {
        const processes = await listProcesses(c.var.db, { bodyId: body.id })
        return processes.length ? BodyProcesses({ c, processes }) : null
      },
    },
  },
  activity: processesActivity,
  openData: async (db) => [...(await processesOpenData(db)), ...(await documentVersionsOpenData(db))],
  demo: loadProcessesDemo,
}
