// A deliberation's results (page and CSV) and the Secretariat's moderation of statements.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { toCsv } from '../../core/formats/csv.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { moderateStatement } from './commands.ts'
import { runAnalysis } from './engine.ts'
import { findAnalysis, findDeliberation, statementsOf } from './queries.ts'
import type { AnalysisResult } from './rules/analyze.ts'
import { ModerationInput } from './schemas.ts'
import { renderModeration } from './views/moderation.tsx'
import { renderResults } from './views/results.tsx'

/** One row per statement: its text, the three scores and each declared group's agreement. */
export function resultRows(result: AnalysisResult, texts: Map<string, string>): Record<string, unknown>[] {
  const consensus = new Map(result.consensus.map((r) => [r.statement, r.score]))
  const divisive = new Map(result.divisive.map((r) => [r.statement, r.score]))
  return result.bridging.map((r) => ({
    statement: r.statement,
    text: texts.get(r.statement) ?? '',
    consensus: consensus.get(r.statement) ?? 0,
    bridging: r.score,
    divisive: divisive.get(r.statement) ?? 0,
    ...Object.fromEntries(Object.entries(r.byGroup).map(([group, value]) => [`agreement_${group}`, value])),
  }))
}

async function loaded(c: Context<AppEnv>) {
  const { db } = c.var
  const deliberation = await findDeliberation(db, idParam(c))
  if (!deliberation) return undefined
  let analysis = await findAnalysis(db, deliberation.id)
  if (!analysis) {
    await runAnalysis(db, deliberation.id, c.var.deps.now)
    analysis = await findAnalysis(db, deliberation.id)
  }
  const statements = await statementsOf(db, deliberation.id, 'accepted')
  const texts = new Map(statements.map((s) => [s.externalId ?? String(s.id), s.text]))
  return { deliberation, analysis, texts }
}

async function moderationPage(c: Context<AppEnv>, refused?: { statementId: number; form: FormState }) {
  const deliberation = await findDeliberation(c.var.db, idParam(c))
  if (!deliberation) return respondError(c, { type: 'not_found', id: 'deliberation_not_found' })
  const pending = await statementsOf(c.var.db, deliberation.id, 'pending')
  return renderModeration(c, { deliberation, pending, ...(refused ? { refused, status: 422 as const } : {}) })
}

export function registerResultRoutes(app: Hono<AppEnv>): void {
  app.get('/deliberations/:id{[0-9]+}/results', async (c) => {
    const view = await loaded(c)
    if (!view) return respondError(c, { type: 'not_found', id: 'deliberation_not_found' })
    return renderResults(c, view)
  })

  app.get('/deliberations/:id{[0-9]+}/results.csv', async (c) => {
    const view = await loaded(c)
    if (!view) return respondError(c, { type: 'not_found', id: 'deliberation_not_found' })
    const rows = view.analysis ? resultRows(view.analysis.result, view.texts) : []
    return c.body(toCsv(rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`deliberation-${view.deliberation.id}.csv`),
    })
  })

  app.get('/deliberations/:id{[0-9]+}/moderation', (c) =>
    can(c.var.actor, 'deliberation.moderate') ? moderationPage(c) : denied(c, 'deliberation.moderate'),
  )

  app.post('/deliberations/:id{[0-9]+}/statements/:statementId{[0-9]+}/moderation', async (c) => {
    if (!can(c.var.actor, 'deliberation.moderate')) return denied(c, 'deliberation.moderate')
    const statementId = idParam(c, 'statementId')
    const form = await parseForm(c, ModerationInput)
    if (!form.ok) return moderationPage(c, { statementId, form })
    const result = await moderateStatement(c.var.db, commandContext(c), idParam(c), statementId, form.value)
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return moderationPage(c, { statementId, form: { values: form.values, issues: result.error.issues } })
      return respondError(c, result.error)
    }
    flash(c, 'flash.saved')
    return c.redirect(`/deliberations/${idParam(c)}/moderation`, 303)
  })
}
