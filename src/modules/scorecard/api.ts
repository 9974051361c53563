// The scorecard as JSON: `GET /api/v1/scorecard` (the platform's) and
// `GET /api/v1/scorecard/processes/{id}` (a process's), described in the OpenAPI document.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { IdPathParam } from '../../core/http/ids.ts'
import { CHARACTERISTICS } from './rules/record.ts'
import { platformScorecard, processScorecard, scorecardJson } from './scorecard.ts'

const ValueJson = z.object({
  year: z.number().int(),
  recorded: z.boolean().openapi({ description: 'false when the record holds nothing to compute it from' }),
  value: z.number().nullable().openapi({ description: 'a share in [0, 1], or a count' }),
  numerator: z.number().nullable(),
  denominator: z.number().nullable().openapi({ description: 'of a share; of a count, what it is out of (or null)' }),
})

export const ScorecardJson = z
  .object({
    process: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    years: z.array(z.number().int()),
    characteristics: z.array(
      z.object({
        characteristic: z.enum(CHARACTERISTICS),
        indicators: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['share', 'count']),
            scope: z.enum(['process', 'platform']),
            values: z.array(ValueJson),
          }),
        ),
        selfReported: z.array(
          z.object({
            year: z.number().int(),
            organizations: z
              .number()
              .int()
              .nullable()
              .openapi({ description: 'reports that write on it; null: no cycle' }),
            reports: z.number().int().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('Scorecard')

const DESCRIPTION =
  'Indicators computed from the record for each high-level characteristic of WGEC recommendation 1, by year, beside what organizations self-report in their annual reports. Every indicator, its formula and its source: docs/scorecard.md.'

export function registerScorecardApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/scorecard',
      operationId: 'getPlatformScorecard',
      security: PUBLIC_READ,
      tags: ['Scorecard'],
      summary: 'The platform’s scorecard: annual reporting and emerging issues, by year',
      description: DESCRIPTION,
      responses: { 200: json(ScorecardJson, 'The scorecard'), 401: errorResponses[401] },
    }),
    async (c) => c.json(scorecardJson(await platformScorecard(c.var.db)), 200),
  )
  api.openapi(
    createRoute({
      method: 'get',
      path: '/scorecard/processes/{id}',
      operationId: 'getProcessScorecard',
      security: PUBLIC_READ,
      tags: ['Scorecard'],
      summary: 'A process’s scorecard, by year',
      description: DESCRIPTION,
      request: { params: IdPathParam },
      responses: {
        200: json(ScorecardJson, 'The scorecard'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const card = await processScorecard(c.var.db, c.req.valid('param').id)
      if (!card) return apiError(c, { type: 'not_found', id: 'process_not_found' })
      return c.json(scorecardJson(card), 200)
    },
  )
}
