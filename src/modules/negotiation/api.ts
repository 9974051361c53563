// The negotiation's JSON API: a negotiating document with each paragraph's status and standing
// summary (its amendments and each State's position are paginated, in api-pages.ts), and a
// process's proposals with their lineage; public reads.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { LOCALES } from '../../core/i18n/locales.ts'
import { findProcess } from '../processes/index.ts'
import { registerNegotiationPagedApi, StandingSummarySchema, standingSummary } from './api-pages.ts'
import { documentWithBody } from './context.ts'
import { paragraphsOf, proposalsOf } from './queries.ts'
import { openAmendmentCounts, paragraphTallies, revisionListOf } from './queries-page.ts'
import { PARAGRAPH_KINDS, PROPOSAL_STATUSES } from './tables.ts'

const tags = ['Negotiation']
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
})

const DocumentSchema = z
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

const ProposalSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    language: z.enum(LOCALES).openapi({ description: 'the language the proposal is written in' }),
    status: z.enum(PROPOSAL_STATUSES),
    memberStates: z.array(z.string()),
    organizations: z.array(z.number()),
    mergedInto: z.number().nullable(),
    mergedFrom: z.array(z.number()),
    contributions: z.array(z.number()),
    versions: z.array(z.object({ number: z.number(), text: z.string(), rationale: z.string(), createdAt: z.string() })),
  })
  .openapi('Proposal')

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
      const { db } = c.var
      const found = await documentWithBody(db, c.req.valid('param').id)
      if (!found) return respondError(c, { type: 'not_found', id: 'negotiating_document_not_found' }) as never
      const { document } = found
      const [paragraphs, revisions, openCounts] = await Promise.all([
        paragraphsOf(db, document.id),
        revisionListOf(db, document.id),
        openAmendmentCounts(db, document.id),
      ])
      const tallies = await paragraphTallies(db, document.id)
      return c.json(
        {
          data: {
            id: document.id,
            process: document.processId,
            title: document.title,
            symbol: document.symbol,
            language: document.language,
            currentRevision: document.currentRevision,
            revisions: revisions.map((r) => ({
              number: r.number,
              label: r.label,
              issuedAt: r.issuedAt.toISOString(),
              contentHash: r.contentHash,
            })),
            amendments: `/api/v1/negotiation/${document.id}/amendments`,
            paragraphs: paragraphs.map((p) => ({
              id: p.id,
              parent: p.parentId,
              kind: p.kind,
              label: p.label,
              text: p.text,
              status: p.status,
              proposal: p.proposalId,
              standing: standingSummary(tallies.get(p.id)),
              openAmendments: openCounts.get(p.id) ?? 0,
              positions: `/api/v1/paragraphs/${p.id}/positions`,
            })),
          },
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/processes/{id}/proposals',
      operationId: 'listProcessProposals',
      security: PUBLIC_READ,
      tags,
      summary: 'A process’s proposals with every version and their lineage',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(ProposalSchema) }), 'The proposals'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const processId = c.req.valid('param').id
      if (!(await findProcess(c.var.db, processId)))
        return respondError(c, { type: 'not_found', id: 'process_not_found' }) as never
      const proposals = await proposalsOf(c.var.db, processId)
      return c.json(
        {
          data: proposals.map((p) => ({
            id: p.id,
            title: p.title,
            language: p.language,
            status: p.status,
            memberStates: p.memberStates,
            organizations: p.organizations,
            mergedInto: p.mergedIntoId,
            mergedFrom: p.mergedFrom,
            contributions: p.contributions,
            versions: p.versions.map((v) => ({
              number: v.number,
              text: v.text,
              rationale: v.rationale,
              createdAt: v.createdAt.toISOString(),
            })),
          })),
        },
        200,
      )
    },
  )
  registerNegotiationPagedApi(api)
}
