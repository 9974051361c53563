// The coordination's boundary schemas: forms and API queries.
import { z } from '@hono/zod-openapi'
import {
  BASKETS,
  DEVELOPING_SUPPORT,
  GOVERNMENT_PARTICIPATION,
  MECHANISM_TYPES,
  SCOPES,
  STAKEHOLDER_PARTICIPATION,
} from './vocabulary.ts'

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

export const MapQuery = z.object({
  basket: optional(z.enum(BASKETS)),
  scope: optional(z.enum(SCOPES)),
  type: optional(z.enum(MECHANISM_TYPES)),
})

export const OverlapQuery = MapQuery.extend({ n: optional(z.coerce.number().int().min(2).max(50)) })

/** The same filters as the API documents them (an unknown value is a 400 there, ignored on pages). */
export const MapApiQuery = z.object({
  basket: z.enum(BASKETS).optional(),
  scope: z.enum(SCOPES).optional(),
  type: z.enum(MECHANISM_TYPES).optional(),
})

export const OverlapApiQuery = MapApiQuery.extend({
  n: z.coerce
    .number()
    .int()
    .min(2)
    .max(50)
    .optional()
    .openapi({ description: 'At least this many mechanisms (default 3)' }),
})

export const IssueProposalInput = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().min(10).max(2000),
  basket: z.enum(BASKETS),
})

export const TriageInput = z.object({
  decision: z.enum(['accept', 'decline']),
  scope: z.enum(SCOPES),
  basket: z.enum(BASKETS),
  scopeRationale: z.string().trim().max(2000).optional(),
  reason: z.string().trim().min(3).max(2000),
  emerging: z.preprocess((v) => v === 'true' || v === true || (Array.isArray(v) && v.includes('true')), z.boolean()),
})

export const MechanismInput = z.object({
  organizationId: z.coerce.number().int().positive(),
  name: z.string().trim().min(2).max(300),
  type: z.enum(MECHANISM_TYPES),
  description: z.string().trim().max(5000).optional(),
  governments: z.enum(GOVERNMENT_PARTICIPATION),
  stakeholders: z.enum(STAKEHOLDER_PARTICIPATION),
  support: z.array(z.enum(DEVELOPING_SUPPORT)).default([]),
  website: z
    .url({ protocol: /^https?$/, error: 'validation.url' })
    .max(1000)
    .optional(),
  issueIds: z.array(z.coerce.number().int().positive()).max(100).default([]),
})

/** A revision of an issue already in the taxonomy: the triage's fields without the decision. */
export const ReviseInput = TriageInput.omit({ decision: true })

// the API's answers
const Names = z.record(z.string(), z.string()).openapi({ description: 'By language code (ar, zh, en, fr, ru, es)' })

export const IssueSchema = z
  .object({
    id: z.number(),
    slug: z.string(),
    basket: z.enum(BASKETS).or(z.string()),
    name: Names,
    description: Names,
    scope: z.enum(SCOPES),
    scopeRationale: z.string(),
    emerging: z.boolean(),
    firstRaisedOn: z.string().nullable(),
  })
  .openapi('PolicyIssue')

export const MechanismSchema = z
  .object({
    id: z.number(),
    organization: z.number(),
    name: z.string(),
    type: z.enum(MECHANISM_TYPES),
    description: z.string(),
    governments: z.enum(GOVERNMENT_PARTICIPATION),
    stakeholders: z.enum(STAKEHOLDER_PARTICIPATION),
    support: z.array(z.enum(DEVELOPING_SUPPORT).or(z.string())),
    website: z.string().nullable(),
    issues: z.array(z.number()),
  })
  .openapi('Mechanism')
