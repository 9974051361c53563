// The glossary's pages: authorize, parse, call (the command authorizes again), render.
import type { Hono } from 'hono'
import { authorize } from '../../../src/core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../../src/core/http/context.ts'
import { flash } from '../../../src/core/http/cookies.ts'
import { respondError } from '../../../src/core/http/errors.tsx'
import { parseForm } from '../../../src/core/http/forms.ts'
import { idParam } from '../../../src/core/http/ids.ts'
import { proposeTerm, withdrawTerm } from './commands.ts'
import { listTerms } from './queries.ts'
import { TermInput } from './schemas.ts'
import { renderGlossary } from './views/glossary.tsx'

export function registerGlossaryRoutes(app: Hono<AppEnv>): void {
  app.get('/glossary', async (c) => renderGlossary(c, await listTerms(c.var.db)))

  app.post('/glossary', async (c) => {
    const allowed = authorize(c.var.actor, 'glossary.term.propose')
    if (!allowed.ok) return respondError(c, allowed.error)
    const form = await parseForm(c, TermInput)
    if (!form.ok) return renderGlossary(c, await listTerms(c.var.db), { values: form.values, issues: form.issues })
    const result = await proposeTerm(c.var.db, commandContext(c), form.value)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect('/glossary', 303)
  })

  app.post('/glossary/:id/withdraw', async (c) => {
    const result = await withdrawTerm(c.var.db, commandContext(c), idParam(c))
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect('/glossary', 303)
  })
}
