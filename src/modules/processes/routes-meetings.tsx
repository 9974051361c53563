// A meeting's page and the record of its outcome.
import type { Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, readForm } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import { sectionsFor } from '../../core/ui/sections.ts'
import { recordMeetingOutcome } from './commands.ts'
import { meetingDetail } from './detail.ts'
import { filedDocuments } from './queries-documents.ts'
import { MeetingRecordInput } from './schemas.ts'
import { renderMeeting } from './views/meeting.tsx'

export function registerMeetingRoutes(app: Hono<AppEnv>): void {
  app.get('/meetings/:id', async (c) => {
    const detail = await meetingDetail(c.var.db, idParam(c), c.var.i18n.locale)
    if (!detail) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    const { meeting, process } = detail
    const [filed, inForce] = await Promise.all([
      filedDocuments(c.var.db, { meetingId: meeting.id }),
      // what other modules say is in force at the meeting (the negotiation's current revisions ...)
      sectionsFor(c, 'meeting', { id: meeting.id, bodyId: process.bodyId, processId: process.id }),
    ])
    return renderMeeting(c, {
      ...detail,
      filed,
      sections: inForce,
      canManage: can(c.var.actor, 'process.manage', { bodyId: process.bodyId }),
      canUpload: can(c.var.actor, 'meeting.document.upload'),
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
}
