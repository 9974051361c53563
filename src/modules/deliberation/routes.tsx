// The deliberation pages: the list, opening one (the Secretariat), a deliberation's page with the
// statement to vote on, voting (a plain form: works without JavaScript) and writing a statement.
import type { Context, Hono } from 'hono'
import { accountIdOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { findProcess } from '../processes/index.ts'
import { castVote, closeDeliberation, openDeliberation, processIdOf, writeStatement } from './commands.ts'
import {
  findDeliberation,
  listDeliberations,
  nextStatementFor,
  participantOfAccount,
  progressOf,
  statementsOf,
} from './queries.ts'
import { registerResultRoutes } from './routes-results.tsx'
import { OpenInput, StatementInput, VoteInput } from './schemas.ts'
import { renderDeliberation } from './views/deliberation.tsx'
import { renderList, renderOpenForm } from './views/list.tsx'

async function deliberationPage(c: Context<AppEnv>, form?: FormState) {
  const { db, actor } = c.var
  const deliberation = await findDeliberation(db, idParam(c))
  if (!deliberation) return respondError(c, { type: 'not_found', id: 'deliberation_not_found' })
  const accountId = accountIdOf(actor)
  const participant = accountId ? await participantOfAccount(db, deliberation.id, accountId) : undefined
  const canModerate = can(actor, 'deliberation.moderate')
  const processId = await processIdOf(db, deliberation)
  const process = processId ? await findProcess(db, processId) : undefined
  const [next, progress, pending] = await Promise.all([
    nextStatementFor(db, deliberation.id, participant?.id ?? null),
    progressOf(db, deliberation.id, participant?.id ?? null),
    canModerate ? statementsOf(db, deliberation.id, 'pending') : Promise.resolve([]),
  ])
  return renderDeliberation(c, {
    deliberation,
    next,
    progress,
    signedIn: can(actor, 'deliberation.participate'),
    canModerate,
    canClose: can(actor, 'deliberation.close'),
    processConcluded: process?.state === 'concluded',
    pending: pending.length,
    ...(form ? { form, status: 422 as const } : {}),
  })
}

export function registerDeliberationRoutes(app: Hono<AppEnv>): void {
  app.get('/deliberations', async (c) =>
    renderList(c, { deliberations: await listDeliberations(c.var.db), canOpen: can(c.var.actor, 'deliberation.open') }),
  )

  app.get('/deliberations/new', (c) =>
    can(c.var.actor, 'deliberation.open') ? renderOpenForm(c, {}) : denied(c, 'deliberation.open'),
  )

  app.post('/deliberations/new', async (c) => {
    if (!can(c.var.actor, 'deliberation.open')) return denied(c, 'deliberation.open')
    const form = await parseForm(c, OpenInput)
    if (!form.ok) return renderOpenForm(c, form, 422)
    const result = await openDeliberation(c.var.db, commandContext(c), form.value)
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return renderOpenForm(c, { values: form.values, issues: result.error.issues }, 422)
      return respondError(c, result.error)
    }
    flash(c, 'flash.saved')
    return c.redirect(`/deliberations/${result.value.id}`, 303)
  })

  app.get('/deliberations/:id{[0-9]+}', (c) => deliberationPage(c))

  app.post('/deliberations/:id{[0-9]+}/votes', async (c) => {
    if (!can(c.var.actor, 'deliberation.participate')) return denied(c, 'deliberation.participate')
    const form = await parseForm(c, VoteInput)
    if (!form.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
    const result = await castVote(c.var.db, commandContext(c), idParam(c), form.value.statementId, form.value.vote)
    if (!result.ok) return respondError(c, result.error)
    return c.redirect(`/deliberations/${idParam(c)}#vote`, 303)
  })

  app.post('/deliberations/:id{[0-9]+}/statements', async (c) => {
    if (!can(c.var.actor, 'deliberation.participate')) return denied(c, 'deliberation.participate')
    const form = await parseForm(c, StatementInput)
    if (!form.ok) return deliberationPage(c, form)
    const result = await writeStatement(c.var.db, commandContext(c), idParam(c), form.value)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'deliberation.written')
    return c.redirect(`/deliberations/${idParam(c)}`, 303)
  })

  app.post('/deliberations/:id{[0-9]+}/close', async (c) => {
    if (!can(c.var.actor, 'deliberation.close')) return denied(c, 'deliberation.close')
    const result = await closeDeliberation(c.var.db, commandContext(c), idParam(c))
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'deliberation.close.done')
    return c.redirect(`/deliberations/${idParam(c)}`, 303)
  })

  registerResultRoutes(app)
}
