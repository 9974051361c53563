// The reports' boundary schemas: the same zod objects validate the Secretariat's forms and the JSON
// API. A refused value comes back beside its field with what was typed.
import { z } from '@hono/zod-openapi'
import { idSchema } from '../../core/http/ids.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { ATTRIBUTIONS } from './rules/attribution.ts'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATUSES } from './rules/follow-up.ts'
import { SYMBOL_MAX, symbolProblem } from './rules/symbol.ts'
import { DISTRIBUTIONS } from './tables.ts'

const isoDate = z.iso.date({ error: 'validation.format' }).openapi({ example: '2018-05-14' })
const id = idSchema()
/** A UN document symbol, checked (rules/symbol.ts) and kept as typed, trimmed. */
export const symbol = z
  .string()
  .trim()
  .max(SYMBOL_MAX)
  .superRefine((value, ctx) => {
    const problem = symbolProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `reports.symbol.${problem}` })
  })
  .openapi({ example: 'E/CN.16/2018/CRP.3' })

/** The report's identity as the Secretariat issues it. */
export const IssueInput = z
  .object({
    documentId: id,
    // "" or absent: the text as it stands; a number: that revision's snapshot
    revision: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(9999).optional()),
    symbol,
    distribution: z.enum(DISTRIBUTIONS),
    issuedOn: isoDate,
    originalLanguage: z.enum(LOCALES),
    agendaItem: z.string().trim().max(300).optional(),
    session: z.string().trim().max(300).optional(),
  })
  .openapi('ReportIssueInput')
export type IssueInput = z.infer<typeof IssueInput>

/** How one divergent view is attributed; States only when they asked to be named. */
export const AttributionInput = z
  .object({
    paragraphId: id,
    attribution: z.enum(ATTRIBUTIONS),
    memberStates: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v),
        z
          .array(
            z
              .string()
              .trim()
              .toUpperCase()
              .regex(/^[A-Z]{3}$/, { error: 'validation.format' }),
          )
          .max(195),
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.attribution === 'states' && !v.memberStates?.length)
      ctx.addIssue({ code: 'custom', path: ['memberStates'], message: 'reports.attribution.statesRequired' })
  })
  .openapi('ReportAttributionInput')
export type AttributionInput = z.infer<typeof AttributionInput>

/** The report sent up the chain: to which body, received by which of its processes, when, under which symbol. */
export const TransmissionInput = z
  .object({
    toBodyId: id,
    toProcessId: id,
    symbol,
    transmittedOn: isoDate,
  })
  .openapi('ReportTransmissionInput')
export type TransmissionInput = z.infer<typeof TransmissionInput>

/** What became of one recommendation in one year, and on what authority. */
export const FollowUpInput = z
  .object({
    paragraphId: id,
    year: z.coerce.number().int().min(2000).max(2100),
    status: z.enum(FOLLOW_UP_STATUSES),
    sourceKind: z.enum(FOLLOW_UP_SOURCES),
    sourceReference: z.string().trim().min(1).max(300),
    annualReportId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.sourceKind === 'annual_report' && !v.annualReportId)
      ctx.addIssue({ code: 'custom', path: ['annualReportId'], message: 'reports.followUp.annualReportRequired' })
    if (v.sourceKind !== 'annual_report' && v.annualReportId)
      ctx.addIssue({ code: 'custom', path: ['annualReportId'], message: 'reports.followUp.annualReportOnly' })
  })
  .openapi('ReportFollowUpInput')
export type FollowUpInput = z.infer<typeof FollowUpInput>
