// Published annual reports as open data: `GET /api/v1/annual-reports?year=`.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { publishedReports } from './queries.ts'
import { ReportJson, ReportsQuery } from './schemas.ts'

export function registerAnnualReportsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/annual-reports',
      operationId: 'listAnnualReports',
      security: PUBLIC_READ,
      tags: ['Annual reports'],
      summary: 'Published annual reports of organizations on enabling enhanced cooperation',
      request: { query: ReportsQuery },
      responses: {
        200: json(z.object({ data: z.array(ReportJson) }), 'Published reports'),
        401: errorResponses[401],
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const rows = await publishedReports(c.var.db, c.req.valid('query').year)
      return c.json(
        {
          data: rows.map((r) => ({
            id: r.id,
            year: r.year,
            organization: r.organizationId,
            version: r.version,
            publishedAt: r.publishedAt?.toISOString() ?? null,
            content: (r.published ?? {}) as Record<string, unknown>,
          })),
        },
        200,
      )
    },
  )
}
