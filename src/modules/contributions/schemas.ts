// The contributions' boundary schemas: the JSON API's input and output, shared with the forms.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import type { DomainError } from '../../core/result.ts'
import { ANSWER_MAX } from './rules/answers.ts'
import { CONTRIBUTION_STATUSES, SPEAKING_FOR } from './tables.ts'

export const AnswerInput = z.object({
  questionId: z.coerce.number().int().positive(),
  text: z.string().trim().max(ANSWER_MAX),
})

export const ContributionInput = z
  .object({
    speakingFor: z.enum(SPEAKING_FOR).openapi({
      description: 'On whose behalf: a Member State (its delegates), an organization (its representatives), or oneself',
    }),
    memberState: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .transform((v) => v.toUpperCase())
      .optional()
      .openapi({ description: 'ISO alpha-3, when speaking for a Member State', example: 'BRA' }),
    organization: z.coerce.number().int().positive().optional().openapi({ description: 'Organization id' }),
    language: z.enum(LOCALES).openapi({ description: 'Language of the answers' }),
    answers: z.array(AnswerInput).min(1).max(50),
    attachments: z
      .array(
        z.object({
          fileName: z.string().trim().min(1).max(200),
          contentBase64: z.base64().openapi({ description: 'PDF, DOCX or ODT, base64-encoded' }),
        }),
      )
      .max(3)
      .optional(),
  })
  .openapi('ContributionInput')
export type ContributionInput = z.infer<typeof ContributionInput>

export const RevisionInput = z.object({
  language: z.enum(LOCALES),
  answers: z.array(AnswerInput).min(1).max(50),
})
export type RevisionInput = z.infer<typeof RevisionInput>

export const WithdrawalInput = z.object({ note: z.string().trim().max(1000).optional() })
export const HideInput = z.object({ reason: z.string().trim().min(1).max(1000) })

/** A contribution id to continue a list after: a whole number from 1, at most 15 digits. */
const AFTER = /^[1-9][0-9]{0,14}$/

/** `after` of a list page: absent, a contribution id, or refused. */
export function afterParam(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined) return undefined
  return AFTER.test(value) ? Number(value) : 'invalid'
}

export const invalidAfter = (): DomainError => ({
  type: 'invalid',
  id: 'invalid_after',
  issues: [{ path: 'after', code: 'validation.format' }],
})

export const ContributionQuery = z.object({
  question: z.coerce.number().int().positive().optional().openapi({ description: 'Guiding question id' }),
  stakeholderGroup: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: '`government`, a stakeholder group, or `individual`' }),
  regionalGroup: z.string().max(40).optional().openapi({ description: 'UN regional group' }),
  language: z.enum(LOCALES).optional(),
  call: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().openapi({
    description:
      'Page, from 1: reads every contribution above it (prefer `after`, whose cost does not grow with depth)',
  }),
  after: z.string().regex(AFTER, 'validation.format').transform(Number).optional().openapi({
    type: 'string',
    description: 'The contributions after this one, newest first (the previous page’s `meta.next`)',
  }),
  lang: z.enum(LOCALES).optional(),
})
export type ContributionQuery = z.infer<typeof ContributionQuery>

export const ContributionSchema = z
  .object({
    id: z.number().int(),
    call: z.number().int(),
    process: z.number().int(),
    speakingFor: z.enum(SPEAKING_FOR),
    memberState: z.string().nullable(),
    organization: z.number().int().nullable(),
    contributor: z.string(),
    stakeholderGroup: z.string(),
    regionalGroup: z.string().nullable(),
    ldc: z.boolean(),
    lldc: z.boolean(),
    sids: z.boolean(),
    language: z.string(),
    status: z.enum(CONTRIBUTION_STATUSES),
    revision: z.number().int(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    withdrawalNote: z.string().nullable(),
    hiddenReason: z.string().nullable(),
    externalId: z
      .string()
      .nullable()
      .openapi({ description: 'The identifier at its source, for a contribution imported in bulk (else null)' }),
    answers: z
      .array(z.object({ questionId: z.number().int(), text: z.string() }))
      .openapi({ description: 'Current answers (empty when withdrawn or hidden)' }),
    attachments: z.array(
      z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), url: z.string() }),
    ),
    url: z.string(),
  })
  .openapi('Contribution')
