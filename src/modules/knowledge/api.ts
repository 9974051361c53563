// The library as open data: `GET /api/v1/library?q=` with the same facets as the page.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { searchLibrary } from './queries.ts'
import { ItemJson, LibraryApiQuery, LibraryQuery } from './schemas.ts'

const PAGE_SIZE = 50
const Facet = z.array(z.object({ key: z.string(), n: z.number() }))

export function registerKnowledgeApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/library',
      operationId: 'searchLibrary',
      security: PUBLIC_READ,
      tags: ['Knowledge library'],
      summary: 'Search the knowledge library in any of the six languages, ranked, with facets',
      request: { query: LibraryApiQuery },
      responses: {
        401: errorResponses[401],
        200: json(
          z.object({
            data: z.array(ItemJson),
            meta: z.object({
              total: z.number(),
              facets: z.object({ issues: Facet, types: Facet, languages: Facet, years: Facet }),
            }),
          }),
          'Matching items, 50 a page',
        ),
      },
    }),
    async (c) => {
      // values that make no sense are dropped, never refused: any query gets a list
      const q = LibraryQuery.parse(c.req.valid('query'))
      const page = q.page ?? 1
      const result = await searchLibrary(c.var.db, { ...q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
      return c.json(
        {
          data: result.rows.map((r) => ({
            id: r.id,
            title: r.title,
            type: r.type,
            language: r.language,
            abstract: r.abstract,
            authors: r.authors,
            issues: r.issueSlugs,
            publishedOn: r.publishedOn ? String(r.publishedOn).slice(0, 10) : null,
            url: r.url,
            rank: r.rank,
          })),
          meta: { total: result.total, facets: result.facets },
        },
        200,
      )
    },
  )
}
