// The Secretariat's report page and its forms: the issue, the attribution of divergent views, the
// transmission and the follow-up. Routes parse (schemas.ts), call a command (which authorizes) and
// answer; a refused form comes back with what was typed and the reason beside the field.
import type { Context, Hono } from 'hono'
import { isoDate } from '../../core/dates.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { Issue, Result } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { bodyName, listBodies } from '../bodies/index.ts'
import { documentsOf, revisionListOf } from '../negotiation/index.ts'
import { listProcesses } from '../processes/index.ts'
import { attributeDivergentView, correctReportIssue, issueReport, recordFollowUp, transmitReport } from './commands.ts'
import { divergentChoices, findIssue } from './queries.ts'
import { assembleReport } from './report.ts'
import { AttributionInput, FollowUpInput, IssueInput, TransmissionInput } from './schemas.ts'
import { type IssueForm, renderIssuePage } from './views/issue.tsx'

interface Refused {
  form: IssueForm
  state: FormState
  status: 409 | 422
  paragraphId?: number
}

async function issuePage(c: Context<AppEnv>, processId: number, refused?: Refused) {
  const db = c.var.db
  const report = await assembleReport(db, processId, c.var.i18n.locale)
  if (!report) return respondError(c, { type: 'not_found', id: 'process_not_found' })
  const [issue, choices, documents, bodies, processes] = await Promise.all([
    findIssue(db, processId),
    divergentChoices(db, processId),
    documentsOf(db, processId),
    listBodies(db),
    listProcesses(db),
  ])
  const withRevisions = await Promise.all(
    documents.map(async (d) => ({ id: d.id, title: d.title, revisions: await revisionListOf(db, d.id) })),
  )
  const today = isoDate(c.var.deps.now())
  const issueValues: FormValues = issue
    ? {
        documentId: String(issue.documentId),
        revision: issue.revision === null ? '' : String(issue.revision),
        symbol: issue.symbol,
        distribution: issue.distribution,
        issuedOn: issue.issuedOn,
        originalLanguage: issue.originalLanguage,
        agendaItem: issue.agendaItem,
        session: issue.session,
      }
    : {
        documentId: String(report.document?.id ?? ''),
        distribution: 'general',
        issuedOn: report.date,
        originalLanguage: report.document?.language ?? 'en',
      }
  const parent = bodies.find((b) => b.id === report.body.parentBodyId)
  const forms: Partial<Record<IssueForm, FormState>> = {
    issue: { values: issueValues },
    transmission: {
      values: { toBodyId: parent ? String(parent.id) : '', symbol: issue?.symbol ?? '', transmittedOn: today },
    },
    followUp: { values: { year: today.slice(0, 4), status: 'under_way', sourceKind: 'resolution' } },
  }
  if (refused && refused.form !== 'attribution') forms[refused.form] = refused.state
  if (refused?.form === 'attribution') forms.attribution = refused.state
  return renderIssuePage(c, {
    process: { id: report.process.id, title: report.process.title },
    documents: withRevisions,
    divergentViews: report.divergentViews.map((v) => ({
      id: v.id,
      label: v.label,
      text: v.text,
      attribution: choices.get(v.id)?.attribution ?? 'participants',
      memberStates: choices.get(v.id)?.memberStates ?? [],
    })),
    recommendations: report.recommendations.filter((r) => r.kind === 'operative'),
    bodies: bodies
      .filter((b) => b.id !== report.body.id)
      .map((b) => ({ id: b.id, name: bodyName(b, c.var.i18n.locale) })),
    processes: processes.filter((p) => p.id !== processId).map((p) => ({ id: p.id, bodyId: p.bodyId, title: p.title })),
    issued: Boolean(issue),
    forms,
    ...(refused?.paragraphId ? { refusedParagraphId: refused.paragraphId } : {}),
    ...(refused ? { status: refused.status } : {}),
  })
}

