// The processes module: bodies and their composition, processes with mandates, guiding
// questions, phases and calls for contributions, meetings with agendas and attendance, documents,
// and the report's transmission up the chain of bodies.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { processesActivity } from './activity.ts'
import { registerProcessesApi } from './api.ts'
import { loadProcessesDemo } from './demo.ts'
import { processesOpenData } from './open-data.ts'
import { processesActions } from './permissions.ts'
import { listBodies, listProcesses, pdb } from './queries.ts'
import { registerProcessRoutes } from './routes.tsx'

export const processesModule: ModuleManifest = {
  id: 'processes',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: processesActions,
  routes: registerProcessRoutes,
  api: registerProcessesApi,
  navigation: [
    { href: '/bodies', label: 'processes.bodies.navigation', order: 20 },
    { href: '/processes', label: 'processes.processes.navigation', order: 21 },
  ],
  administration: [{ href: '/processes/new', label: 'processes.manage.newProcess', order: 20 }],
  statistics: async (db) => {
    const [bodies, processes, meetings] = await Promise.all([
      listBodies(db),
      listProcesses(db),
      pdb(db)
        .selectFrom('processesMeeting')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ])
    return [
      { label: 'processes.stats.bodies', value: bodies.length, href: '/bodies', order: 20 },
      { label: 'processes.stats.processes', value: processes.length, href: '/processes', order: 21 },
      { label: 'processes.stats.meetings', value: Number(meetings.n), href: '/processes', order: 22 },
    ]
  },
  activity: processesActivity,
  openData: processesOpenData,
  demo: loadProcessesDemo,
}
