// Published annual reports as open data: `GET /api/v1/annual-reports?year=`.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { publishedReports } from './queries.ts'

const ReportSchema = z
  .object({
    id: z.number(),
    year: z.number(),
    organization: z.number(),
    version: z.number(),
    publishedAt: z.string().nullable(),
    content: z.record(z.string(), z.unknown()).openapi({
      description: 'actions, governments, stakeholders, developing, outcomes, plans, issues, characteristics',
    }),
  })
  .openapi('AnnualReport')

export function registerAnnualReportsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/annual-reports',
      operationId: 'listAnnualReports',
      security: PUBLIC_READ,
      tags: ['Annual reports'],
      summary: 'Published annual reports of organizations on enabling enhanced cooperation',
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
      responses: {
        200: json(z.object({ data: z.array(ReportSchema) }), 'Published reports'),
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
