// The knowledge module: the library of papers, reports, briefs and data sets, searched in the six
// languages with PostgreSQL full-text search, curated by the knowledge focal point.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerKnowledgeApi } from './api.ts'
import { loadKnowledgeDemo } from './demo.ts'
import { knowledgeActions } from './permissions.ts'
import { publishedItems } from './queries.ts'
import { registerKnowledgeRoutes } from './routes.tsx'

export const knowledgeModule: ModuleManifest = {
  id: 'knowledge',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: knowledgeActions,
  routes: registerKnowledgeRoutes,
  api: registerKnowledgeApi,
  navigation: [{ href: '/library', label: 'knowledge.nav', order: 60 }],
  administration: [{ href: '/administration/library', label: 'knowledge.queue.title', order: 50 }],
  openData: async (db) => {
    const rows = await publishedItems(db)
    return [
      {
        name: 'library',
        description: 'The knowledge library: papers, reports, briefs and data sets',
        fields: [
          { name: 'id', type: 'integer', description: 'Identifier' },
          {
            name: 'work_id',
            type: 'integer',
            description: 'The work this is a language version of (empty for the first version)',
          },
          { name: 'type', type: 'string', description: 'paper, report, brief or dataset' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'language', type: 'string', description: 'Language code' },
          { name: 'authors', type: 'string', description: 'Authors, separated by semicolons' },
          { name: 'issues', type: 'string', description: 'Issue slugs, separated by spaces' },
          { name: 'published_on', type: 'date', description: 'Publication date' },
          { name: 'url', type: 'string', description: 'Where to read it' },
        ],
        rows: rows.map((r) => ({
          id: r.id,
          work_id: r.workId,
          type: r.type,
          title: r.title,
          language: r.language,
          authors: r.authors.join('; '),
          issues: r.issueSlugs.join(' '),
          published_on: r.publishedOn ? String(r.publishedOn).slice(0, 10) : null,
          url: r.url,
        })),
      },
    ]
  },
  demo: loadKnowledgeDemo,
}
