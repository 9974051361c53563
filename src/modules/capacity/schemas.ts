// The capacity module's boundary: the gap and offer forms, the status and match forms, the list's
// filters, and the API's answers. Text over its limit is refused with the limit, never cut.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { DEVELOPMENT_CLASSIFICATIONS, REGIONAL_GROUPS } from '../actors/index.ts'
import { GAP_STATUSES, MODALITIES } from './rules/matching.ts'

/** the development statuses a gap's country can have (LDC, LLDC, SIDS), as filters and table rows */
export const CLASSES = DEVELOPMENT_CLASSIFICATIONS
export type Classification = (typeof CLASSES)[number]

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'validation.format' })
const note = z.string().trim().max(1000).optional()

export const GapInput = z.object({
  memberStateIso3: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'validation.format' })
    .optional(),
  regionalGroup: z.enum(REGIONAL_GROUPS).optional(),
  issueSlug: slug,
  description: z.string().trim().min(1).max(5000),
  source: z.string().trim().max(1000).optional(),
  identifiedOn: z.iso.date({ error: 'validation.format' }),
})
export type GapInput = z.output<typeof GapInput>

export const GapStatusInput = z.object({ status: z.enum(GAP_STATUSES), note })
export type GapStatusInput = z.output<typeof GapStatusInput>

export const MatchInput = z.object({ offerId: z.coerce.number().int().positive().max(2_147_483_647), note })
export type MatchInput = z.output<typeof MatchInput>

export const OfferInput = z.object({
  organizationId: z.coerce.number().int().positive().max(2_147_483_647),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).optional(),
  issues: z.array(slug).min(1).max(30),
  regions: z.array(z.enum(REGIONAL_GROUPS)).default([]),
  modality: z.enum(MODALITIES),
  languages: z.array(z.enum(LOCALES)).default([]),
  url: z
    .url({ protocol: /^https?$/, error: 'validation.url' })
    .max(1000)
    .optional(),
})
export type OfferInput = z.output<typeof OfferInput>

// a filter nobody could have chosen is dropped, not refused: the page shows every gap instead
const loose = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined)

export const GapListQuery = z.object({
  group: loose(z.enum(REGIONAL_GROUPS)),
  status: loose(z.enum(GAP_STATUSES)),
  classification: loose(z.enum(CLASSES)),
})
export type GapListQuery = z.output<typeof GapListQuery>

export const GapJson = z.object({
  id: z.number(),
  memberState: z.string().nullable(),
  regionalGroup: z.string().nullable(),
  issue: z.string(),
  description: z.string(),
  source: z.string(),
  identifiedOn: z.string(),
  status: z.string(),
  offers: z.array(z.number()),
})

export const OfferJson = z.object({
  id: z.number(),
  organization: z.number(),
  title: z.string(),
  issues: z.array(z.string()),
  regions: z.array(z.string()),
  modality: z.string(),
  languages: z.array(z.string()),
  url: z.string().nullable(),
})
