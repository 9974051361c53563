// A process's contributions (filtered, paged, summarized) and its compilation (HTML and .docx).
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import { pageParam } from '../../core/ui/components.tsx'
import { findProcess, guidingQuestions } from '../processes/index.ts'
import { compilationDocx } from './compilation-docx.ts'
import { compilationOf } from './compile.ts'
import { currentAnswers, summaryRows } from './queries.ts'
import { idAtDepth, listContributions } from './queries-list.ts'
import { summaryFromGroups } from './rules/summary.ts'
import { afterParam, ContributionQuery, invalidAfter } from './schemas.ts'
import { renderCompilation, renderList } from './views/list.tsx'

const PAGE_SIZE = 25

/** Who the public may see: published, and the notes of withdrawn and hidden ones. */
export function visibleStatuses(c: Context<AppEnv>) {
  return can(c.var.actor, 'contribution.moderate')
    ? (['published', 'pending_review', 'withdrawn', 'hidden'] as const)
    : (['published', 'withdrawn', 'hidden'] as const)
}

export function registerContributionListRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:id/contributions', async (c) => {
    const { db } = c.var
    const process = await findProcess(db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const query = parseWith(ContributionQuery, c.req.query())
    const filters = query.ok ? query.value : {}
    // a page continues after a contribution (keyset); a bad `after` is refused with the reason
    const after = afterParam(c.req.query('after'))
    if (after === 'invalid') return respondError(c, invalidAfter())
    const filter = {
      processId: process.id,
      questionId: filters.question,
      stakeholderGroup: filters.stakeholderGroup,
      regionalGroup: filters.regionalGroup,
      language: filters.language,
      callId: filters.call,
      statuses: visibleStatuses(c),
    }
    // an old link to page N goes to the same page by keyset: after the last of page N - 1
    const page = pageParam(c.req.query('page'))
    if (page > 1 && after === undefined) {
      const url = new URL(c.req.url)
      url.searchParams.delete('page')
      const last = await idAtDepth(db, filter, (page - 1) * PAGE_SIZE)
      if (last !== null) url.searchParams.set('after', String(last))
      return c.redirect(`${url.pathname}${url.search}`, 302)
    }
    const [questions, list, summary] = await Promise.all([
      guidingQuestions(db, process.id),
      listContributions(db, { ...filter, limit: PAGE_SIZE, after }),
      summaryRows(db, process.id),
    ])
    const answers = await currentAnswers(
      db,
      list.rows.filter((r) => r.status === 'published').map((r) => r.id),
    )
    return renderList(c, {
      process,
      questions,
      ...list,
      answers,
      after: after ?? null,
      filters,
      summary: summaryFromGroups(summary),
    })
  })

  app.get('/processes/:id/compilation', async (c) => {
    const compiled = await compilationOf(c.var.db, idParam(c))
    if (!compiled) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderCompilation(c, compiled.process, compiled.compilation)
  })

  app.get('/processes/:id/compilation.docx', async (c) => {
    const compiled = await compilationOf(c.var.db, idParam(c))
    if (!compiled) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const file = await compilationDocx(compiled.compilation, c.var.i18n)
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': contentDisposition(`compilation-${compiled.process.slug}.docx`),
    })
  })
}
