// Search in contributions at the boundary: the query a page or the API takes (refused with the
// reason, never truncated; a NUL is refused, other control characters read as spaces) and the API's
// answer, from which the OpenAPI document is generated.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { REGIONAL_GROUPS } from '../actors/index.ts'
import { CONTRIBUTOR_GROUPS } from '../contributions/index.ts'

/** The longest query taken; a longer one is refused (400), never cut. */
export const QUERY_MAX = 500
export const PAGE_SIZE = 20
const INT_MAX = 2_147_483_647

const Text = z
  .string()
  .max(QUERY_MAX)
  .refine((v) => !v.includes('\0'), 'validation.invalid')
  // other control characters (tabs, line breaks pasted in) separate words like spaces
  .transform((v) => v.replace(/\p{Cc}/gu, ' ').trim())

const Filters = {
  question: z.coerce.number().int().positive().max(INT_MAX).optional().openapi({ description: 'Guiding question id' }),
  stakeholderGroup: z
    .enum(CONTRIBUTOR_GROUPS)
    .optional()
    .openapi({ description: '`government`, a stakeholder group, or `individual`' }),
  region: z
    .enum([...REGIONAL_GROUPS, 'none'])
    .optional()
    .openapi({ description: 'UN regional group of the speaker, or `none` (speakers without one)' }),
  language: z.enum(LOCALES).optional().openapi({ description: 'Language of the contribution' }),
  campaign: z
    .enum(['yes', 'no'])
    .optional()
    .openapi({ description: '`yes`: in a campaign of near-identical contributions; `no`: in none' }),
  after: z
    .string()
    .regex(/^[0-9]{1,10}-[0-9]{1,10}$/, 'validation.format')
    .transform((v) => {
      const [contributionId, questionId] = v.split('-').map(Number) as [number, number]
      return { contributionId, questionId }
    })
    .refine((v) => v.contributionId <= INT_MAX && v.questionId <= INT_MAX, 'validation.format')
    .optional()
    .openapi({ description: 'Continue after this answer (`meta.next` of the previous page)', type: 'string' }),
}

/** The page's query: without `q` the page shows the form alone. */
export const SearchPageQuery = z.object({ q: Text.optional(), ...Filters })
export type SearchPageQuery = z.infer<typeof SearchPageQuery>

/** The API's query: `q` is required. */
export const SearchApiQuery = z.object({
  q: Text.pipe(z.string().min(1)).openapi({
    description: `Words, "a phrase", or -excluded words (at most ${QUERY_MAX} characters), searched in each contribution's own language`,
    type: 'string',
  }),
  ...Filters,
})

const FacetSchema = z.array(z.object({ key: z.string(), n: z.number().int() }))

export const SearchHitSchema = z
  .object({
    contribution: z.number().int(),
    question: z.number().int().openapi({ description: 'The guiding question this answer is to' }),
    campaign: z.number().int().nullable().openapi({ description: 'Its campaign of near-identical contributions' }),
    contributor: z.string(),
    stakeholderGroup: z.string(),
    regionalGroup: z.string().nullable(),
    language: z.string(),
    status: z.enum(['published', 'pending_review']),
    submittedAt: z.string(),
    excerpt: z
      .array(z.object({ text: z.string(), match: z.boolean() }))
      .openapi({ description: 'The text around the words found, in pieces; `match` marks the words found' }),
  })
  .openapi('ContributionSearchHit')

export const SearchResultSchema = z
  .object({
    data: z.array(SearchHitSchema),
    meta: z.object({
      total: z.number().int().openapi({
        description: 'Answers matching the query and the filters, counted up to 2,000 (the newest; see `more`)',
      }),
      more: z.boolean().openapi({
        description: 'More answers match than were counted: `total` and `facets` are of the newest 2,000',
      }),
      next: z.string().nullable().openapi({ description: 'Pass as `after` for the next page; null on the last' }),
      facets: z.object({
        questions: FacetSchema,
        stakeholderGroups: FacetSchema,
        regions: FacetSchema,
        languages: FacetSchema,
        campaign: FacetSchema.openapi({ description: '`yes` (in a campaign) and `no`' }),
      }),
    }),
  })
  .openapi('ContributionSearchResult')
