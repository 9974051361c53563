// What the balance pages and API take (a scope and an id) and what the API answers, as zod schemas
// the OpenAPI document is generated from.
import { z } from '@hono/zod-openapi'
import { idSchema } from '../../core/http/ids.ts'

export const SCOPES = ['process', 'body', 'call', 'meeting', 'year'] as const

export const BalanceQuery = z.object({
  scope: z.enum(SCOPES).openapi({
    description: 'What to measure: a process, a body, a call, a meeting (its attendance) or a year of the platform',
  }),
  id: idSchema().openapi({
    description: 'The process, body, call or meeting id; for `year`, the year (e.g. 2026)',
    example: 1,
  }),
})

/** Years the platform could hold a record of: from the WSIS (2003) to next year. */
export function yearAllowed(year: number, now: Date): boolean {
  return year >= 2003 && year <= now.getUTCFullYear() + 1
}

const share = z.number().min(0).openapi({ description: 'A fraction of 1' })
const nullableShare = share.nullable()

const GroupRowJson = z.object({
  group: z.string().openapi({ example: 'african' }),
  count: z.number().int(),
  share,
  membershipShare: nullableShare.openapi({
    description: "The group's share of the 193 UN Member States (null: not a grouping of States)",
  }),
  compositionShare: nullableShare.openapi({
    description: "The group's share of the body's members (null: no body, or it has no members)",
  }),
  ratio: z.number().nullable().openapi({
    description:
      'share / the composition share when there is one, else / the membership share; null when that is 0 or unknown',
  }),
  baseline: nullableShare.openapi({ description: 'The published baseline share (see `baselines`), when there is one' }),
})

const DistributionJson = z.object({
  total: z.number().int(),
  rows: z.array(GroupRowJson),
  entropy: z.number().openapi({ description: 'Shannon entropy H = -sum p ln p' }),
  evenness: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .openapi({ description: 'H / ln k over the k groups; null when undefined' }),
  effectiveGroups: z.number().openapi({ description: 'exp H' }),
})

const FlagRowJson = z.object({
  flag: z.enum(['ldc', 'lldc', 'sids']),
  count: z.number().int(),
  base: z
    .number()
    .int()
    .openapi({ description: 'Participants with a known regional group (States, organizations by headquarters)' }),
  share,
  membershipShare: nullableShare,
  compositionShare: nullableShare,
  ratio: z.number().nullable(),
})

const TrendPointJson = z.object({
  label: z.string().openapi({ description: 'The year, the cycle, the process or the meeting number' }),
  participants: z.number().int(),
  states: z.number().int(),
  coverage: share,
  regionalEvenness: z.number().nullable(),
  stakeholderEvenness: z.number().nullable(),
  ldcShare: share,
})

export const BalanceJson = z
  .object({
    scope: z.enum(SCOPES),
    id: z.number().int(),
    title: z.string(),
    bodyId: z.number().int().nullable(),
    processId: z.number().int().nullable(),
    asOf: z.string().openapi({ description: 'The day States were classified on (YYYY-MM-DD)', example: '2026-12-06' }),
    reference: z.enum(['un_membership', 'body_composition']),
    participants: z.number().int(),
    byKind: z.object({
      memberStates: z.number().int(),
      organizations: z.number().int(),
      individuals: z.number().int(),
    }),
    coverage: z.object({ states: z.number().int(), of: z.number().int(), share }),
    regionalGroups: DistributionJson,
    development: z.array(FlagRowJson),
    stakeholderGroups: DistributionJson,
    languages: DistributionJson,
    trendOf: z.enum(['cycles', 'processes', 'meetings', 'years']).nullable(),
    trend: z.array(TrendPointJson),
    baselines: z.array(
      z.object({
        id: z.string(),
        grouping: z.enum(['regionalGroups', 'stakeholderGroups']),
        participants: z.number().int(),
        shares: z.record(z.string(), z.number()),
        source: z.object({ title: z.string(), url: z.string() }),
      }),
    ),
  })
  .openapi('Balance')
