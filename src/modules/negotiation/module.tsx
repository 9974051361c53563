// The negotiation module: negotiating documents (opened blank, from a text or from proposals) with amendments and
// brackets, one voice per Member State, the Chair's declarations and silence procedures, revisions
// and their comparison. The report is the reports module's.
import { join } from 'node:path'
import { SYSTEM } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { countProposals } from '../proposals/index.ts'
import { registerNegotiationApi } from './api.ts'
import { registerNegotiationWriteApi } from './api-write.ts'
import { registerProcessWriteApi } from './api-write-process.ts'
import { parseCommand } from './cli.ts'
import { concludeSilence } from './commands-silence.ts'
import { loadNegotiationDemo } from './demo.ts'
import { negotiationOpenData } from './open-data.ts'
import { negotiationActions } from './permissions.ts'
import { documentsOf, paragraphsFromProposal } from './queries.ts'
import { negotiationActivity } from './queries-activity.ts'
import { registerNegotiationRoutes } from './routes.tsx'
import { registerConsensusRoutes } from './routes-consensus.tsx'
import { registerParagraphRoutes } from './routes-paragraph.tsx'
import { inForceSection } from './section-in-force.tsx'
import { DocumentsOfProcess, OpenDocumentButton, WhereItWent } from './views/proposal-sections.tsx'

export const negotiationModule: ModuleManifest = {
  id: 'negotiation',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: negotiationActions,
  routes: (app) => {
    registerNegotiationRoutes(app)
    registerConsensusRoutes(app)
    registerParagraphRoutes(app)
  },
  api: (api) => {
    registerNegotiationApi(api)
    registerNegotiationWriteApi(api)
    registerProcessWriteApi(api)
  },
  sections: {
    meeting: inForceSection,
    // on the proposals' pages (the proposals module renders them)
    'proposal-actions': {
      order: 10,
      render: async (c, process) =>
        can(c.var.actor, 'negotiation.manage', { bodyId: process.bodyId }) ? (
          <OpenDocumentButton c={c} processId={process.id} />
        ) : null,
    },
    proposals: {
      order: 10,
      render: async (c, process) => {
        const documents = await documentsOf(c.var.db, process.id)
        return documents.length ? <DocumentsOfProcess c={c} documents={documents} /> : null
      },
    },
    proposal: {
      order: 10,
      render: async (c, proposal) => {
        const paragraphs = await paragraphsFromProposal(c.var.db, proposal.id)
        return paragraphs.length ? <WhereItWent c={c} paragraphs={paragraphs} /> : null
      },
    },
    process: {
      order: 20,
      render: async (c, process) => {
        const t = c.var.i18n.t
        // the section shows how many proposals there are: counted, not read with their details
        const [documents, proposals] = await Promise.all([
          documentsOf(c.var.db, process.id),
          countProposals(c.var.db, process.id),
        ])
        return (
          <section aria-labelledby="negotiation">
            <h2 id="negotiation">{t('negotiation.section.title')}</h2>
            {documents.length ? (
              <ul>
                {documents.map((d) => (
                  <li>
                    <a href={`/negotiation/${d.id}`}>{d.title}</a>{' '}
                    {d.symbol ? <span class="muted">{d.symbol}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <a href={`/processes/${process.id}/proposals`}>
                {t('negotiation.proposals.count', { count: proposals })}
              </a>
              {' · '}
              <a href={`/processes/${process.id}/report`}>{t('negotiation.report.title')}</a>
            </p>
          </section>
        )
      },
    },
  },
  activity: negotiationActivity,
  processDetail: async (db, processId) => ({
    negotiatingDocuments: (await documentsOf(db, processId)).map((d) => ({ id: d.id, title: d.title })),
  }),
  openData: negotiationOpenData,
  jobs: {
    'negotiation.silence_deadline': async (payload, { db, deps, log }) => {
      const silenceId = Number(payload.silenceId)
      const result = await concludeSilence(db, { actor: SYSTEM, now: deps.now() }, silenceId)
      if (result.ok) log.info(`silence procedure ${silenceId}: ${result.value}`)
    },
  },
  commands: [parseCommand],
  demo: loadNegotiationDemo,
}
