// The negotiation's JSON API for writing around a process: open a negotiating document from a text, the Chair's
// silence procedures and a State's break of one. Each operation parses, then calls the command
// the HTML forms call.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { json, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import type { DomainError } from '../../core/result.ts'
import { DocumentSchema, IdParam, negotiatingDocumentJson } from './api.ts'
import { IDEMPOTENT, jsonBody, SilenceSchema, silenceJson, tags, writeRefusals } from './api-write-support.ts'
import { createDocument } from './commands-documents.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { readImport } from './import.ts'
import { BreakSilenceApiInput, DocumentApiInput, SilenceApiInput } from './schemas.ts'

const openDocumentRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/negotiation',
  operationId: 'createNegotiatingDocument',
  security: securityFor('negotiation.manage'),
  tags,
  summary: 'Open a negotiating document from a text (the Chair of the body, or the Secretariat)',
  description: `\`text\` is read as the importer reads pasted text: preambular paragraphs, numbered operative paragraphs, lettered sub-paragraphs, [brackets] kept. The zero draft is issued at once. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(DocumentApiInput) },
  responses: {
    201: json(z.object({ data: DocumentSchema }), 'Opened, as GET /negotiation/{id} answers it'),
    ...writeRefusals,
  },
})

const silenceRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/silence',
  operationId: 'circulateUnderSilence',
  security: securityFor('consensus.declare'),
  tags,
  summary: 'The Chair circulates paragraphs under a silence procedure until a deadline',
  description: `Unbroken at the deadline, the paragraphs are adopted; the deadline is at least 72 hours ahead. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(SilenceApiInput) },
  responses: { 201: json(z.object({ data: SilenceSchema }), 'Circulated'), ...writeRefusals },
})

const BreakAnswer = z.object({
  data: SilenceSchema.extend({
    objectedTo: z
      .array(z.number())
      .openapi({ description: 'The paragraphs this break records the State’s objection on' }),
  }),
})

const breakRoute = createRoute({
  method: 'post',
  path: '/silence/{id}/break',
  operationId: 'breakSilence',
  security: securityFor('position.take'),
  tags,
  summary: 'A State breaks a silence procedure on some or all of the paragraphs circulated',
  description: `The State’s formal objection is recorded on the paragraphs named (default: all circulated) and the break, with its reason, goes on the document’s record; the other paragraphs stay under silence. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(BreakSilenceApiInput) },
  responses: { 200: json(BreakAnswer, 'Broken on those paragraphs'), ...writeRefusals },
})

export function registerProcessWriteApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(openDocumentRoute, async (c) => {
    const input = c.req.valid('json')
    const imported = await readImport(null, input.text)
    if (!imported.ok) return apiError(c, imported.error as DomainError)
    const result = await createDocument(c.var.db, commandContext(c), {
      processId: c.req.valid('param').id,
      title: input.title,
      symbol: input.symbol,
      language: input.language,
      stakeholdersMayTable: input.stakeholdersMayTable,
      imported: imported.value,
    })
    if (!result.ok) return apiError(c, result.error)
    const data = await negotiatingDocumentJson(c.var.db, result.value.id)
    if (!data) return apiError(c, { type: 'not_found', id: 'negotiating_document_not_found' })
    c.header('Location', `/api/v1/negotiation/${data.id}`)
    return c.json({ data }, 201)
  })

  api.openapi(breakRoute, async (c) => {
    const input = c.req.valid('json')
    const silenceId = c.req.valid('param').id
    const ctx = commandContext(c)
    const result = await breakSilence(c.var.db, ctx, silenceId, input.memberState, input.reason, input.paragraphIds)
    if (!result.ok) return apiError(c, result.error)
    const silence = await silenceJson(c.var.db, silenceId)
    if (!silence) return apiError(c, { type: 'not_found', id: 'silence_not_found' })
    return c.json({ data: { ...silence, objectedTo: result.value.paragraphIds } }, 200)
  })

  api.openapi(silenceRoute, async (c) => {
    const result = await circulateUnderSilence(
      c.var.db,
      commandContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    if (!result.ok) return apiError(c, result.error)
    const data = await silenceJson(c.var.db, result.value.id)
    if (!data) return apiError(c, { type: 'not_found', id: 'silence_not_found' })
    return c.json({ data }, 201)
  })
}
