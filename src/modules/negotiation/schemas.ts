// The negotiation's boundary schemas, shared by the HTML forms and the JSON API.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { speakerFields } from '../proposals/index.ts'
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

export const ReopenInput = z.object({ reason: text(2_000) })

/** A State's or organization's answer to a request to co-sponsor ("member_state:ZAF", "organization:12"). */
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

/** A break names the paragraphs it concerns; none named: all those circulated. */
export const BreakSilenceInput = z.object({
  memberStateIso3: iso3,
  note: optionalText(2_000),
  paragraphIds: ids.optional(),
})

export const CommentInput = z.object({
  organizationId: id,
  paragraphId: id.optional(),
  amendmentId: id.optional(),
  text: text(10_000),
})

export const AnswerInput = z.object({ answer: text(10_000) })

// the JSON API's writes (api-write*.ts): the forms' fields under the API's names, with strict
// JSON types (numbers are numbers) so an outside tool learns its mistakes from the first call
const apiId = z.number().int().positive()
export const AmendmentApiInput = z
  .object({
    paragraphId: apiId,
    operation: z.enum(AMENDMENT_OPERATIONS),
    quotedOld: optionalText(5_000).openapi({ description: 'The words replaced or deleted, as they stand' }),
    newText: optionalText(20_000),
    note: optionalText(5_000).openapi({ description: 'Why (the justification)' }),
    ...speakerFields,
  })
  .openapi('AmendmentInput')

export const PositionApiInput = z
  .object({
    paragraphId: apiId.optional(),
    amendmentId: apiId.optional(),
    memberState: iso3.openapi({ example: 'BRA' }),
    position: z.enum(POSITIONS),
    note: optionalText(2_000),
  })
  .superRefine((v, ctx) => {
    if ((v.paragraphId === undefined) === (v.amendmentId === undefined))
      ctx.addIssue({ code: 'custom', path: ['paragraphId'], message: 'negotiation.paragraphOrAmendment' })
  })
  .openapi('PositionInput', { description: 'Exactly one of paragraphId and amendmentId' })

export const DeclarationApiInput = z
  .object({ note: optionalText(2_000) })
  .openapi('DeclarationInput', { description: 'What the Chair says with the declaration (optional)' })

export const ReopenApiInput = z.object({ reason: text(2_000) }).openapi('ReopenInput')

export const SilenceApiInput = z
  .object({
    paragraphIds: z.array(apiId).min(1).max(500),
    deadline: z.iso
      .datetime({ offset: true, error: 'validation.format' })
      .transform((v) => new Date(v))
      .openapi({ description: 'At least 72 hours ahead (ISO 8601 with an offset)', example: '2026-12-20T17:00:00Z' }),
    note: optionalText(2_000),
  })
  .openapi('SilenceInput')

export const BreakSilenceApiInput = z
  .object({
    memberState: iso3.openapi({ example: 'BRA' }),
    paragraphIds: z
      .array(apiId)
      .max(500)
      .optional()
      .openapi({ description: 'The paragraphs the objection concerns (default: all circulated)' }),
    reason: text(2_000),
  })
  .openapi('BreakSilenceInput')

export const DocumentApiInput = z
  .object({
    title: text(300),
    symbol: optionalText(100),
    language: z.enum(LOCALES).optional(),
    stakeholdersMayTable: z
      .boolean()
      .optional()
      .openapi({ description: 'Whether organizations’ representatives may table amendments (default: no)' }),
    text: z
      .string()
      .max(500_000)
      .openapi({ description: 'The text in the importer’s plain-text form: a title line, then numbered paragraphs' }),
  })
  .openapi('NegotiatingDocumentInput')
