// The map as open data: issues, mechanisms, and the gap and overlap analyses (with the same
// filters as the pages).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { analyses, DEFAULT_OVERLAP, gapRows, overlapRows } from './analyses.ts'
import { listIssues, listMechanisms } from './queries.ts'
import { GAP_KINDS } from './rules/map.ts'
import { IssueSchema, MapApiQuery, MechanismSchema, OverlapApiQuery } from './schemas.ts'

const tags = ['Coordination']

export function registerCoordinationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/issues',
      operationId: 'listIssues',
      security: PUBLIC_READ,
      tags,
      summary: 'The taxonomy of international Internet-related public policy issues',
      responses: { 200: json(z.object({ data: z.array(IssueSchema) }), 'Active issues'), 401: errorResponses[401] },
    }),
    async (c) => {
      const issues = await listIssues(c.var.db)
      return c.json(
        {
          data: issues.map((i) => ({
            id: i.id,
            slug: i.slug,
            basket: i.basket,
            name: i.name as Record<string, string>,
            description: i.description as Record<string, string>,
            scope: i.scope,
            scopeRationale: i.scopeRationale,
            emerging: i.emerging,
            firstRaisedOn: i.firstRaisedOn ? String(i.firstRaisedOn).slice(0, 10) : null,
          })),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/mechanisms',
      operationId: 'listMechanisms',
      security: PUBLIC_READ,
      tags,
      summary: 'Mechanisms of organizations and the issues they address',
      responses: { 200: json(z.object({ data: z.array(MechanismSchema) }), 'Mechanisms'), 401: errorResponses[401] },
    }),
    async (c) => {
      const mechanisms = await listMechanisms(c.var.db)
      return c.json(
        {
          data: mechanisms.map((m) => ({
            id: m.id,
            organization: m.organizationId,
            name: m.name,
            type: m.type,
            description: m.description,
            governments: m.governments,
            stakeholders: m.stakeholders,
            support: m.support,
            website: m.website,
            issues: m.issueIds,
          })),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/map/gaps',
      operationId: 'getGaps',
      security: PUBLIC_READ,
      tags,
      summary:
        'Gaps: public-policy issues without an equal-footing mechanism, issues without a stakeholder channel or developing-country support',
      request: { query: MapApiQuery },
      responses: {
        401: errorResponses[401],
        200: json(
          z.object({
            data: z.array(
              z.object({
                issue: z.string(),
                basket: z.string(),
                scope: z.string(),
                gap: z.enum(GAP_KINDS),
                mechanisms: z.number(),
              }),
            ),
          }),
          'Gaps',
        ),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const { gaps, byId } = await analyses(c.var.db, c.req.valid('query'))
      return c.json({ data: gapRows(gaps, byId) }, 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/map/overlaps',
      operationId: 'getOverlaps',
      security: PUBLIC_READ,
      tags,
      summary: 'Overlaps: issues addressed by n or more mechanisms (default 3), candidates for coordination',
      request: { query: OverlapApiQuery },
      responses: {
        401: errorResponses[401],
        200: json(
          z.object({
            data: z.array(z.object({ issue: z.string(), mechanisms: z.array(z.number()), organizations: z.number() })),
          }),
          'Overlaps',
        ),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const filter = { basket: q.basket, scope: q.scope, type: q.type }
      const { overlaps, byId } = await analyses(c.var.db, filter, q.n ?? DEFAULT_OVERLAP)
      return c.json({ data: overlapRows(overlaps, byId) }, 200)
    },
  )
}
