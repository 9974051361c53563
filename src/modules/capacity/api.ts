// Capacity gaps and offers as open data.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { allMatches, listGaps, listOffers } from './queries.ts'
import { GapJson, OfferJson } from './schemas.ts'

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
            data: z.array(GapJson),
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
            data: z.array(OfferJson),
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
