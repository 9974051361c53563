// The contributions module: answers to calls for contributions, their revisions and
// attachments, moderation, the contribution lists and the compilation (HTML, Word, CLI).

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerContributionsApi } from './api.ts'
import { countsCommand } from './cli.ts'
import { compilationDocx } from './compilation-docx.ts'
import { compilationOf } from './compile.ts'
import { loadContributionsDemo } from './demo.ts'
import { contributionsOpenData } from './open-data.ts'
import { contributionsActions } from './permissions.ts'
import { summaryRows } from './queries.ts'
import { contributionsActivity, countPublishedContributions } from './queries-activity.ts'
import { listContributions } from './queries-list.ts'
import { registerContributionRoutes, visibleStatuses } from './routes.tsx'
import { summaryFromGroups } from './rules/summary.ts'
import { ProcessContributions } from './views/list.tsx'

export const contributionsModule: ModuleManifest = {
  id: 'contributions',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: contributionsActions,
  routes: registerContributionRoutes,
  api: registerContributionsApi,
  sections: {
    process: {
      order: 10,
      render: async (c, process) => {
        const [latest, summary] = await Promise.all([
          listContributions(c.var.db, {
            processId: process.id,
            statuses: visibleStatuses(c).filter((s) => s === 'published'),
            limit: 5,
            withTotal: false,
          }),
          summaryRows(c.var.db, process.id),
        ])
        return (
          <ProcessContributions
            c={c}
            processId={process.id}
            latest={latest.rows}
            summary={summaryFromGroups(summary)}
          />
        )
      },
    },
  },
  statistics: async (db) => {
    const published = await countPublishedContributions(db)
    return [{ label: 'contributions.stats.contributions', value: published, href: '/processes', order: 23 }]
  },
  activity: contributionsActivity,
  commands: [
    {
      name: 'compile',
      usage: 'ecp compile PROCESS_ID [--out FILE] [--lang LANG]',
      description: 'Writes the compilation of a process’s contributions as a Word file (.docx)',
      async run(args, ctx) {
        const processId = Number(args[0])
        const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined
        const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'en'
        if (!Number.isSafeInteger(processId) || processId <= 0) {
          ctx.log.error('usage: ecp compile PROCESS_ID [--out FILE] [--lang LANG]')
          return 2
        }
        const compiled = await compilationOf(ctx.deps.db, processId)
        if (!compiled) {
          ctx.log.error(`no process ${processId}`)
          return 1
        }
        const i18n = ctx.deps.messages.translator(
          ['ar', 'zh', 'en', 'fr', 'ru', 'es'].includes(lang ?? '') ? (lang as 'en') : 'en',
        )
        const file = out ?? `compilation-${compiled.process.slug}.docx`
        await writeFile(file, await compilationDocx(compiled.compilation, i18n))
        ctx.out(file)
        ctx.log.info(
          `compiled ${compiled.compilation.summary.total} contributions of "${compiled.process.title}" into ${file}`,
        )
        return 0
      },
    },
    countsCommand,
  ],
  openData: contributionsOpenData,
  demo: loadContributionsDemo,
  transientTables: [
    'contributions_tally',
    'contributions_search',
    'contributions_search_pending_kept',
    'contributions_speaker_count',
    'contributions_people_count',
    'contributions_people_pending',
    'contributions_person_turn',
  ],
  // drafts are their authors' alone
  privateTables: ['contributions_draft'],
}
