// The search's JSON API: `GET /calls/{id}/contributions/search`, the page's search for tools.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { IdPathParam } from '../../core/http/ids.ts'
import { findCall } from '../processes/index.ts'
import { SearchApiQuery, SearchResultSchema } from './schemas.ts'
import { cursorOf, excerptPieces, searchCall } from './search.ts'

const searchRoute = createRoute({
  method: 'get',
  path: '/calls/{id}/contributions/search',
  operationId: 'searchCallContributions',
  security: PUBLIC_READ,
  tags: ['Consultations'],
  summary: 'Full-text search in a call’s contributions, with counts by facet, 20 answers a page',
  description:
    'Each answer is searched in its own language (Arabic, Chinese, English, French, Russian, Spanish): `q` takes words, "a phrase", `or` and -excluded words, and any text gives results or an empty list. Newest first; `meta.next` continues. Counts by guiding question, stakeholder group, UN region, language and campaign are of the answers matching the query and the filters, up to the newest 2,000 (`meta.more` says when more match). Only published contributions are searched (and, for the Secretariat, those held for review).',
  request: { params: IdPathParam, query: SearchApiQuery },
  responses: { 200: json(SearchResultSchema, 'Matching answers'), 400: errorResponses[400], 404: errorResponses[404] },
})

export function registerSearchApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(searchRoute, async (c) => {
    const call = await findCall(c.var.db, c.req.valid('param').id)
    if (!call) return apiError(c, { type: 'not_found', id: 'call_not_found' })
    const { q, ...filters } = c.req.valid('query')
    const result = await searchCall(c, call.id, q, filters)
    return c.json(
      {
        data: result.hits.map((h) => ({
          contribution: h.contributionId,
          question: h.questionId,
          campaign: h.campaignId,
          contributor: h.contributorName,
          stakeholderGroup: h.stakeholderGroup,
          regionalGroup: h.regionalGroup,
          language: h.language,
          status: h.status as 'published' | 'pending_review',
          submittedAt: new Date(h.submittedAt).toISOString(),
          excerpt: excerptPieces(h.excerpt),
        })),
        meta: { total: result.total, more: result.more, next: cursorOf(result.next), facets: result.facets },
      },
      200,
    )
  })
}
