// The taxonomy's and the mechanisms' pages and forms: the issues, one issue and its revision,
// proposing an issue, the Secretariat's triage queue, the mechanisms and the form to add one.
// Each handler parses (schemas.ts), authorizes, calls a command or a query and renders a view.
// The map and its analyses are in routes-map.ts.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { findOrganizationsByIds, listOrganizations } from '../actors/index.ts'
import { createMechanism, proposeIssue, reviseIssue, triageIssue } from './commands.ts'
import { findIssue, findMechanism, listIssues, listMechanisms, mapData } from './queries.ts'
import { filterOf, registerMapRoutes } from './routes-map.ts'
import { filterMap, findGaps } from './rules/map.ts'
import { IssueProposalInput, MechanismInput, ReviseInput, TriageInput } from './schemas.ts'
import { renderIssue, renderIssues } from './views/issues.tsx'
import { renderMechanismForm } from './views/mechanism-form.tsx'
import { renderMechanism, renderMechanisms } from './views/mechanisms.tsx'
import { renderPropose, renderTriage } from './views/triage.tsx'

// the one id reader (core/http/ids.ts); the route's guard has refused anything else
const idOf = (c: Context<AppEnv>) => idParam(c)

function saved(c: Context<AppEnv>, to: string, message = 'flash.saved') {
  flash(c, message)
  return c.redirect(to, 303)
}

async function organizationsOf(c: Context<AppEnv>, mechanisms: { organizationId: number }[]) {
  const orgs = await findOrganizationsByIds(c.var.db, [...new Set(mechanisms.map((m) => m.organizationId))])
  return new Map(orgs.map((o) => [o.id, o]))
}

async function issuePage(c: Context<AppEnv>, slugOrId: string | number, reviseForm?: FormState) {
  const issue = await findIssue(c.var.db, slugOrId)
  if (!issue || (issue.status !== 'active' && !can(c.var.actor, 'issue.triage') && issue.status !== 'proposed'))
    return respondError(c, { type: 'not_found', id: 'issue_not_found' })
  const mechanisms = await listMechanisms(c.var.db, { issueId: issue.id })
  return renderIssue(c, {
    issue,
    mechanisms,
    organizations: await organizationsOf(c, mechanisms),
    gaps: issue.status === 'active' ? findGaps([issue], mechanisms) : [],
    canEdit: can(c.var.actor, 'issue.triage') && issue.status === 'active',
    reviseForm,
  })
}

async function mechanismForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) {
  const [{ rows: organizations }, issues] = await Promise.all([
    listOrganizations(c.var.db, { limit: 1000, offset: 0 }),
    listIssues(c.var.db),
  ])
  return renderMechanismForm(c, { organizations, issues, form, status })
}

export function registerCoordinationRoutes(app: Hono<AppEnv>): void {
  app.get('/issues', async (c) => {
    const filter = filterOf(c)
    const data = await mapData(c.var.db)
    const { issues } = filterMap(data.issues, data.mechanisms, filter)
    const counts = new Map(issues.map((i) => [i.id, data.mechanisms.filter((m) => m.issueIds.includes(i.id)).length]))
    return renderIssues(c, { issues, counts, filter, canPropose: can(c.var.actor, 'issue.propose') })
  })

  app.get('/issues/propose', async (c) => {
    const actor = await requireAccount(c, 'issue.propose')
    if (actor instanceof Response) return actor
    return renderPropose(c, {})
  })

  app.post('/issues/propose', async (c) => {
    const form = await parseForm(c, IssueProposalInput)
    if (!form.ok) return renderPropose(c, form, 422)
    const result = await proposeIssue(c.var.db, commandContext(c), { ...form.value, locale: c.var.i18n.locale })
    if (!result.ok) return respondError(c, result.error)
    return saved(c, `/issues/${result.value.slug}`, 'flash.issueProposed')
  })

  app.post('/issues/:id{[0-9]+}/revise', async (c) => {
    const form = await parseForm(c, ReviseInput)
    if (!form.ok)
      return can(c.var.actor, 'issue.triage')
        ? issuePage(c, idOf(c), form)
        : respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
    const result = await reviseIssue(c.var.db, commandContext(c), idOf(c), form.value)
    if (!result.ok) return respondError(c, result.error)
    const issue = await findIssue(c.var.db, idOf(c))
    return saved(c, `/issues/${issue?.slug ?? ''}`)
  })

  app.get('/issues/:slug', (c) => issuePage(c, c.req.param('slug')))

  app.get('/administration/issues', async (c) => {
    const actor = await requireAccount(c, 'issue.triage')
    if (actor instanceof Response) return actor
    return renderTriage(c, { proposed: await listIssues(c.var.db, ['proposed']) })
  })

  app.post('/issues/:id{[0-9]+}/triage', async (c) => {
    const form = await parseForm(c, TriageInput)
    if (!form.ok) {
      // a decision the buttons cannot send is a bad request; the rest comes back beside its field
      if (!can(c.var.actor, 'issue.triage') || form.issues.some((i) => i.path === 'decision'))
        return respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
      const proposed = await listIssues(c.var.db, ['proposed'])
      return renderTriage(c, { proposed, refused: { id: idOf(c), form } })
    }
    const result = await triageIssue(c.var.db, commandContext(c), idOf(c), form.value)
    if (!result.ok) return respondError(c, result.error)
    return saved(c, '/administration/issues')
  })

  app.get('/mechanisms/new', async (c) => {
    const actor = await requireAccount(c, 'mechanism.manage')
    if (actor instanceof Response) return actor
    return mechanismForm(c, {})
  })

  app.post('/mechanisms/new', async (c) => {
    const form = await parseForm(c, MechanismInput)
    if (!form.ok) return mechanismForm(c, form, 422)
    const result = await createMechanism(c.var.db, commandContext(c), form.value)
    if (!result.ok)
      return result.error.type === 'invalid'
        ? mechanismForm(c, { values: form.values, issues: result.error.issues }, 422)
        : respondError(c, result.error)
    return saved(c, `/mechanisms/${result.value.id}`)
  })

  app.get('/mechanisms', async (c) => {
    const filter = filterOf(c)
    const mechanisms = (await listMechanisms(c.var.db)).filter((m) => !filter.type || m.type === filter.type)
    return renderMechanisms(c, { mechanisms, organizations: await organizationsOf(c, mechanisms), filter })
  })

  app.get('/mechanisms/:id{[0-9]+}', async (c) => {
    const mechanism = await findMechanism(c.var.db, idOf(c))
    if (!mechanism) return respondError(c, { type: 'not_found', id: 'mechanism_not_found' })
    const [organization] = await findOrganizationsByIds(c.var.db, [mechanism.organizationId])
    const issues = (await listIssues(c.var.db)).filter((i) => mechanism.issueIds.includes(i.id))
    return renderMechanism(c, { mechanism, organization, issues })
  })

  registerMapRoutes(app)
}
