// The forms the work on a text goes through: table, withdraw and decide amendments, give a State's
// position on a paragraph or an amendment, declare and reopen a paragraph, circulate under silence
// and break it, the committees' comments and the Secretariat's answers. Routes parse, call a
// command and redirect; the commands authorize.
import type { Hono } from 'hono'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, readForm } from '../../core/http/forms.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Issue } from '../../core/result.ts'
import { localToInstant } from '../processes/index.ts'
import { decideAmendment, tableAmendment, withdrawAmendment } from './commands-amendments.ts'
import { declare } from './commands-consensus.ts'
import { saveAmendmentDraft } from './commands-draft.ts'
import { reopenParagraph } from './commands-lifecycle.ts'
import { answerComment, postComment, takePosition } from './commands-positions.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { findAmendment, findParagraph } from './queries.ts'
import { documentPage } from './routes.tsx'
import { amendmentValues, paragraphPage } from './routes-paragraph.tsx'
import { cameFrom, invalidForm, outcome } from './routes-support.ts'
import {
  AmendmentInput,
  AnswerInput,
  BreakSilenceInput,
  CommentInput,
  DeclarationInput,
  PositionInput,
  ReopenInput,
  SilenceInput,
} from './schemas.ts'

export function registerConsensusRoutes(app: Hono<AppEnv>): void {
  app.post('/negotiation/:id/amendments', async (c) => {
    const documentId = idParam(c)
    const form = await readForm(c)
    const values = amendmentValues(form)
    const paragraph = await findParagraph(c.var.db, idOrZero(form.paragraphId))
    // an amendment tabled from elsewhere than its paragraph's page has no form to come back to
    if (!paragraph || paragraph.documentId !== documentId)
      return invalidForm(c, [{ path: 'paragraphId', code: 'negotiation.unknownParagraph' }])
    // what is on the screen is kept as the author's draft first: a refusal loses nothing
    if (c.var.actor.kind === 'account') await saveAmendmentDraft(c.var.db, commandContext(c), paragraph.id, values)
    const refused = (issues: Issue[], status: 409 | 422 = 422) =>
      paragraphPage(c, paragraph.id, { form: { values, issues }, status })
    const parsed = parseWith(AmendmentInput, forSchema(form))
    if (!parsed.ok) return refused(parsed.issues)
    const result = await tableAmendment(c.var.db, commandContext(c), documentId, parsed.value)
    if (!result.ok && result.error.type === 'invalid') return refused(result.error.issues)
    if (!result.ok && result.error.type === 'conflict')
      return refused([{ path: 'form', code: `errors.${result.error.id}`, values: result.error.values }], 409)
    return outcome(c, result, `/paragraphs/${parsed.value.paragraphId}#amendments`, 'flash.amendmentTabled')
  })

  app.post('/amendments/:id/withdraw', async (c) => {
    const amendment = await findAmendment(c.var.db, idParam(c))
    if (!amendment) return respondError(c, { type: 'not_found', id: 'amendment_not_found' })
    const result = await withdrawAmendment(c.var.db, commandContext(c), amendment.id)
    return outcome(c, result, `/paragraphs/${amendment.paragraphId}#amendment-${amendment.id}`)
  })

  app.post('/amendments/:id/decide', async (c) => {
    const amendment = await findAmendment(c.var.db, idParam(c))
    if (!amendment) return respondError(c, { type: 'not_found', id: 'amendment_not_found' })
    const decision = (await readForm(c)).decision
    if (decision !== 'incorporated' && decision !== 'rejected')
      return invalidForm(c, [{ path: 'decision', code: 'validation.required' }])
    const result = await decideAmendment(c.var.db, commandContext(c), amendment.id, decision)
    return outcome(c, result, `/paragraphs/${amendment.paragraphId}#amendment-${amendment.id}`)
  })

  for (const subjectType of ['paragraph', 'amendment'] as const) {
    app.post(`/${subjectType}s/:id/position`, async (c) => {
      const parsed = parseWith(PositionInput, forSchema(await readForm(c)))
      if (!parsed.ok) return invalidForm(c, parsed.issues)
      // the command finds and locks the subject (404 when there is none): no read of it here
      const result = await takePosition(c.var.db, commandContext(c), {
        subjectType,
        subjectId: idParam(c),
        ...parsed.value,
      })
      // back to the paragraph's own page, where the position was given
      const back = !result.ok
        ? '/'
        : subjectType === 'amendment'
          ? `/paragraphs/${result.value.paragraphId}#amendment-${idParam(c)}`
          : `/paragraphs/${result.value.paragraphId}`
      return outcome(c, result, back, 'flash.positionRecorded')
    })
  }

  app.post('/paragraphs/:id/declare', async (c) => {
    const paragraph = await findParagraph(c.var.db, idParam(c))
    if (!paragraph) return respondError(c, { type: 'not_found', id: 'paragraph_not_found' })
    const parsed = parseWith(DeclarationInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await declare(
      c.var.db,
      commandContext(c),
      paragraph.id,
      parsed.value.declaration,
      parsed.value.note ?? '',
    )
    return outcome(c, result, `/paragraphs/${paragraph.id}`)
  })

  app.post('/paragraphs/:id/reopen', async (c) => {
    const parsed = parseWith(ReopenInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await reopenParagraph(c.var.db, commandContext(c), idParam(c), parsed.value.reason)
    return outcome(c, result, `/paragraphs/${idParam(c)}`, 'flash.paragraphReopened')
  })

  app.post('/negotiation/:id/silence', async (c) => {
    const typed = await readForm(c)
    const values = forSchema(typed)
    const deadline = typeof values.deadline === 'string' ? localToInstant(values.deadline, c.var.i18n.timeZone) : null
    const parsed = parseWith(SilenceInput, { ...values, deadline: deadline?.toISOString() ?? values.deadline })
    // refused: the document's page again, the Chair's form holding the paragraphs ticked and the deadline typed
    const refused = (issues: Issue[]) => documentPage(c, idParam(c), { form: { values: typed, issues }, status: 422 })
    if (!parsed.ok) return refused(parsed.issues)
    const result = await circulateUnderSilence(c.var.db, commandContext(c), idParam(c), parsed.value)
    if (!result.ok && result.error.type === 'invalid') return refused(result.error.issues)
    return outcome(c, result, `/negotiation/${idParam(c)}`, 'flash.silenceCirculated')
  })

  app.post('/silences/:id/break', async (c) => {
    const parsed = parseWith(BreakSilenceInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await breakSilence(
      c.var.db,
      commandContext(c),
      idParam(c),
      parsed.value.memberStateIso3,
      parsed.value.note ?? '',
      parsed.value.paragraphIds,
    )
    const back = cameFrom(c)
    return outcome(c, result, back, 'flash.silenceBroken')
  })

  app.post('/negotiation/:id/comments', async (c) => {
    const parsed = parseWith(CommentInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await postComment(c.var.db, commandContext(c), idParam(c), parsed.value)
    const back = parsed.value.paragraphId
      ? `/paragraphs/${parsed.value.paragraphId}#comments`
      : `/negotiation/${idParam(c)}`
    return outcome(c, result, back)
  })

  app.post('/comments/:id/answer', async (c) => {
    const parsed = parseWith(AnswerInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await answerComment(c.var.db, commandContext(c), idParam(c), parsed.value.answer)
    const back = cameFrom(c)
    return outcome(c, result, back)
  })
}
