// The negotiating document's pages and forms: open a document, read it, table amendments, give
// positions, declare, record statements, issue and compare revisions, silence procedures, the
// committees' comments. Routes parse, call a command and redirect; the commands authorize.

import type { Context, Hono } from 'hono'
import { delegationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { countOrNone, idOrZero, idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Issue, Result } from '../../core/result.ts'
import { findProcess, localToInstant } from '../processes/index.ts'
import { namesFor, proposalsOf } from '../proposals/index.ts'
import { decideAmendment, tableAmendment, withdrawAmendment } from './commands-amendments.ts'
import { createDocument, declare, issueRevision, recordStatement } from './commands-documents.ts'
import { reopenParagraph } from './commands-lifecycle.ts'
import { answerComment, postComment, takePosition } from './commands-positions.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { comparisonOf } from './comparison.ts'
import { documentWithBody } from './context.ts'
import { readImport } from './import.ts'
import {
  findAmendment,
  findParagraph,
  findRevision,
  paragraphsOf,
  revisionsOf,
  silencesOf,
  statementsOf,
} from './queries.ts'
import { openAmendmentCounts, paragraphTallies, revisionListOf, snapshotTexts } from './queries-page.ts'
import type { SnapshotParagraph } from './rules/compare.ts'
import { parseFilter } from './rules/filters.ts'
import type { ParsedDocument } from './rules/parse.ts'
import {
  AmendmentInput,
  AnswerInput,
  BreakSilenceInput,
  CommentInput,
  DeclarationInput,
  DocumentInput,
  PositionInput,
  ReopenInput,
  RevisionInput,
  SilenceInput,
  StatementInput,
} from './schemas.ts'
import { renderDocument } from './views/document.tsx'
import { renderNewDocument } from './views/new.tsx'
import { renderComparison, renderRevision, renderRevisions } from './views/revisions.tsx'

// the one id reader (core/http/ids.ts), re-exported for this module's other route files
export { flash, idParam, namesFor }

/** A command's outcome as a redirect back with a message, or the error page. */
export function outcome(c: Context<AppEnv>, result: Result<unknown>, back: string, message = 'flash.saved') {
  if (!result.ok) return respondError(c, result.error)
  flash(c, message)
  return c.redirect(back, 303)
}

function invalidForm(c: Context<AppEnv>, issues: Issue[]) {
  return respondError(c, { type: 'invalid', id: 'invalid_input', issues })
}

async function documentView(c: Context<AppEnv>, db: Db, documentId: number) {
  const found = await documentWithBody(db, documentId)
  if (!found) return null
  const { document, process, bodyId } = found
  const filter = parseFilter((name) => c.req.query(name))
  const [paragraphs, openAmendments, statements, revisions, silences, before] = await Promise.all([
    paragraphsOf(db, document.id),
    openAmendmentCounts(db, document.id),
    statementsOf(db, document.id),
    revisionListOf(db, document.id),
    silencesOf(db, document.id),
    filter.since === null ? null : snapshotTexts(db, document.id, filter.since),
  ])
  const tallies = await paragraphTallies(db, document.id)
  const actor = c.var.actor
  const names = await namesFor(c, [])
  return {
    document,
    process,
    paragraphs,
    tallies,
    openAmendments,
    statements,
    revisions,
    silences,
    filter,
    part: Math.floor(Number(c.req.query('part'))) || 1,
    before,
    stateName: names.stateName,
    can: {
      manage: can(actor, 'negotiation.manage', { bodyId }),
      declare: can(actor, 'consensus.declare', { bodyId }),
      delegations: delegationsOf(actor),
    },
  }
}

export function registerNegotiationRoutes(app: Hono<AppEnv>): void {
  app.get('/negotiation/new', async (c) => {
    const process = await findProcess(c.var.db, idOrZero(c.req.query('process')))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    if (!can(c.var.actor, 'negotiation.manage', { bodyId: process.bodyId })) return denied(c, 'negotiation.manage')
    const proposals = (await proposalsOf(c.var.db, process.id)).filter(
      (p) => p.status === 'submitted' || p.status === 'under_discussion',
    )
    return renderNewDocument(c, { process, proposals, form: { values: { language: 'en' } } })
  })

  app.post('/negotiation', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const values: FormValues = {}
    let file: File | null = null
    for (const [key, value] of Object.entries(body)) {
      if (key === '_csrf') continue
      const list = Array.isArray(value) ? value : [value]
      if (key === 'file') file = list.find((v): v is File => v instanceof File && v.size > 0) ?? null
      else {
        const strings = list.filter((v): v is string => typeof v === 'string')
        values[key.replace(/\[\]$/, '')] = key.endsWith('[]') ? strings : (strings[0] ?? '')
      }
    }
    const process = await findProcess(c.var.db, idOrZero(values.processId))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const again = async (issues: Issue[]) => {
      const proposals = (await proposalsOf(c.var.db, process.id)).filter(
        (p) => p.status === 'submitted' || p.status === 'under_discussion',
      )
      return renderNewDocument(c, { process, proposals, form: { values, issues }, status: 422 })
    }
    const parsed = parseWith(DocumentInput, {
      ...forSchema(values),
      stakeholdersMayTable: values.stakeholdersMayTable?.includes('true') ?? false,
    })
    if (!parsed.ok) return again(parsed.issues)
    const input = parsed.value
    let imported: ParsedDocument | undefined
    if (input.source === 'text') {
      const read = await readImport(file, input.text)
      if (!read.ok) return read.error.type === 'invalid' ? again(read.error.issues) : respondError(c, read.error)
      imported = read.value
    }
    if (input.source === 'proposals' && !input.proposalIds?.length)
      return again([{ path: 'proposalIds', code: 'validation.required' }])
    const result = await createDocument(c.var.db, commandContext(c), {
      processId: input.processId,
      title: input.title,
      symbol: input.symbol,
      enactingFormula: input.enactingFormula,
      stakeholdersMayTable: input.stakeholdersMayTable,
      language: input.language,
      imported,
      proposalIds: input.source === 'proposals' ? input.proposalIds : undefined,
    })
    if (!result.ok) return result.error.type === 'invalid' ? again(result.error.issues) : respondError(c, result.error)
    flash(c, 'flash.documentCreated')
    return c.redirect(`/negotiation/${result.value.id}`, 303)
  })

  app.get('/negotiation/:id', async (c) => {
    const view = await documentView(c, c.var.db, idParam(c))
    if (!view) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' })
    return renderDocument(c, view)
  })

  app.post('/negotiation/:id/amendments', async (c) => {
    const documentId = idParam(c)
    const parsed = parseWith(AmendmentInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await tableAmendment(c.var.db, commandContext(c), documentId, parsed.value)
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
      const subject =
        subjectType === 'paragraph'
          ? await findParagraph(c.var.db, idParam(c))
          : await findAmendment(c.var.db, idParam(c))
      if (!subject) return respondError(c, { type: 'not_found', id: `${subjectType}_not_found` })
      const result = await takePosition(c.var.db, commandContext(c), {
        subjectType,
        subjectId: subject.id,
        ...parsed.value,
      })
      // back to the paragraph's own page, where the position was given
      const back =
        'paragraphId' in subject
          ? `/paragraphs/${subject.paragraphId}#amendment-${subject.id}`
          : `/paragraphs/${subject.id}`
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

  app.post('/negotiation/:id/statements', async (c) => {
    const parsed = parseWith(StatementInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await recordStatement(c.var.db, commandContext(c), idParam(c), parsed.value)
    return outcome(c, result, `/negotiation/${idParam(c)}#record`)
  })

  app.post('/negotiation/:id/revisions', async (c) => {
    const parsed = parseWith(RevisionInput, forSchema(await readForm(c)))
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await issueRevision(c.var.db, commandContext(c), idParam(c), parsed.value.changeNote ?? '')
    return outcome(c, result, `/negotiation/${idParam(c)}/revisions`, 'flash.revisionIssued')
  })

  app.get('/negotiation/:id/revisions', async (c) => {
    const found = await documentWithBody(c.var.db, idParam(c))
    if (!found) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' })
    return renderRevisions(c, { document: found.document, revisions: await revisionsOf(c.var.db, found.document.id) })
  })

  app.get('/negotiation/:id/revisions/:number{[0-9]+}', async (c) => {
    const found = await documentWithBody(c.var.db, idParam(c))
    const revision = found
      ? await findRevision(c.var.db, found.document.id, countOrNone(c.req.param('number')))
      : undefined
    if (!found || !revision) return respondError(c, { type: 'not_found', id: 'revision_not_found' })
    return renderRevision(c, {
      document: found.document,
      revision,
      paragraphs: revision.snapshot as SnapshotParagraph[],
    })
  })

  app.get('/negotiation/:id/compare', async (c) => {
    const view = await comparisonOf(
      c.var.db,
      idParam(c),
      countOrNone(c.req.query('from')),
      countOrNone(c.req.query('to')),
    )
    if (!view) return respondError(c, { type: 'not_found', id: 'revision_not_found' })
    return renderComparison(c, view)
  })

  app.post('/negotiation/:id/silence', async (c) => {
    const values = forSchema(await readForm(c))
    const deadline = typeof values.deadline === 'string' ? localToInstant(values.deadline, c.var.i18n.timeZone) : null
    const parsed = parseWith(SilenceInput, { ...values, deadline: deadline?.toISOString() ?? values.deadline })
    if (!parsed.ok) return invalidForm(c, parsed.issues)
    const result = await circulateUnderSilence(c.var.db, commandContext(c), idParam(c), parsed.value)
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
    const back = c.req.header('referer')?.startsWith(new URL(c.req.url).origin)
      ? (c.req.header('referer') as string)
      : '/'
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
    const back = c.req.header('referer')?.startsWith(new URL(c.req.url).origin)
      ? (c.req.header('referer') as string)
      : '/'
    return outcome(c, result, back)
  })
}
