// Pages of processes: the list, a new process (with its recurrence), a process's page and its
// changes of state. Thin: parse, authorize (in the commands), call, render. Calls, meetings and
// documents are in routes-manage.tsx, a meeting's page in routes-meetings.tsx.
import type { Context, Hono } from 'hono'
import { chairedBodies, isStaff } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, readForm } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { sectionsFor } from '../../core/ui/sections.ts'
import { listBodies } from '../bodies/index.ts'
import { changeProcessState, createProcess } from './commands.ts'
import { processDetail } from './detail.ts'
import { listProcesses } from './queries.ts'
import { formOutcome, refused } from './route-kit.ts'
import { registerAttendanceRoutes } from './routes-attendance.tsx'
import { registerDocumentRoutes } from './routes-documents.tsx'
import { registerProcessManagementRoutes } from './routes-manage.tsx'
import { registerMeetingRoutes } from './routes-meetings.tsx'
import { ProcessInput, ProcessStateInput } from './schemas.ts'
import { PHASE_KINDS } from './tables.ts'
import { renderProcessForm } from './views/manage.tsx'
import { renderProcess, renderProcesses } from './views/process.tsx'

export function registerProcessRoutes(app: Hono<AppEnv>): void {
  app.get('/processes', async (c) => {
    const [processes, bodies] = await Promise.all([listProcesses(c.var.db), listBodies(c.var.db)])
    return renderProcesses(c, { processes, bodies: new Map(bodies.map((b) => [b.id, b])) })
  })

  const processFormPage = async (c: Context<AppEnv>, form: FormState, status?: 409 | 422) =>
    renderProcessForm(c, {
      // a Chair starts processes of the bodies they chair only
      bodies: (await listBodies(c.var.db)).filter((b) => can(c.var.actor, 'process.manage', { bodyId: b.id })),
      form,
      ...(status ? { status } : {}),
    })

  app.get('/processes/new', async (c) => {
    const { actor } = c.var
    if (actor.kind === 'anonymous') return respondError(c, { type: 'unauthenticated', id: 'sign_in_required' })
    // the Secretariat, or a Chair (who may start processes of the bodies they chair)
    if (!isStaff(actor) && chairedBodies(actor).length === 0)
      return respondError(c, { type: 'forbidden', id: 'forbidden:process.manage' })
    return processFormPage(c, { values: { recurrence: 'none' } })
  })

  app.post('/processes/new', async (c) => {
    const values = await readForm(c)
    const raw = forSchema(values)
    // the form's shape: questions one per line, phases as phase.<kind>.startsOn/endsOn
    const phases = raw.phase as Record<string, { startsOn?: string; endsOn?: string }> | undefined
    const input = {
      ...raw,
      phase: undefined,
      questions:
        typeof raw.questions === 'string'
          ? raw.questions
              .split(/\r?\n/)
              .map((q) => q.trim())
              .filter(Boolean)
          : undefined,
      phases: PHASE_KINDS.flatMap((kind) => {
        const p = phases?.[kind]
        return p?.startsOn || p?.endsOn ? [{ kind, startsOn: p.startsOn, endsOn: p.endsOn }] : []
      }),
    }
    const parsed = parseWith(ProcessInput, input)
    const result = parsed.ok ? await createProcess(c.var.db, commandContext(c), parsed.value) : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      (p) => c.redirect(`/processes/${p.id}`, 303),
      (form, status) => processFormPage(c, form, status),
    )
  })

  /** A process's page; with a refused change of state, the form again with its reason (422/409). */
  async function processPage(c: Context<AppEnv>, stateForm?: FormState, status?: 409 | 422) {
    const view = await processDetail(c.var.db, idParam(c), c.var.deps.now())
    if (!view) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    // the calls go to the sections with the process: read once here, not once more by each section
    const subject = { id: view.process.id, bodyId: view.process.bodyId, calls: view.calls }
    const [sections, headerSections] = await Promise.all([
      sectionsFor(c, 'process', subject),
      sectionsFor(c, 'process', subject, 'header'),
    ])
    return renderProcess(c, {
      ...view,
      sections,
      headerSections,
      canManage: can(c.var.actor, 'process.manage', { bodyId: view.process.bodyId }),
      isSecretariat: isStaff(c.var.actor),
      ...(stateForm ? { stateForm } : {}),
      ...(status ? { status } : {}),
    })
  }

  app.get('/processes/:id', (c) => processPage(c))

  app.post('/processes/:id/state', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(ProcessStateInput, forSchema(values))
    if (!parsed.ok) return processPage(c, { values, issues: parsed.issues }, 422)
    const { state, reason } = parsed.value
    const result = await changeProcessState(
      c.var.db,
      commandContext(c),
      idParam(c),
      state === 'active' ? { to: 'active', reason } : { to: state },
    )
    if (!result.ok) {
      if (result.error.type === 'invalid') return processPage(c, { values, issues: result.error.issues }, 422)
      return respondError(c, result.error)
    }
    flash(c, 'flash.saved')
    return c.redirect(`/processes/${idParam(c)}`, 303)
  })

  registerProcessManagementRoutes(app)
  registerMeetingRoutes(app)
  registerAttendanceRoutes(app)
  registerDocumentRoutes(app)
}
