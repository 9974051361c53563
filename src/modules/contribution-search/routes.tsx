// The search page of a call's contributions, and its link on the process page. Any query gives
// results, an empty list, or the page again with the reason beside the field (400), never an error.
import type { Context, Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { SectionSubject } from '../../core/module.ts'
import { callsOf, findCall, guidingQuestions } from '../processes/index.ts'
import { SearchPageQuery } from './schemas.ts'
import { cursorOf, searchCall } from './search.ts'
import { renderSearch } from './views/search.tsx'

const FIELDS = ['q', 'question', 'stakeholderGroup', 'region', 'language', 'campaign', 'after'] as const

export function registerSearchRoutes(app: Hono<AppEnv>): void {
  app.get('/calls/:id{[0-9]+}/search', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const raw = c.req.query()
    const values = Object.fromEntries(FIELDS.flatMap((f) => (typeof raw[f] === 'string' ? [[f, raw[f]]] : [])))
    const questions = (await guidingQuestions(c.var.db, call.processId)).filter((q) => call.questionIds.includes(q.id))
    const parsed = parseWith(SearchPageQuery, values)
    if (!parsed.ok) return renderSearch(c, { call, questions, values, issues: parsed.issues, result: null })
    const { q, ...filters } = parsed.value
    const result = q ? await searchCall(c, call.id, q, filters) : null
    return renderSearch(c, {
      call,
      questions,
      values,
      issues: [],
      result: result ? { ...result, next: cursorOf(result.next) } : null,
    })
  })
}

/** On the process page: each call's search. */
export async function searchSection(c: Context<AppEnv>, process: SectionSubject) {
  // the process's page hands its calls over; read them only when a page did not
  const calls = process.calls ?? (await callsOf(c.var.db, process.id))
  if (calls.length === 0) return null
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="contribution-search">
      <h2 id="contribution-search">{t('search.section')}</h2>
      <ul>
        {calls.map((call) => (
          <li>
            <a href={`/calls/${call.id}/search`}>{t('search.title', { call: call.title })}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
