// The processes module: bodies and their composition, processes with mandates, guiding
// questions, phases and calls for contributions, meetings with agendas and attendance, documents,
// and the report's transmission up the chain of bodies.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { processesActivity } from './activity.ts'
import { registerProcessesApi } from './api.ts'
import { loadProcessesDemo } from './demo.ts'
import { listBodies, listProcesses, pdb } from './queries.ts'
import { registerProcessRoutes } from './routes.tsx'

export const processesModule: ModuleManifest = {
  id: 'processes',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
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
  openData: async (db) => {
    const [bodies, processes] = await Promise.all([listBodies(db), listProcesses(db)])
    return [
      {
        name: 'bodies',
        description: 'Bodies (working groups, commissions, councils) and the body each reports to',
        fields: [
          { name: 'id', description: 'Identifier' },
          { name: 'slug', description: 'Short name used in addresses' },
          { name: 'name', description: 'Name' },
          { name: 'acronym', description: 'Acronym' },
          { name: 'parent_body_id', description: 'The body it reports to' },
          { name: 'member_state_seats', description: 'Seats for Member States' },
        ],
        rows: bodies.map((b) => ({
          id: b.id,
          slug: b.slug,
          name: b.name,
          acronym: b.acronym,
          parent_body_id: b.parentBodyId,
          member_state_seats: b.memberStateSeats,
        })),
      },
      {
        name: 'processes',
        description: 'Processes of the bodies, with their mandate',
        fields: [
          { name: 'id', description: 'Identifier' },
          { name: 'body_id', description: 'The body that runs it' },
          { name: 'title', description: 'Title' },
          { name: 'state', description: 'planned, active or concluded' },
          { name: 'mandate_symbol', description: 'Symbol of the mandating document' },
          { name: 'mandate_paragraph', description: 'Paragraph of the mandate' },
          { name: 'recurrence', description: 'none or annual' },
        ],
        rows: processes.map((p) => ({
          id: p.id,
          body_id: p.bodyId,
          title: p.title,
          state: p.state,
          mandate_symbol: p.mandateSymbol,
          mandate_paragraph: p.mandateParagraph,
          recurrence: p.recurrence,
        })),
      },
    ]
  },
  demo: loadProcessesDemo,
}