/** The answer to a command: back to the page with a flash, or the form again with its issues. */
async function answer(
  c: Context<AppEnv>,
  processId: number,
  form: IssueForm,
  values: FormValues,
  result: Result<unknown>,
  done: string,
  paragraphId?: number,
) {
  if (result.ok) {
    flash(c, done)
    return c.redirect(`/processes/${processId}/report/issue#${form === 'followUp' ? 'follow-up' : form}`, 303)
  }
  const error = result.error
  const issues: Issue[] | null =
    error.type === 'invalid' ? error.issues : error.type === 'conflict' ? conflictIssues(form, error.id) : null
  if (!issues) return respondError(c, error)
  const status = error.type === 'conflict' ? 409 : 422
  return issuePage(c, processId, { form, state: { values, issues }, status, ...(paragraphId ? { paragraphId } : {}) })
}

/** A refusal by the state of the record, beside the field it concerns. */
function conflictIssues(form: IssueForm, id: string): Issue[] {
  if (id === 'report_symbol_taken') return [{ path: 'symbol', code: 'reports.symbolTaken' }]
  if (id === 'report_already_issued') return [{ path: 'symbol', code: 'reports.issue.alreadyIssued' }]
  return [{ path: form === 'issue' ? 'documentId' : 'form', code: 'reports.issue.notIssued' }]
}

export function registerIssueRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:id/report/issue', async (c) => {
    const actor = await requireAccount(c, 'report.issue')
    if (actor instanceof Response) return actor
    return issuePage(c, idParam(c))
  })

  app.post('/processes/:id/report/issue', async (c) => {
    // only the Secretariat: nobody else sees the form again, even refused
    const actor = await requireAccount(c, 'report.issue')
    if (actor instanceof Response) return actor
    const processId = idParam(c)
    const form = await parseForm(c, IssueInput)
    if (!form.ok)
      return answer(
        c,
        processId,
        'issue',
        form.values,
        { ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.issues } },
        '',
      )
    // the page's one form issues the report, then corrects it (a double-click corrects nothing)
    const issued = await findIssue(c.var.db, processId)
    const result = await (issued ? correctReportIssue : issueReport)(c.var.db, commandContext(c), processId, form.value)
    return answer(c, processId, 'issue', form.values, result, 'reports.issue.saved')
  })

  app.post('/processes/:id/report/attribution', async (c) => {
    // only the Secretariat: nobody else sees the form again, even refused
    const actor = await requireAccount(c, 'report.issue')
    if (actor instanceof Response) return actor
    const processId = idParam(c)
    const form = await parseForm(c, AttributionInput)
    const paragraphId = Number(form.values.paragraphId) || undefined
    if (!form.ok)
      return answer(
        c,
        processId,
        'attribution',
        form.values,
        { ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.issues } },
        '',
        paragraphId,
      )
    const result = await attributeDivergentView(c.var.db, commandContext(c), processId, form.value)
    return answer(c, processId, 'attribution', form.values, result, 'reports.attribution.saved', paragraphId)
  })

  app.post('/processes/:id/report/transmission', async (c) => {
    // only the Secretariat: nobody else sees the form again, even refused
    const actor = await requireAccount(c, 'report.transmit')
    if (actor instanceof Response) return actor
    const processId = idParam(c)
    const form = await parseForm(c, TransmissionInput)
    if (!form.ok)
      return answer(
        c,
        processId,
        'transmission',
        form.values,
        { ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.issues } },
        '',
      )
    const report = await assembleReport(c.var.db, processId, c.var.i18n.locale)
    const title = c.var.i18n.t('reports.reportOf', { body: report?.body.name ?? '' })
    const result = await transmitReport(c.var.db, commandContext(c), processId, form.value, title)
    return answer(c, processId, 'transmission', form.values, result, 'reports.transmission.recorded')
  })

  app.post('/processes/:id/report/follow-up', async (c) => {
    // only the Secretariat: nobody else sees the form again, even refused
    const actor = await requireAccount(c, 'report.follow_up')
    if (actor instanceof Response) return actor
    const processId = idParam(c)
    const form = await parseForm(c, FollowUpInput)
    if (!form.ok)
      return answer(
        c,
        processId,
        'followUp',
        form.values,
        { ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.issues } },
        '',
      )
    const result = await recordFollowUp(c.var.db, commandContext(c), processId, form.value)
    return answer(c, processId, 'followUp', form.values, result, 'reports.followUp.recorded')
  })
}
