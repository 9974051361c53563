// The annual reports' pages and forms. Routes parse, call a command and answer; the commands
// authorize. The draft endpoint answers JSON to the page's autosave script and redirects a form.

import type { Context, Hono } from 'hono'
import { organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { COOKIES, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { fieldValues, readForm } from '../../core/http/forms.ts'
import { denied, requireAccount } from '../../core/http/guards.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { findOrganizationsByIds, listOrganizations, localized } from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'
import { openCycle, saveDraft, submitReport } from './commands.ts'
import {
  findCycle,
  findReport,
  findReportById,
  invitationsOf,
  listCycles,
  listCyclesWithCounts,
  reportsOf,
  versionsOf,
} from './queries.ts'
import { boardStatus } from './rules/report.ts'
import { synthesisDocx, synthesisOf } from './synthesis.ts'
import {
  contentValues,
  renderBoard,
  renderCycles,
  renderOpenCycle,
  renderReport,
  renderReportForm,
  renderSynthesis,
  valuesContent,
} from './views.tsx'

const baseUrl = (c: Context<AppEnv>) => c.var.deps.config.publicUrl ?? new URL(c.req.url).origin

export async function namesOf(c: Context<AppEnv>, organizationIds: number[]) {
  const locale = c.var.i18n.locale
  const [orgs, issues] = await Promise.all([findOrganizationsByIds(c.var.db, organizationIds), listIssues(c.var.db)])
  const orgNames = new Map(orgs.map((o) => [o.id, localized(o.name, locale)]))
  const issueNames = new Map(issues.map((i) => [i.slug, localized(i.name, locale)]))
  return {
    orgName: (id: number) => orgNames.get(id) ?? `#${id}`,
    issueName: (slug: string) => issueNames.get(slug) ?? slug,
    issues,
  }
}

const yearParam = (c: Context<AppEnv>) => idParam(c, 'year')

export function registerAnnualReportRoutes(app: Hono<AppEnv>): void {
  app.get('/annual-reports', async (c) => {
    const cycles = await listCyclesWithCounts(c.var.db)
    return renderCycles(c, { cycles, canManage: can(c.var.actor, 'annualReport.manage') })
  })

  const openForm = async (
    c: Context<AppEnv>,
    form: Parameters<typeof renderOpenCycle>[1]['form'],
    status?: 409 | 422,
  ) => {
    const { rows } = await listOrganizations(c.var.db, { limit: 1000, offset: 0 })
    return renderOpenCycle(c, { organizations: rows, form, ...(status ? { status } : {}) })
  }

  app.get('/annual-reports/new', async (c) => {
    const actor = await requireAccount(c, 'annualReport.manage')
    if (actor instanceof Response) return actor
    const year = c.var.deps.now().getUTCFullYear()
    return openForm(c, { values: { year: String(year), deadline: `${year + 1}-03-31` } })
  })

  app.post('/annual-reports', async (c) => {
    const values = await readForm(c)
    const year = Number(values.year)
    const deadline = String(values.deadline ?? '')
    const issues = [
      ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? [] : [{ path: 'year', code: 'validation.format' }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? [] : [{ path: 'deadline', code: 'validation.format' }]),
    ]
    if (issues.length) return openForm(c, { values, issues }, 422)
    const result = await openCycle(
      c.var.db,
      commandContext(c),
      { year, deadline, organizationIds: fieldValues(values, 'organizationIds').map(Number) },
      { messages: c.var.deps.messages, baseUrl: baseUrl(c) },
    )
    if (!result.ok) {
      if (result.error.type === 'invalid') return openForm(c, { values, issues: result.error.issues }, 422)
      if (result.error.type === 'conflict')
        return openForm(c, { values, issues: [{ path: 'year', code: 'errors.cycle_exists', values: { year } }] }, 409)
      return respondError(c, result.error)
    }
    writeCookie(c, COOKIES.flash, 'flash.cycleOpened', { maxAgeSeconds: 60 })
    return c.redirect(`/annual-reports/${year}`, 303)
  })

  app.get('/annual-reports/:year{[0-9]{4}}', async (c) => {
    const cycle = await findCycle(c.var.db, yearParam(c))
    if (!cycle) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
    const [invitations, reports] = await Promise.all([invitationsOf(c.var.db, cycle.id), reportsOf(c.var.db, cycle.id)])
    const today = c.var.deps.now().toISOString().slice(0, 10)
    const rows = invitations.map((i) => {
      const report = reports.find((r) => r.organizationId === i.organizationId)
      return { organizationId: i.organizationId, report, status: boardStatus(report, cycle.deadline, today) }
    })
    const names = await namesOf(
      c,
      rows.map((r) => r.organizationId),
    )
    const mine = organizationsOf(c.var.actor).filter((id) => rows.some((r) => r.organizationId === id))
    return renderBoard(c, { ...names, cycle, rows, writable: mine })
  })

  async function formContext(c: Context<AppEnv>) {
    const cycle = await findCycle(c.var.db, yearParam(c))
    const organizationId = idOrZero(c.req.query('organization'))
    if (!cycle) return respondError(c, { type: 'not_found', id: 'cycle_not_found' })
    if (!can(c.var.actor, 'annualReport.write', { organizationId })) return denied(c, 'annualReport.write')
    if (!(await invitationsOf(c.var.db, cycle.id)).some((i) => i.organizationId === organizationId))
      return respondError(c, { type: 'not_found', id: 'invitation_not_found' })
    return { cycle, organizationId }
  }

  app.get('/annual-reports/:year{[0-9]{4}}/report', async (c) => {
    const found = await formContext(c)
    if (found instanceof Response) return found
    const report = await findReport(c.var.db, found.cycle.id, found.organizationId)
    const names = await namesOf(c, [found.organizationId])
    return renderReportForm(c, { ...names, ...found, report, form: { values: contentValues(report?.draft ?? {}) } })
  })

  app.post('/annual-reports/:year{[0-9]{4}}/report/draft', async (c) => {
    const found = await formContext(c)
    if (found instanceof Response) return found
    const content = valuesContent(await readForm(c))
    const result = await saveDraft(c.var.db, commandContext(c), found.cycle.year, found.organizationId, content)
    if (!result.ok) return respondError(c, result.error)
    if (c.req.header('accept')?.includes('application/json'))
      return c.json({
        savedAt: result.value.savedAt.toISOString(),
        message: c.var.i18n.t('annualReports.form.savedAt', { date: c.var.i18n.dateTime(result.value.savedAt) }),
      })
    writeCookie(c, COOKIES.flash, 'flash.draftSaved', { maxAgeSeconds: 60 })
    return c.redirect(`/annual-reports/${found.cycle.year}/report?organization=${found.organizationId}`, 303)
  })

  app.post('/annual-reports/:year{[0-9]{4}}/report/submit', async (c) => {
    const found = await formContext(c)
    if (found instanceof Response) return found
    const values = await readForm(c)
    // what is on the screen is saved first, then submitted: nothing typed is lost
    const saved = await saveDraft(
      c.var.db,
      commandContext(c),
      found.cycle.year,
      found.organizationId,
      valuesContent(values),
    )
    if (!saved.ok) return respondError(c, saved.error)
    const result = await submitReport(c.var.db, commandContext(c), found.cycle.year, found.organizationId)
    if (!result.ok) {
      if (result.error.type !== 'invalid') return respondError(c, result.error)
      const report = await findReport(c.var.db, found.cycle.id, found.organizationId)
      const names = await namesOf(c, [found.organizationId])
      return renderReportForm(c, {
        ...names,
        ...found,
        report,
        form: { values, issues: result.error.issues },
        status: 422,
      })
    }
    const report = await findReport(c.var.db, found.cycle.id, found.organizationId)
    writeCookie(c, COOKIES.flash, 'flash.reportPublished', { maxAgeSeconds: 60 })
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
