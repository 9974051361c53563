// Pages of processes and meetings, and the forms that run them. Thin: parse, authorize
// (in the commands), call, render.
import type { Context, Hono } from 'hono'
import { chairedBodies, isStaff } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Result } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { sectionsFor } from '../../core/ui/sections.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { bodyChain, listBodies } from '../bodies/index.ts'
import {
  addDocument,
  changeProcessState,
  createProcess,
  extendCall,
  openCall,
  recordMeetingOutcome,
  scheduleMeeting,
} from './commands.ts'
import {
  agendaOf,
  attendanceOf,
  callsOf,
  documentsOf,
  findCall,
  findMeeting,
  findProcess,
  guidingQuestions,
  listProcesses,
  meetingsOf,
  phasesOf,
  stateChangesOf,
  transmissionsOf,
} from './queries.ts'
import { acceptsWrites } from './rules/lifecycle.ts'
import { localToInstant } from './rules/time.ts'
import { currentPhase, orderPhases } from './rules/timeline.ts'
import {
  CallInput,
  DocumentInput,
  ExtensionInput,
  MeetingInput,
  MeetingRecordInput,
  ProcessInput,
  ProcessStateInput,
} from './schemas.ts'
import { PHASE_KINDS } from './tables.ts'
import { renderCallForm, renderDocumentForm, renderMeetingForm, renderProcessForm } from './views/manage.tsx'
import { type MeetingView, renderMeeting } from './views/meeting.tsx'
import { renderProcess, renderProcesses } from './views/process.tsx'

/** Form values with the wall-clock fields turned into instants in the reader's time zone. */
function withInstants(values: FormValues, fields: string[], timeZone: string): Record<string, unknown> {
  const out = forSchema(values)
  for (const field of fields) {
    const value = out[field]
    if (typeof value !== 'string') continue
    const instant = localToInstant(value, timeZone)
    out[field] = instant ? instant.toISOString() : value
  }
  return out
}

/** A form's outcome: the redirect, the form again with its problems (422/409), or the error page. */
function formOutcome<T>(
  c: Context<AppEnv>,
  result: Result<T>,
  values: FormValues,
  onSuccess: (value: T) => Response,
  again: (form: FormState, status: 409 | 422) => Promise<Response>,
) {
  if (result.ok) return onSuccess(result.value)
  if (result.error.type === 'invalid') return again({ values, issues: result.error.issues }, 422)
  if (result.error.type === 'conflict' && result.error.id !== 'process_concluded')
    return again({ values, issues: [{ path: 'slug', code: `errors.${result.error.id}` }] }, 409)
  return respondError(c, result.error)
}

