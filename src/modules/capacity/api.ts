// Capacity gaps and offers as open data.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { allMatches, listGaps, listOffers } from './queries.ts'

export function registerCapacityApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/capacity-gaps',
      operationId: 'listCapacityGaps',
      security: PUBLIC_READ,
      tags: ['Capacity'],
      summary: 'Capacity gaps (a country or regional group x an issue), their status and the offers matched',
      responses: {
        401: errorResponses[401],
        200: json(
          z.object({
            data: z.array(
              z.object({
                id: z.number(),
                memberState: z.string().nullable(),
                regionalGroup: z.string().nullable(),
                issue: z.string(),
                description: z.string(),
                source: z.string(),
                identifiedOn: z.string(),
                status: z.string(),
                offers: z.array(z.number()),
              }),
            ),
          }),
          'Gaps',
        ),
      },
    }),
    async (c) => {
      const [gaps, matches] = await Promise.all([listGaps(c.var.db), allMatches(c.var.db)])
      const data = gaps.map((g) => ({
        id: g.id,
        memberState: g.memberStateIso3,
        regionalGroup: g.regionalGroup,
        issue: g.issueSlug,
        description: g.description,
        source: g.source,
        identifiedOn: g.identifiedOn,
        status: g.status,
        offers: matches.get(g.id) ?? [],
      }))
      return c.json({ data }, 200)
    },
  )
  api.openapi(
    createRoute({
      method: 'get',
      path: '/capacity-offers',
      operationId: 'listCapacityOffers',
      security: PUBLIC_READ,
      tags: ['Capacity'],
      summary: 'Capacity-building offers: provider, issues, regions, modality, languages',
      responses: {
        401: errorResponses[401],
        200: json(
          z.object({
            data: z.array(
              z.object({
                id: z.number(),
                organization: z.number(),
                title: z.string(),
                issues: z.array(z.string()),
                regions: z.array(z.string()),
                modality: z.string(),
                languages: z.array(z.string()),
                url: z.string().nullable(),
              }),
            ),
          }),
          'Offers',
        ),
      },
    }),
    async (c) => {
      const offers = await listOffers(c.var.db)
      return c.json(
        {
          data: offers.map((o) => ({
            id: o.id,
            organization: o.organizationId,
            title: o.title,
            issues: o.issueSlugs,
            regions: o.regions,
            modality: o.modality,
            languages: o.languages,
            url: o.url,
          })),
        },
        200,
      )
    },
  )
}
