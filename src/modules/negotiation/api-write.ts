// The negotiation's JSON API for writing on a document, for the delegations' own tools: table an
// amendment, give a State's position, the Chair's adoption of a paragraph. Each operation parses,
// then calls the command the HTML forms call; the commands decide (roles, adopted text, stale
// quotations, concluded processes), this file only translates.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { json, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { AmendmentSchema, amendmentJson, IdParam, StandingSchema, standingJson } from './api.ts'
import {
  IDEMPOTENT,
  isRefusal,
  jsonBody,
  ParagraphSchema,
  paragraphJson,
  pathId,
  speakerOf,
  tags,
  writeRefusals,
} from './api-write-support.ts'
import { tableAmendment } from './commands-amendments.ts'
import { declare } from './commands-consensus.ts'
import { reopenParagraph } from './commands-lifecycle.ts'
import { takePosition } from './commands-positions.ts'
import { findAmendment, findParagraph } from './queries.ts'
import { standings } from './queries-standing.ts'
import { AmendmentApiInput, DeclarationApiInput, PositionApiInput, ReopenApiInput } from './schemas.ts'

export const ParagraphParams = z.object({ id: pathId('id'), paragraphId: pathId('paragraphId') })

const tableRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/amendments',
  operationId: 'tableAmendment',
  security: securityFor('amendment.table'),
  tags,
  summary: 'Table an amendment to a paragraph, for a State (or an organization, where stakeholders may table)',
  description: `\`quotedOld\` quotes the words as they stand (a stale quotation is refused); an adopted paragraph takes no amendment. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(AmendmentApiInput) },
  responses: { 201: json(z.object({ data: AmendmentSchema }), 'Tabled'), ...writeRefusals },
})

const PositionAnswer = z.object({
  data: z.object({ paragraph: z.number().nullable(), amendment: z.number().nullable(), standing: StandingSchema }),
})

const positionRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/positions',
  operationId: 'takePosition',
  security: securityFor('position.take'),
  tags,
  summary: 'Give a State’s position on a paragraph or an amendment of this document',
  description: `Only the State’s own delegates give its position; the State’s latest word counts (one State, one voice). ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(PositionApiInput) },
  responses: { 200: json(PositionAnswer, 'Where the States now stand'), ...writeRefusals },
})

const adoptRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/paragraphs/{paragraphId}/adopt',
  operationId: 'adoptParagraph',
  security: securityFor('consensus.declare'),
  tags,
  summary: 'The Chair declares a paragraph adopted by consensus',
  description: `Refused while a State’s formal objection stands. The body (a note) is optional. ${IDEMPOTENT}`,
  request: { params: ParagraphParams, body: jsonBody(DeclarationApiInput, false) },
  responses: { 200: json(z.object({ data: ParagraphSchema }), 'Adopted'), ...writeRefusals },
})

const reopenRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/paragraphs/{paragraphId}/reopen',
  operationId: 'reopenParagraph',
  security: securityFor('consensus.declare'),
  tags,
  summary: 'The Chair reopens an adopted, agreed ad ref or no-consensus paragraph, with a reason',
  description: `The reason goes on the document’s record and the paragraph goes back to negotiation (bracketed or proposed), so it takes amendments again. ${IDEMPOTENT}`,
  request: { params: ParagraphParams, body: jsonBody(ReopenApiInput) },
  responses: { 200: json(z.object({ data: ParagraphSchema }), 'Reopened'), ...writeRefusals },
})

/** A paragraph named in a path must be one of the path's document. */
export async function inDocument(c: Context<AppEnv>, documentId: number, paragraphId: number): Promise<boolean> {
  return (await findParagraph(c.var.db, paragraphId))?.documentId === documentId
}

export function registerNegotiationWriteApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(tableRoute, async (c) => {
    const documentId = c.req.valid('param').id
    const input = c.req.valid('json')
    const speaker = await speakerOf(c, input)
    if (isRefusal(speaker)) return apiError(c, speaker)
    const result = await tableAmendment(c.var.db, commandContext(c), documentId, {
      paragraphId: input.paragraphId,
      operation: input.operation,
      quotedOld: input.quotedOld,
      newText: input.newText,
      justification: input.note,
      speaker,
    })
    if (!result.ok) return apiError(c, result.error)
    const amendment = await findAmendment(c.var.db, result.value.id)
    if (!amendment) return apiError(c, { type: 'not_found', id: 'amendment_not_found' })
    const standing = await standings(c.var.db, 'amendment', [amendment.id])
    c.header('Location', `/negotiation/${documentId}`)
    return c.json({ data: amendmentJson(standing)(amendment) }, 201)
  })

  api.openapi(positionRoute, async (c) => {
    const documentId = c.req.valid('param').id
    const input = c.req.valid('json')
    const subjectType = input.paragraphId !== undefined ? 'paragraph' : 'amendment'
    const subjectId = (input.paragraphId ?? input.amendmentId) as number
    const result = await takePosition(c.var.db, commandContext(c), {
      subjectType,
      subjectId,
      memberStateIso3: input.memberState,
      position: input.position,
      note: input.note,
      // the command refuses a subject of another document than the path's
      documentId,
    })
    if (!result.ok) return apiError(c, result.error)
    const standing = (await standings(c.var.db, subjectType, [subjectId])).get(subjectId)
    const data = {
      paragraph: input.paragraphId ?? null,
      amendment: input.amendmentId ?? null,
      standing: standingJson(standing),
    }
    return c.json({ data }, 200)
  })

  api.openapi(adoptRoute, async (c) => {
    const { id, paragraphId } = c.req.valid('param')
    if (!(await inDocument(c, id, paragraphId))) return apiError(c, { type: 'not_found', id: 'paragraph_not_found' })
    const result = await declare(c.var.db, commandContext(c), paragraphId, 'adopted', c.req.valid('json').note ?? '')
    if (!result.ok) return apiError(c, result.error)
    const data = await paragraphJson(c.var.db, paragraphId)
    if (!data) return apiError(c, { type: 'not_found', id: 'paragraph_not_found' })
    return c.json({ data }, 200)
  })

  api.openapi(reopenRoute, async (c) => {
    const { id, paragraphId } = c.req.valid('param')
    const { reason } = c.req.valid('json')
    const result = await reopenParagraph(c.var.db, commandContext(c), paragraphId, reason, { documentId: id })
    if (!result.ok) return apiError(c, result.error)
    const data = await paragraphJson(c.var.db, paragraphId)
    if (!data) return apiError(c, { type: 'not_found', id: 'paragraph_not_found' })
    return c.json({ data }, 200)
  })
}
