// The negotiating document's pages and the Chair's forms on the whole text: open a document, read
// it, record statements, issue and compare revisions. The forms on paragraphs and amendments are in
// routes-consensus.tsx, a paragraph's page in routes-paragraph.tsx. Routes parse, call a command and
// redirect; the commands authorize.
import type { Context, Hono } from 'hono'
import { delegationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { countOrNone, idOrZero, idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Issue } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { findProcess } from '../processes/index.ts'
import { namesFor, proposalsOf } from '../proposals/index.ts'
import { recordStatement } from './commands-consensus.ts'
import { createDocument, issueRevision } from './commands-documents.ts'
import { comparisonOf } from './comparison.ts'
import { documentWithBody } from './context.ts'
import { documentDetail } from './detail.ts'
import { readImport } from './import.ts'
import { findRevision, revisionsOf } from './queries.ts'
import { invalidForm, outcome } from './routes-support.ts'
import type { SnapshotParagraph } from './rules/compare.ts'
import { parseFilter } from './rules/filters.ts'
import type { ParsedDocument } from './rules/parse.ts'
import { DocumentInput, RevisionInput, StatementInput } from './schemas.ts'
import { type DocumentView, renderDocument } from './views/document.tsx'
import { renderNewDocument } from './views/new.tsx'
import { renderComparison, renderRevision, renderRevisions } from './views/revisions.tsx'

/** The document's read model (detail.ts), with what the reader asked for and may do. */
async function documentView(c: Context<AppEnv>, documentId: number): Promise<DocumentView | null> {
  const filter = parseFilter((name) => c.req.query(name))
  const detail = await documentDetail(c.var.db, documentId, { since: filter.since })
  if (!detail) return null
  const actor = c.var.actor
  const names = await namesFor(c, [])
  return {
    ...detail,
    filter,
    part: Math.floor(Number(c.req.query('part'))) || 1,
    stateName: names.stateName,
    can: {
      manage: can(actor, 'negotiation.manage', { bodyId: detail.bodyId }),
      declare: can(actor, 'consensus.declare', { bodyId: detail.bodyId }),
      delegations: delegationsOf(actor),
    },
  }
}

/** A document's page; with `silence`, the Chair's silence form holds what was typed and why it was refused. */
export async function documentPage(c: Context<AppEnv>, documentId: number, silence?: { form: FormState; status: 422 }) {
  const view = await documentView(c, documentId)
  if (!view) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' })
  return renderDocument(c, { ...view, ...(silence ? { silenceForm: silence.form, status: silence.status } : {}) })
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

  app.get('/negotiation/:id', (c) => documentPage(c, idParam(c)))

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
}
