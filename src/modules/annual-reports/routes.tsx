// The annual reports' pages: the cycles, opening one, a year's status board and its synthesis
// (page, Word, JSON). Routes parse (schemas.ts), call a command and answer; the commands
// authorize. The report form and a published report are in routes-report.tsx.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { listOrganizations } from '../actors/index.ts'
import { openCycle } from './commands.ts'
import { namesOf } from './names.ts'
import { findCycle, invitationsOf, listCyclesWithCounts, reportsOf } from './queries.ts'
import { registerReportRoutes, yearParam } from './routes-report.tsx'
import { boardStatus } from './rules/report.ts'
import { CycleInput } from './schemas.ts'
import { synthesisDocx, synthesisOf } from './synthesis.ts'
import { renderBoard, renderCycles, renderOpenCycle } from './views/cycles.tsx'
import { renderSynthesis } from './views/report.tsx'

async function openForm(c: Context<AppEnv>, form: FormState, status?: 409 | 422) {
  const { rows } = await listOrganizations(c.var.db, { limit: 1000, offset: 0 })
  return renderOpenCycle(c, { organizations: rows, form, ...(status ? { status } : {}) })
}

export function registerAnnualReportRoutes(app: Hono<AppEnv>): void {
  app.get('/annual-reports', async (c) => {
    const cycles = await listCyclesWithCounts(c.var.db)
    return renderCycles(c, { cycles, canManage: can(c.var.actor, 'annualReport.manage') })
  })

  app.get('/annual-reports/new', async (c) => {
    const actor = await requireAccount(c, 'annualReport.manage')
    if (actor instanceof Response) return actor
    const year = c.var.deps.now().getUTCFullYear()
    return openForm(c, { values: { year: String(year), deadline: `${year + 1}-03-31` } })
  })

  app.post('/annual-reports', async (c) => {
    const form = await parseForm(c, CycleInput)
    if (!form.ok) return openForm(c, form, 422)
    const { values } = form
    const { year } = form.value
    const result = await openCycle(c.var.db, commandContext(c), form.value)
    if (!result.ok) {
      if (result.error.type === 'invalid') return openForm(c, { values, issues: result.error.issues }, 422)
      if (result.error.type === 'conflict')
        return openForm(c, { values, issues: [{ path: 'year', code: 'errors.cycle_exists', values: { year } }] }, 409)
      return respondError(c, result.error)
    }
    flash(c, 'flash.cycleOpened')
    return c.redirect(`/annual-reports/${year}`, 303)
  })

  app.get('/annual-reports/:year{[0-9]{4}}', async (c) => {
    const cycle = await findCycle(c.var.db, yearParam(c))
    if (!cycle) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
    const [invitations, reports] = await Promise.all([invitationsOf(c.var.db, cycle.id), reportsOf(c.var.db, cycle.id)])
    const today = isoDate(c.var.deps.now())
    const rows = invitations.map((i) => {
      const report = reports.find((r) => r.organizationId === i.organizationId)
      return { organizationId: i.organizationId, report, status: boardStatus(report, cycle.deadline, today) }
    })
    const names = await namesOf(
      c,
      rows.map((r) => r.organizationId),
    )
    // representatives write their organization's report; the Secretariat may key in any invited one's
    const mine = rows
      .map((r) => r.organizationId)
      .filter((id) => can(c.var.actor, 'annualReport.write', { organizationId: id }))
    return renderBoard(c, { ...names, cycle, rows, writable: mine })
  })

  registerReportRoutes(app)

  app.get('/annual-reports/:year{[0-9]{4}}/:file{synthesis(\\.docx|\\.json)?}', async (c) => {
    const s = await synthesisOf(c.var.db, yearParam(c))
    if (!s) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
    const file = c.req.param('file')
    if (file === 'synthesis.json') return c.json({ data: s })
    const names = await namesOf(c, [
      ...new Set([
        ...s.issues.flatMap((i) => i.organizations),
        ...s.characteristics.flatMap((ch) => ch.entries.map((e) => e.organizationId)),
      ]),
    ])
    if (file === 'synthesis.docx')
      return c.body(new Uint8Array(await synthesisDocx(s, c.var.i18n, names)), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': contentDisposition(`synthesis-${s.cycle.year}.docx`),
      })
    return renderSynthesis(c, { ...names, ...s })
  })
}
