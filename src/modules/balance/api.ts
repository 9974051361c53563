// GET /api/v1/balance?scope=process&id=N (also body, call, meeting, year): the balance of
// participation as JSON, the same figures the page and its CSV show.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { balanceReport } from './report.ts'
import { BalanceJson, BalanceQuery } from './schemas.ts'
import { balanceJson } from './serialize.ts'

export function registerBalanceApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/balance',
      operationId: 'getBalance',
      security: PUBLIC_READ,
      tags: ['Balance'],
      summary: 'Balance of participation of a process, body, call, meeting or year',
      description:
        'Who took part, by UN regional group, LDC / LLDC / SIDS, stakeholder group and language, with each ' +
        "group's share, its representation ratio (against the UN membership, or the body's composition when the " +
        'scope belongs to a body), Shannon evenness and the effective number of groups, the coverage of the UN ' +
        'Member States, published baselines and the trend. Definitions: docs/balance.md.',
      request: { query: BalanceQuery },
      responses: {
        200: json(BalanceJson, 'The balance'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { scope, id } = c.req.valid('query')
      const report = await balanceReport(c.var.db, scope, id, c.var.deps.now())
      if (!report.ok) return apiError(c, report.error)
      return c.json(balanceJson(report.value), 200)
    },
  )
}
