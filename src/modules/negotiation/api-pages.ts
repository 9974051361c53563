// The negotiation's paginated reads: each State's current position on a paragraph or an amendment,
// and a document's amendments (optionally of one status) with their standing summaries, so the
// document itself stays a summary at any size. Public reads.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, listOf, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { findAmendment, findDocument, findParagraph } from './queries.ts'
import { amendmentsPage, positionsBySubject } from './queries-page.ts'
import { POSITIONS, type Tally } from './rules/consensus.ts'
import { AMENDMENT_OPERATIONS, AMENDMENT_STATUSES } from './tables.ts'

const tags = ['Negotiation']
const POSITIONS_PER_PAGE = 100
const AMENDMENTS_PER_PAGE = 50

/** A path's `{id}`: a positive whole number. */
export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
})
const Page = z.coerce.number().int().min(1).max(100_000).optional()

export const StandingSummarySchema = z
  .object({
    readiness: z.enum(['open', 'ready', 'objected']).openapi({ description: 'ready = no standing objection' }),
    objecting: z.array(z.string()).openapi({ description: 'States with a standing objection (ISO alpha-3)' }),
    counts: z.object(
      Object.fromEntries(POSITIONS.map((p) => [p, z.number().int()])) as Record<
        (typeof POSITIONS)[number],
        z.ZodNumber
      >,
    ),
  })
  .openapi('StandingSummary')

/** A tally as the API gives it: readiness, objecting States and the count per position. */
export function standingSummary(t: Tally | undefined) {
  return {
    readiness: t?.readiness ?? 'open',
    objecting: t?.objecting ?? [],
    counts: Object.fromEntries(POSITIONS.map((p) => [p, t?.[p] ?? 0])) as Record<(typeof POSITIONS)[number], number>,
  }
}

const PositionSchema = z
  .object({
    memberState: z.string().openapi({ description: 'ISO alpha-3' }),
    position: z.enum(POSITIONS),
    at: z.string(),
    note: z.string().nullable(),
  })
  .openapi('StatePosition')

const AmendmentSummarySchema = z
  .object({
    id: z.number(),
    paragraph: z.number(),
    operation: z.enum(AMENDMENT_OPERATIONS),
    quotedOld: z.string().nullable(),
    newText: z.string().nullable(),
    memberState: z.string().nullable(),
    organization: z.number().nullable(),
    status: z.enum(AMENDMENT_STATUSES),
    standing: StandingSummarySchema,
    positions: z.string().openapi({ description: 'each State’s position on it, paginated' }),
  })
  .openapi('AmendmentSummary')

function positionsRoute(subject: 'paragraph' | 'amendment') {
  return createRoute({
    method: 'get',
    path: `/${subject}s/{id}/positions`,
    operationId: subject === 'paragraph' ? 'listParagraphPositions' : 'listAmendmentPositions',
    security: PUBLIC_READ,
    tags,
    summary: `Each State’s current position on ${subject === 'paragraph' ? 'a paragraph' : 'an amendment'}, ${POSITIONS_PER_PAGE} a page`,
    description: 'One position per State, its latest word, in ISO code order; `meta.total` counts the States.',
    request: { params: IdParam, query: z.object({ page: Page }) },
    responses: {
      200: json(listOf(PositionSchema), 'The positions'),
      400: errorResponses[400],
      401: errorResponses[401],
      404: errorResponses[404],
    },
  })
}

export function registerNegotiationPagedApi(api: OpenAPIHono<AppEnv>): void {
  for (const subject of ['paragraph', 'amendment'] as const) {
    api.openapi(positionsRoute(subject), async (c) => {
      const { id } = c.req.valid('param')
      const page = c.req.valid('query').page ?? 1
      const found = subject === 'paragraph' ? await findParagraph(c.var.db, id) : await findAmendment(c.var.db, id)
      if (!found) return respondError(c, { type: 'not_found', id: `${subject}_not_found` }) as never
      const positions = (await positionsBySubject(c.var.db, subject, [id])).get(id)?.positions ?? []
      const start = (page - 1) * POSITIONS_PER_PAGE
      return c.json(
        {
          data: positions.slice(start, start + POSITIONS_PER_PAGE).map((p) => ({
            memberState: p.memberStateIso3,
            position: p.position,
            at: p.at.toISOString(),
            note: p.note,
          })),
          meta: { total: positions.length },
        },
        200,
      )
    })
  }

  api.openapi(
    createRoute({
      method: 'get',
      path: '/negotiation/{id}/amendments',
      operationId: 'listNegotiationAmendments',
      security: PUBLIC_READ,
      tags,
      summary: `A negotiating document’s amendments, oldest first, ${AMENDMENTS_PER_PAGE} a page`,
      description: 'Each with its standing summary; `status=tabled` lists the open ones.',
      request: {
        params: IdParam,
        query: z.object({ status: z.enum(AMENDMENT_STATUSES).optional(), page: Page }),
      },
      responses: {
        200: json(listOf(AmendmentSummarySchema), 'The amendments'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { db } = c.var
      const document = await findDocument(db, c.req.valid('param').id)
      if (!document) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' }) as never
      const { status, page } = c.req.valid('query')
      const found = await amendmentsPage(db, document.id, { status, page: page ?? 1, size: AMENDMENTS_PER_PAGE })
      const standings = await positionsBySubject(
        db,
        'amendment',
        found.items.map((a) => a.id),
      )
      return c.json(
        {
          data: found.items.map((a) => ({
            id: a.id,
            paragraph: a.paragraphId,
            operation: a.operation,
            quotedOld: a.quotedOld,
            newText: a.newText,
            memberState: a.memberStateIso3,
            organization: a.organizationId,
            status: a.status,
            standing: standingSummary(standings.get(a.id)?.tally),
            positions: `/api/v1/amendments/${a.id}/positions`,
          })),
          meta: { total: found.total },
        },
        200,
      )
    },
  )
}
