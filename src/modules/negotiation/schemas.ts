// The negotiation's boundary schemas, shared by the HTML forms and the JSON API.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { POSITIONS } from './rules/consensus.ts'
import { AMENDMENT_OPERATIONS } from './tables.ts'

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

export const DocumentInput = z.object({
  processId: id,
  title: text(300),
  symbol: optionalText(100),
  enactingFormula: optionalText(300),
  stakeholdersMayTable: z.coerce.boolean().optional(),
  language: z.enum(LOCALES).optional(),
  source: z.enum(['blank', 'text', 'proposals']),
  text: z.string().max(500_000).optional(),
  proposalIds: ids.optional(),
})

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

/** "member_state:BRA" or "organization:12", as the forms send a speaker */
const speaker = z
  .string()
  .regex(/^(member_state:[A-Z]{3}|organization:\d+)$/, { error: 'validation.required' })
  .transform((v) => {
    const [kind, value] = v.split(':') as [string, string]
    return kind === 'member_state' ? { memberStateIso3: value } : { organizationId: Number(value) }
  })

export const AmendmentInput = z.object({
  paragraphId: id,
  operation: z.enum(AMENDMENT_OPERATIONS),
  quotedOld: optionalText(5_000),
  newText: optionalText(20_000),
  justification: optionalText(5_000),
  speaker,
})

export const PositionInput = z.object({
  memberStateIso3: iso3,
  position: z.enum(POSITIONS),
  note: optionalText(2_000),
})

export const DeclarationInput = z.object({
  declaration: z.enum(['agreed_ad_ref', 'adopted', 'no_consensus']),
  note: optionalText(2_000),
})

export const StatementInput = z.object({
  kind: z.enum(['explanation', 'reservation']),
  memberStateIso3: iso3,
  paragraphId: id.optional(),
  text: text(10_000),
})

export const RevisionInput = z.object({ changeNote: optionalText(2_000) })

export const SilenceInput = z.object({
  paragraphIds: ids.min(1),
  deadline: z.iso.datetime({ offset: true, error: 'validation.format' }).transform((v) => new Date(v)),
  note: optionalText(2_000),
})

export const BreakSilenceInput = z.object({ memberStateIso3: iso3, note: optionalText(2_000) })

export const CommentInput = z.object({
  organizationId: id,
  paragraphId: id.optional(),
  amendmentId: id.optional(),
  text: text(10_000),
})

export const AnswerInput = z.object({ answer: text(10_000) })
