// The negotiation's JSON API: a negotiating document with each paragraph's status and standing
// summary, from the read model its page uses too (detail.ts, serialize.ts); its amendments and each
// State's position are paginated, in api-pages.ts. Public reads.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Db } from '../../core/db/database.ts'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { LOCALES } from '../../core/i18n/locales.ts'
import { IdParam, registerNegotiationPagedApi, StandingSummarySchema } from './api-pages.ts'
import { documentDetail } from './detail.ts'
import type { amendmentsOf } from './queries.ts'
import { POSITIONS } from './rules/consensus.ts'
import { documentJson } from './serialize.ts'
import { AMENDMENT_OPERATIONS, AMENDMENT_STATUSES, PARAGRAPH_KINDS } from './tables.ts'

const tags = ['Negotiation']

export { IdParam }

export const StandingSchema = z.object({
  readiness: z.enum(['open', 'ready', 'objected']).openapi({ description: 'ready = no standing objection' }),
  objecting: z.array(z.string()).openapi({ description: 'States with a standing objection (ISO alpha-3)' }),
  positions: z.array(
    z.object({ memberState: z.string(), position: z.enum(POSITIONS), at: z.string(), note: z.string().nullable() }),
  ),
})

export const AmendmentSchema = z
  .object({
    id: z.number(),
    paragraph: z.number(),
    operation: z.enum(AMENDMENT_OPERATIONS),
    quotedOld: z.string().nullable(),
    newText: z.string().nullable(),
    memberState: z.string().nullable(),
    organization: z.number().nullable(),
    status: z.enum(AMENDMENT_STATUSES),
    standing: StandingSchema,
  })
  .openapi('Amendment')

export const DocumentSchema = z
  .object({
    id: z.number(),
    process: z.number(),
    title: z.string(),
    symbol: z.string().nullable(),
    language: z.enum(LOCALES).openapi({ description: 'the language the text is negotiated in' }),
    currentRevision: z.number(),
    revisions: z.array(
      z.object({ number: z.number(), label: z.string(), issuedAt: z.string(), contentHash: z.string() }),
    ),
    amendments: z.string().openapi({ description: 'the paginated list of the document’s amendments' }),
    paragraphs: z.array(
      z.object({
        id: z.number(),
        parent: z.number().nullable(),
        kind: z.enum(PARAGRAPH_KINDS),
        label: z.string().nullable(),
        text: z.string(),
        status: z.string(),
        proposal: z.number().nullable(),
        standing: StandingSummarySchema,
        openAmendments: z.number().int().openapi({ description: 'amendments still tabled on the paragraph' }),
        positions: z.string().openapi({ description: 'each State’s position on it, paginated' }),
      }),
    ),
  })
  .openapi('NegotiatingDocument')

export type Standing = {
  positions: { memberStateIso3: string; position: (typeof POSITIONS)[number]; at: Date; note: string | null }[]
  tally: { readiness: 'open' | 'ready' | 'objected'; objecting: string[] }
}

export const standingJson = (s: Standing | undefined) => ({
  readiness: s?.tally.readiness ?? 'open',
  objecting: s?.tally.objecting ?? [],
  positions: (s?.positions ?? []).map((p) => ({
    memberState: p.memberStateIso3,
    position: p.position,
    at: p.at.toISOString(),
    note: p.note,
  })),
})

/**
 * A negotiating document as `GET /api/v1/negotiation/{id}` answers it (undefined when there is
 * none), from the same read model as its page (detail.ts, serialize.ts).
 */
export async function negotiatingDocumentJson(db: Db, documentId: number) {
  const detail = await documentDetail(db, documentId)
  return detail ? documentJson(detail) : undefined
}

/** An amendment as the API shows it, with where the States stand on it. */
export const amendmentJson =
  (standingsOf: Map<number, Standing>) => (a: Awaited<ReturnType<typeof amendmentsOf>>[number]) => ({
    id: a.id,
    paragraph: a.paragraphId,
    operation: a.operation,
    quotedOld: a.quotedOld,
    newText: a.newText,
    memberState: a.memberStateIso3,
    organization: a.organizationId,
    status: a.status,
    standing: standingJson(standingsOf.get(a.id)),
  })

export function registerNegotiationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/negotiation/{id}',
      operationId: 'getNegotiatingDocument',
      security: PUBLIC_READ,
      tags,
      summary: 'A negotiating document: each paragraph’s text, status and standing summary',
      description:
        'Each paragraph carries its counts per position and the objecting States; each State’s position is at `/paragraphs/{id}/positions` and the amendments at `/negotiation/{id}/amendments`, both paginated.',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: DocumentSchema }), 'The document'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const data = await negotiatingDocumentJson(c.var.db, c.req.valid('param').id)
      if (!data) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' }) as never
      return c.json({ data }, 200)
    },
  )

  registerNegotiationPagedApi(api)
}
