// The forms through which the Secretariat and a body's Chair run a process: calls for
// contributions and their extension, meetings, documents.
import type { Context, Hono } from 'hono'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, readForm } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { addDocument, extendCall, openCall, scheduleMeeting } from './commands.ts'
import { findCall, findProcess, guidingQuestions } from './queries.ts'
import { formOutcome, managedProcess, refused, withInstants } from './route-kit.ts'
import { CallInput, DocumentInput, ExtensionInput, MeetingInput } from './schemas.ts'
import { renderCallForm, renderDocumentForm, renderMeetingForm } from './views/manage.tsx'

export function registerProcessManagementRoutes(app: Hono<AppEnv>): void {
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
      : refused(parsed.issues)
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
      : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      (m) => c.redirect(`/meetings/${m.id}`, 303),
      (form, status) => meetingFormPage(c, form, status),
    )
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
      : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      () => c.redirect(`/processes/${idParam(c)}#documents`, 303),
      (form, status) => documentFormPage(c, form, status),
    )
  })
}
