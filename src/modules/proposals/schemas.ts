// The proposals' boundary schemas, shared by the HTML forms and the JSON API.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
const id = z.coerce.number().int().positive()
const ids = z.array(id).max(500)
const iso3 = z.string().regex(/^[A-Z]{3}$/, { error: 'validation.format' })
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: 'validation.format' })

/** Whom an API write is for: a State or an organization (negotiation's writes take the same fields). */
export const speakerFields = {
  memberState: iso3.optional().openapi({
    description: 'The State it is for (ISO alpha-3); by default the caller’s own, when the caller speaks for one only',
    example: 'BRA',
  }),
  organization: slug.optional().openapi({
    description: 'Or the organization it is for (its slug), when the caller represents it',
  }),
}

export const ProposalInput = z.object({
  processId: id,
  title: text(300),
  text: text(20_000),
  rationale: optionalText(10_000),
  language: z.enum(LOCALES).optional(),
  memberStates: z.array(iso3).max(193).default([]),
  organizations: ids.default([]),
  contributionIds: ids.optional(),
})

export const ProposalRevisionInput = z.object({ text: text(20_000), rationale: optionalText(10_000) })

export const MergeInput = z.object({
  ids: ids.min(2),
  title: text(300),
  text: text(20_000),
  rationale: optionalText(10_000),
  language: z.enum(LOCALES).optional(),
})

export const CosponsorshipInput = z.object({
  party: z.string().regex(/^(member_state:[A-Z]{3}|organization:[1-9][0-9]{0,15})$/, { error: 'validation.format' }),
  answer: z.enum(['accept', 'decline', 'withdraw']),
})

// the JSON API's writes: the forms' fields under the API's names
export const ProposalApiInput = z
  .object({
    title: text(300),
    text: text(20_000),
    rationale: optionalText(10_000),
    language: z.enum(LOCALES).optional(),
    ...speakerFields,
    cosponsors: z
      .array(z.string().trim().min(1).max(100))
      .max(250)
      .default([])
      .openapi({ description: 'States (ISO alpha-3) and organizations (slugs) asked to co-sponsor', example: ['ZAF'] }),
  })
  .openapi('ProposalInput')

export const CosponsorshipApiInput = z
  .object({ decision: z.enum(['accept', 'decline', 'withdraw']), ...speakerFields })
  .openapi('CosponsorshipInput')
