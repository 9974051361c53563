// The consultation's boundary schemas: the campaigns API, the bulk intake's answer, the forms.
import { z } from '@hono/zod-openapi'

export const PAGE_SIZE = 50

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().openapi({ description: 'Page, from 1 (50 a page)' }),
})

/** A campaign's members: by `page` (an offset, kept for existing clients) or after a member (keyset). */
export const MembersQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().openapi({
    description: 'Page, from 1, 50 a page: reads every member above it (prefer `after`, whose cost does not grow)',
  }),
  after: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'validation.format')
    .transform(Number)
    .optional()
    .openapi({
      type: 'string',
      description: 'The members after this contribution id (the previous page’s `meta.next`)',
    }),
})

export const CampaignSchema = z
  .object({
    id: z.number().int(),
    size: z.number().int().openapi({ description: 'Contributions in the campaign' }),
    template: z.string().openapi({ description: 'The most common text of the campaign' }),
    exactGroups: z.number().int().openapi({ description: 'Distinct texts (after normalization) in the campaign' }),
    firstAt: z.string().openapi({ description: 'First submission (ISO 8601)' }),
    lastAt: z.string().openapi({ description: 'Last submission (ISO 8601)' }),
  })
  .openapi('Campaign')

export const CampaignListSchema = z
  .object({
    data: z.array(CampaignSchema),
    meta: z.object({
      total: z.number().int().openapi({ description: 'Campaigns of the call' }),
      contributions: z.number().int().openapi({ description: 'Contributions of the call the analysis has read' }),
      method: z.object({
        shingle: z.number().int().openapi({ description: 'Words per shingle' }),
        threshold: z.number().openapi({ description: 'Estimated Jaccard similarity that joins two texts' }),
        permutations: z.number().int().openapi({ description: 'MinHash permutations' }),
        bands: z.number().int().openapi({ description: 'LSH bands' }),
      }),
    }),
  })
  .openapi('CampaignList')

export const CampaignMemberSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The contribution' }),
    externalId: z.string().nullable().openapi({ description: 'Its identifier at the source, when imported' }),
    personalAdditions: z.string().openapi({ description: 'What it adds to the template ("" when nothing)' }),
    submittedAt: z.string(),
    url: z.string(),
  })
  .openapi('CampaignMember')

export const ImportSchema = z
  .object({
    id: z.number().int(),
    call: z.number().int(),
    fileName: z.string(),
    format: z.enum(['csv', 'jsonl', 'mbox']),
    status: z.enum(['waiting', 'running', 'done', 'failed']),
    records: z.number().int(),
    accepted: z.number().int().openapi({ description: 'Contributions added' }),
    alreadyThere: z.number().int().openapi({ description: 'Records whose external_id the call already had' }),
    rejected: z.number().int(),
    rejects: z
      .array(z.object({ line: z.number().int(), externalId: z.string().nullable(), reason: z.string() }))
      .openapi({ description: 'The refused records (the first 1,000), each with its line and reason' }),
  })
  .openapi('ContributionImport')

export const ThresholdForm = z.object({
  threshold: z.coerce.number().min(0.5).max(1),
})
