// The annual reports' boundary: opening a cycle, a report as the form (or its autosave) sends it,
// and the API's query and answer. Text over its limit is refused beside the field, never cut.
import { z } from '@hono/zod-openapi'
import { CHARACTERISTICS, type ReportContent, TEXT_FIELDS } from './rules/report.ts'

export const CycleInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  deadline: z.iso.date({ error: 'validation.format' }),
  organizationIds: z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(1000).default([]),
})
export type CycleInput = z.output<typeof CycleInput>

// an empty box is kept as "" so a report always has its six answers
const answer = z.string().max(20_000).default('')

/** A report's content as typed: the six answers, the issues addressed, one text per characteristic. */
export const ReportInput = z
  .object({
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, answer])) as Record<(typeof TEXT_FIELDS)[number], typeof answer>),
    issues: z
      .array(z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'validation.format' }))
      .max(200)
      .default([]),
    characteristics: z
      .object(
        Object.fromEntries(CHARACTERISTICS.map((ch) => [ch, z.string().max(10_000).optional()])) as Record<
          (typeof CHARACTERISTICS)[number],
          z.ZodOptional<z.ZodString>
        >,
      )
      .default({}),
    implements: z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(500).default([]),
  })
  .transform((v): ReportContent => {
    // a characteristic left empty is left out, as it always was
    const characteristics = Object.fromEntries(Object.entries(v.characteristics).filter(([, text]) => text))
    return { ...v, characteristics }
  })

export const ReportsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() })

export const ReportJson = z
  .object({
    id: z.number(),
    year: z.number(),
    organization: z.number(),
    version: z.number(),
    publishedAt: z.string().nullable(),
    content: z.record(z.string(), z.unknown()).openapi({
      description: 'actions, governments, stakeholders, developing, outcomes, plans, issues, characteristics',
    }),
  })
  .openapi('AnnualReport')
