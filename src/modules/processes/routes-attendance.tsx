// A meeting's attendance (recorded by the Secretariat or the body's Chair) and its list of
// participants, as a page and as Word.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { memberRows } from '../bodies/index.ts'
import { recordAttendance } from './commands.ts'
import { meetingDetail } from './detail.ts'
import { participantsOf } from './participants.ts'
import { participantsDocx } from './participants-docx.ts'
import { delegationsAt } from './queries.ts'
import { attendanceFromForm } from './rules/attendance-form.ts'
import { AttendanceInput } from './schemas.ts'
import { type AttendanceFormRow, renderAttendanceForm } from './views/attendance.tsx'
import { renderParticipants } from './views/participants.tsx'

export function registerAttendanceRoutes(app: Hono<AppEnv>): void {
  const formPage = async (c: Context<AppEnv>, form: FormState | null, status?: 409 | 422) => {
    const detail = await meetingDetail(c.var.db, idParam(c), c.var.i18n.locale)
    if (!detail) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    if (!can(c.var.actor, 'process.manage', { bodyId: detail.process.bodyId })) return denied(c, 'process.manage')
    const members = await memberRows(c.var.db, detail.process.bodyId, c.var.i18n.locale)
    const keyOf = (m: { memberStateIso3: string | null; organizationId: number | null }) =>
      m.memberStateIso3 ?? `org-${m.organizationId}`
    const rows: AttendanceFormRow[] = members.map((m) => ({ key: keyOf(m), name: m.name, standing: m.standing }))
    // what is recorded already, also for delegations that are not members of the body
    const recorded = await delegationsAt(c.var.db, [detail.meeting.id])
    const values: FormValues = {}
    for (const r of recorded) {
      const key = keyOf(r)
      const seen = detail.attendance.find((a) => keyOf(a) === key)
      if (!rows.some((row) => row.key === key)) rows.push({ key, name: seen?.name ?? key, standing: null })
      values[`entry.${key}.mode`] = r.mode
      const lines = (mode: string) =>
        r.people
          .filter((p) => p.mode === mode)
          .map((p) => (p.function ? `${p.name}, ${p.function}` : p.name))
          .join('\n')
      values[`entry.${key}.inPerson`] = lines('in_person')
      values[`entry.${key}.remote`] = lines('remote')
    }
    return renderAttendanceForm(c, {
      meeting: detail.meeting,
      process: detail.process,
      rows,
      form: form ?? { values },
      ...(status ? { status } : {}),
    })
  }

  app.get('/meetings/:id/attendance', (c) => formPage(c, null))

  app.post('/meetings/:id/attendance', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(AttendanceInput, attendanceFromForm(forSchema(values).entry))
    const result = parsed.ok
      ? await recordAttendance(c.var.db, commandContext(c), idParam(c), parsed.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: parsed.issues } } as const)
    if (result.ok) {
      flash(c, 'flash.saved')
      return c.redirect(`/meetings/${idParam(c)}/participants`, 303)
    }
    if (result.error.type === 'invalid') return formPage(c, { values, issues: result.error.issues }, 422)
    return respondError(c, result.error)
  })

  app.get('/meetings/:id/participants', async (c) => {
    const view = await participantsOf(c.var.db, idParam(c), c.var.i18n.locale)
    if (!view) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    return renderParticipants(c, view)
  })

  app.get('/meetings/:id/participants.docx', async (c) => {
    const { i18n } = c.var
    const view = await participantsOf(c.var.db, idParam(c), i18n.locale)
    if (!view) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    const t = i18n.t
    const file = await participantsDocx(
      view.list,
      {
        title: t('processes.participants.title'),
        meeting: `${view.meeting.title} (${i18n.date(view.meeting.startsAt)})`,
        memberStates: t('processes.participants.memberStates'),
        observers: t('processes.participants.observers'),
        stakeholders: t('processes.participants.stakeholders'),
        remote: t('processes.participants.remote'),
        none: t('processes.participants.none'),
      },
      i18n.dir === 'rtl',
    )
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': contentDisposition(`participants-meeting-${view.meeting.id}.docx`),
    })
  })
}
