// An organization's annual report: the form, its draft (answered as JSON to the page's autosave
// script, or a redirect to a form without scripts), the submission, and a published report.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { issuedRecommendations } from '../reports/index.ts'
import { saveDraft, submitReport } from './commands.ts'
import { namesOf } from './names.ts'
import { type Cycle, findCycle, findReport, findReportById, invitationsOf, listCycles, versionsOf } from './queries.ts'
import { ReportInput } from './schemas.ts'
import { renderReport } from './views/report.tsx'
import { contentValues, renderReportForm } from './views/report-form.tsx'

export const yearParam = (c: Context<AppEnv>) => idParam(c, 'year')

/** The cycle and the organization a report form is for, once the actor may write it. */
async function formContext(c: Context<AppEnv>): Promise<Response | { cycle: Cycle; organizationId: number }> {
  const cycle = await findCycle(c.var.db, yearParam(c))
  const organizationId = idOrZero(c.req.query('organization'))
  if (!cycle) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
  if (!can(c.var.actor, 'annualReport.write', { organizationId })) return denied(c, 'annualReport.write')
  if (!(await invitationsOf(c.var.db, cycle.id)).some((i) => i.organizationId === organizationId))
    return respondError(c, { type: 'not_found', id: 'invitation_not_found' })
  return { cycle, organizationId }
}

async function reportForm(
  c: Context<AppEnv>,
  found: { cycle: Cycle; organizationId: number },
  form?: FormState,
  status: 200 | 422 = 200,
) {
  const report = await findReport(c.var.db, found.cycle.id, found.organizationId)
  const [names, recommendations] = await Promise.all([
    namesOf(c, [found.organizationId]),
    issuedRecommendations(c.var.db),
  ])
  const shown = form ?? { values: contentValues(report?.draft ?? {}) }
  return renderReportForm(c, { ...names, ...found, report, recommendations, form: shown, status })
}

export function registerReportRoutes(app: Hono<AppEnv>): void {
  app.get('/annual-reports/:year{[0-9]{4}}/report', async (c) => {
    const found = await formContext(c)
    return found instanceof Response ? found : reportForm(c, found)
  })

  app.post('/annual-reports/:year{[0-9]{4}}/report/draft', async (c) => {
    const found = await formContext(c)
    if (found instanceof Response) return found
    const wantsJson = c.req.header('accept')?.includes('application/json')
    const form = await parseForm(c, ReportInput)
    if (!form.ok)
      return wantsJson
        ? respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
        : reportForm(c, found, form, 422)
    const { cycle, organizationId } = found
    const result = await saveDraft(c.var.db, commandContext(c), cycle.year, organizationId, form.value)
    if (!result.ok) return respondError(c, result.error)
    if (wantsJson)
      return c.json({
        savedAt: result.value.savedAt.toISOString(),
        message: c.var.i18n.t('annualReports.form.savedAt', { date: c.var.i18n.dateTime(result.value.savedAt) }),
      })
    flash(c, 'flash.draftSaved')
    return c.redirect(`/annual-reports/${cycle.year}/report?organization=${organizationId}`, 303)
  })

  app.post('/annual-reports/:year{[0-9]{4}}/report/submit', async (c) => {
    const found = await formContext(c)
    if (found instanceof Response) return found
    const form = await parseForm(c, ReportInput)
    // nothing over its limit is saved or submitted: the form comes back as typed
    if (!form.ok) return reportForm(c, found, form, 422)
    const { cycle, organizationId } = found
    // what is on the screen is saved first, then submitted: nothing typed is lost
    const saved = await saveDraft(c.var.db, commandContext(c), cycle.year, organizationId, form.value)
    if (!saved.ok) return respondError(c, saved.error)
    const result = await submitReport(c.var.db, commandContext(c), cycle.year, organizationId)
    if (!result.ok) {
      if (result.error.type !== 'invalid') return respondError(c, result.error)
      return reportForm(c, found, { values: form.values, issues: result.error.issues }, 422)
    }
    const report = await findReport(c.var.db, cycle.id, organizationId)
    flash(c, 'flash.reportPublished')
    return c.redirect(`/annual-reports/reports/${report?.id}`, 303)
  })

  app.get('/annual-reports/reports/:id{[0-9]+}', async (c) => {
    const report = await findReportById(c.var.db, idParam(c))
    if (!report || report.version === 0) return respondError(c, { type: 'not_found', id: 'annual_report_not_found' })
    const cycle = (await listCycles(c.var.db)).find((x) => x.id === report.cycleId)
    if (!cycle) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
    const names = await namesOf(c, [report.organizationId])
    return renderReport(c, { ...names, cycle, report, versions: await versionsOf(c.var.db, report.id) })
  })
}