async function processView(c: Context<AppEnv>, db: Db, id: number) {
  const process = await findProcess(db, id)
  if (!process) return null
  const today = isoDate(c.var.deps.now())
  const [chain, questions, phases, calls, meetings, documents, transmissions, bodies, stateChanges] = await Promise.all(
    [
      bodyChain(db, process.bodyId),
      guidingQuestions(db, id),
      phasesOf(db, id),
      callsOf(db, id),
      meetingsOf(db, { processId: id }),
      documentsOf(db, id),
      transmissionsOf(db, id),
      listBodies(db),
      stateChangesOf(db, id),
    ],
  )
  const byId = new Map(bodies.map((b) => [b.id, b]))
  const ordered = orderPhases(phases)
  return {
    process,
    chain,
    questions,
    phases: ordered,
    current: currentPhase(ordered, today),
    calls,
    meetings,
    documents,
    transmissions: transmissions.map((t) => ({ ...t, toBody: byId.get(t.toBodyId) })),
    stateChanges,
  }
}

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
    return processFormPage(c, {})
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
    const result = parsed.ok
      ? await createProcess(c.var.db, commandContext(c), parsed.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: parsed.issues } } as const)
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
    const view = await processView(c, c.var.db, idParam(c))
    if (!view) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderProcess(c, {
      ...view,
      sections: await sectionsFor(c, 'process', { id: view.process.id, bodyId: view.process.bodyId }),
      headerSections: await sectionsFor(c, 'process', { id: view.process.id, bodyId: view.process.bodyId }, 'header'),
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

  /**
   * The process, when the actor may manage it and its record is open (or, with `afterConclusion`,
   * when the Secretariat may still add to it); or the response to send instead.
   */
  async function managedProcess(c: Context<AppEnv>, afterConclusion = false) {
    const process = await findProcess(c.var.db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    if (!can(c.var.actor, 'process.manage', { bodyId: process.bodyId })) {
      return denied(c, 'process.manage')
    }
    if (!acceptsWrites(process) && !(afterConclusion && isStaff(c.var.actor))) {
      return respondError(c, { type: 'conflict', id: 'process_concluded' })
    }
    return process
  }

  const callFormPage = async (c: Context<AppEnv>, processId: number, form: FormState, status?: 409 | 422) => {
    const process = await findProcess(c.var.db, processId)
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const questions = await guidingQuestions(c.var.db, processId)
    return renderCallForm(c, { process, questions, form, ...(status ? { status } : {}) })
  }

  app.get('/processes/:id/calls/new', async (c) => {
    const process = await managedProcess(c)
    if (process instanceof Response) return process
    return callFormPage(c, process.id, {})
  })

  app.post('/processes/:id/calls/new', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(CallInput, withInstants(values, ['opensAt', 'closesAt'], c.var.i18n.timeZone))
    const result = parsed.ok
      ? await openCall(c.var.db, commandContext(c), idParam(c), parsed.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: parsed.issues } } as const)
    return formOutcome(
      c,
      result,
      values,
      () => c.redirect(`/processes/${idParam(c)}#calls`, 303),
      (form, status) => callFormPage(c, idParam(c), form, status),
    )
  })

  app.post('/calls/:id/extend', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const values = await readForm(c)
    const parsed = parseWith(ExtensionInput, withInstants(values, ['until'], c.var.i18n.timeZone))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await extendCall(c.var.db, commandContext(c), call.id, parsed.value.until)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.callExtended')
    return c.redirect(`/processes/${call.processId}#calls`, 303)
  })

  const meetingFormPage = async (c: Context<AppEnv>, form: FormState, status?: 409 | 422) => {
    const process = await findProcess(c.var.db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderMeetingForm(c, { process, form, ...(status ? { status } : {}) })
  }

  app.get('/processes/:id/meetings/new', async (c) => {
    const process = await managedProcess(c)
    if (process instanceof Response) return process
    return meetingFormPage(c, {})
  })

  app.post('/processes/:id/meetings/new', async (c) => {
    const values = await readForm(c)
    const raw = withInstants(values, ['startsAt', 'endsAt'], c.var.i18n.timeZone)
    const input = {
      ...raw,
      timeZone: c.var.i18n.timeZone,
      liveCaptioning: Array.isArray(raw.liveCaptioning) ? raw.liveCaptioning.includes('true') : false,
      agenda:
        typeof raw.agenda === 'string'
          ? raw.agenda
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map((title) => ({ title }))
          : undefined,
    }
    const parsed = parseWith(MeetingInput, input)
    const result = parsed.ok
      ? await scheduleMeeting(c.var.db, commandContext(c), idParam(c), parsed.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: parsed.issues } } as const)
    return formOutcome(
      c,
      result,
      values,
      (m) => c.redirect(`/meetings/${m.id}`, 303),
      (form, status) => meetingFormPage(c, form, status),
    )
  })

  app.get('/meetings/:id', async (c) => {
    const { db, i18n } = c.var
    const meeting = await findMeeting(db, idParam(c))
    if (!meeting) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    const process = await findProcess(db, meeting.processId)
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const [agenda, attendance, documents, states] = await Promise.all([
      agendaOf(db, meeting.id),
      attendanceOf(db, meeting.id),
      documentsOf(db, process.id),
      listMemberStates(db),
    ])
    const stateByIso = new Map(states.map((s) => [s.iso3, s]))
    const orgs = new Map(
      (
        await findOrganizationsByIds(
          db,
          attendance.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
        )
      ).map((o) => [o.id, o]),
    )
    return renderMeeting(c, {
      meeting,
      process,
      agenda,
      documents: new Map(documents.map((d) => [d.id, d])),
      attendance: attendance.flatMap((a): MeetingView['attendance'] => {
        if (a.memberStateIso3) {
          const s = stateByIso.get(a.memberStateIso3)
          return [
            {
              kind: 'state' as const,
              name: s?.shortName[i18n.locale] ?? a.memberStateIso3,
              href: `/member-states/${a.memberStateIso3}`,
              mode: a.mode,
            },
          ]
        }
        const o = a.organizationId ? orgs.get(a.organizationId) : undefined
        return o
          ? [
              {
                kind: 'organization' as const,
                name: localized(o.name, i18n.locale),
                href: `/organizations/${o.slug}`,
                mode: a.mode,
              },
            ]
          : []
      }),
      canManage: can(c.var.actor, 'process.manage', { bodyId: process.bodyId }),
    })
  })

  app.post('/meetings/:id/outcome', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(MeetingRecordInput, { outcomeSummary: '', transcript: '', ...forSchema(values) })
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await recordMeetingOutcome(c.var.db, commandContext(c), idParam(c), parsed.value)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect(`/meetings/${idParam(c)}`, 303)
  })

  const documentFormPage = async (c: Context<AppEnv>, form: FormState, status?: 409 | 422) => {
    const process = await findProcess(c.var.db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderDocumentForm(c, { process, form, ...(status ? { status } : {}) })
  }

  app.get('/processes/:id/documents/new', async (c) => {
    // the Secretariat records corrigenda on a concluded process
    const process = await managedProcess(c, true)
    if (process instanceof Response) return process
    return documentFormPage(c, {})
  })

  app.post('/processes/:id/documents/new', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(DocumentInput, forSchema(values))
    const result = parsed.ok
      ? await addDocument(c.var.db, commandContext(c), idParam(c), parsed.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: parsed.issues } } as const)
    return formOutcome(
      c,
      result,
      values,
      () => c.redirect(`/processes/${idParam(c)}#documents`, 303),
      (form, status) => documentFormPage(c, form, status),
    )
  })
}
