// The analysis of a deliberation as JSON: opinion groups with their members and centres, the
// consensus, bridging and divisive lists, when it was computed and how long it took.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { IdPathParam } from '../../core/http/ids.ts'
import { runAnalysis } from './engine.ts'
import { findAnalysis, findDeliberation } from './queries.ts'
import { AnalysisJson } from './schemas.ts'

const analysisRoute = createRoute({
  method: 'get',
  path: '/deliberations/{id}/analysis',
  operationId: 'getDeliberationAnalysis',
  security: PUBLIC_READ,
  tags: ['Deliberations'],
  summary: 'A deliberation’s opinion groups, consensus, bridging and divisive statements',
  description:
    'The last analysis (recomputed after new votes by a job; computed now when there is none yet). `participant` and `statement` are the identifiers given at import, or ecp’s ids for votes cast here. Formulas: docs/deliberation.md.',
  request: { params: IdPathParam },
  responses: {
    200: json(AnalysisJson, 'The analysis'),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

/** The stored analysis in the API's shape, computing it first when there is none. */
export async function analysisJson(c: Context<AppEnv>, id: number) {
  const { db } = c.var
  let stored = await findAnalysis(db, id)
  if (!stored) {
    await runAnalysis(db, id, c.var.deps.now)
    stored = await findAnalysis(db, id)
  }
  if (!stored) return null
  const { groups, consensus, bridging, divisive } = stored.result
  return {
    groups,
    consensus,
    bridging,
    divisive,
    computedAt: new Date(stored.computedAt).toISOString(),
    durationMs: stored.durationMs,
  }
}

export function registerDeliberationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(analysisRoute, async (c) => {
    const id = c.req.valid('param').id
    if (!(await findDeliberation(c.var.db, id))) return apiError(c, { type: 'not_found', id: 'deliberation_not_found' })
    const body = await analysisJson(c, id)
    if (!body) return apiError(c, { type: 'not_found', id: 'deliberation_not_found' })
    return c.json(body, 200)
  })
}
