// The processes' boundary schemas: the same zod objects validate the Secretariat's forms and the
// JSON API, and describe the API in the OpenAPI document.
import { z } from '@hono/zod-openapi'
import { IdPathParam } from '../../core/http/ids.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { ATTENDANCE_MODES, DOCUMENT_KINDS, ELIGIBILITIES, MODERATIONS, PHASE_KINDS, PROCESS_STATES } from './tables.ts'

const text = (max: number) => z.string().trim().min(1).max(max)
const isoDate = z.iso.date({ error: 'validation.format' }).openapi({ example: '2017-01-26' })
const instant = z.iso.datetime({ offset: true, error: 'validation.format' }).transform((v) => new Date(v))
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'validation.format' })
  .max(80)
const httpsUrl = z.url({ protocol: /^https?$/, error: 'validation.url' }).max(500)

export const ProcessInput = z
  .object({
    bodyId: z.coerce.number().int().positive(),
    slug,
    title: text(300),
    description: z.string().trim().max(10_000).optional(),
    objectives: z.string().trim().max(10_000).optional(),
    mandateSymbol: text(100).openapi({ example: 'A/RES/70/125' }),
    mandateParagraph: text(30).optional().openapi({ example: '65' }),
    mandateText: z.string().trim().max(20_000).optional(),
    recurrence: z.enum(['none', 'annual']).optional(),
    cycleYear: z.coerce.number().int().min(2000).max(2100).optional(),
    questions: z.array(text(2000)).max(20).optional().openapi({ description: 'Guiding questions, in order' }),
    phases: z
      .array(z.object({ kind: z.enum(PHASE_KINDS), startsOn: isoDate, endsOn: isoDate }))
      .max(PHASE_KINDS.length)
      .optional(),
  })
  .refine((p) => p.recurrence !== 'annual' || p.cycleYear !== undefined, {
    path: ['cycleYear'],
    message: 'processes.cycleYearNeeded',
  })
  .openapi('ProcessInput')
export type ProcessInput = z.infer<typeof ProcessInput>

/** Start, conclude or reopen (back to active, with a reason): rules/lifecycle.ts decides. */
export const ProcessStateInput = z.object({
  state: z.enum(PROCESS_STATES),
  reason: z.string().trim().max(2000).optional(),
})

export const CallInput = z
  .object({
    title: text(300),
    opensAt: instant,
    closesAt: instant,
    eligibility: z.enum(ELIGIBILITIES),
    languages: z.array(z.enum(LOCALES)).min(1),
    moderation: z.enum(MODERATIONS),
    questionIds: z.array(z.coerce.number().int().positive()).min(1),
  })
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'], message: 'processes.closesBeforeOpening' })
  .openapi('CallInput')
export type CallInput = z.infer<typeof CallInput>

export const ExtensionInput = z.object({ until: instant })

export const MeetingInput = z
  .object({
    number: z.coerce.number().int().positive(),
    title: text(300),
    startsAt: instant,
    endsAt: instant,
    timeZone: text(64).optional(),
    venue: text(300).optional(),
    remoteUrl: httpsUrl.optional(),
    interpretationLanguages: z.array(z.enum(LOCALES)).optional(),
    liveCaptioning: z.boolean().optional(),
    agenda: z
      .array(
        z.object({
          title: text(500),
          description: z.string().trim().max(5000).optional(),
          documentIds: z.array(z.coerce.number().int().positive()).optional(),
          links: z.array(z.object({ label: text(200), href: text(500) })).optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .refine((m) => m.endsAt > m.startsAt, { path: ['endsAt'], message: 'processes.endsBeforeStart' })
  .refine((m) => m.venue || m.remoteUrl, { path: ['venue'], message: 'processes.venueOrRemote' })
  .openapi('MeetingInput')
export type MeetingInput = z.infer<typeof MeetingInput>

export const MeetingRecordInput = z.object({
  outcomeSummary: z.string().trim().max(50_000).optional(),
  transcript: z.string().trim().max(2_000_000).optional(),
})
export type MeetingRecordInput = z.infer<typeof MeetingRecordInput>

export const AttendanceInput = z.object({
  entries: z.array(
    z
      .object({
        memberStateIso3: z.string().length(3).optional(),
        organizationId: z.coerce.number().int().positive().optional(),
        mode: z.enum(ATTENDANCE_MODES),
        representatives: z
          .array(
            z.object({
              name: z.string().trim().min(1).max(200),
              function: z.string().trim().min(1).max(200).optional(),
              mode: z.enum(ATTENDANCE_MODES),
            }),
          )
          .max(50)
          .optional()
          .openapi({ description: 'The delegation’s representatives, each in person or remote' }),
      })
      .refine((e) => Boolean(e.memberStateIso3) !== Boolean(e.organizationId), { message: 'validation.invalid' }),
  ),
})
export type AttendanceInput = z.infer<typeof AttendanceInput>

export const DocumentInput = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    symbol: text(100).optional(),
    title: text(500),
    url: httpsUrl.optional(),
    language: z.enum(LOCALES).optional(),
    issuedOn: isoDate,
    meetingId: z.coerce.number().int().positive().optional(),
  })
  .openapi('DocumentInput')
export type DocumentInput = z.infer<typeof DocumentInput>

export const TransmissionInput = z.object({
  toBodyId: z.coerce.number().int().positive(),
  occasion: text(300),
  transmittedOn: isoDate,
  documentSymbol: text(100).optional(),
})
export type TransmissionInput = z.infer<typeof TransmissionInput>

// ---- API output ----

/** An `{id}` path parameter: the one id parser's range (core/http/ids.ts). */
export const IdParam = IdPathParam

export const CallSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    opensAt: z.string(),
    closesAt: z.string().openapi({ description: 'The closing time, including any extension' }),
    originalClosesAt: z.string(),
    extended: z.boolean(),
    state: z.enum(['upcoming', 'open', 'closed']),
    eligibility: z.enum(ELIGIBILITIES),
    languages: z.array(z.string()),
    moderation: z.enum(MODERATIONS),
    guidingQuestions: z.array(z.number().int()),
    contributionsUrl: z.string(),
  })
  .openapi('Call')

export const MeetingSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    url: z.string(),
  })
  .openapi('MeetingSummary')

export const ProcessSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    body: z.object({ id: z.number().int(), name: z.string(), acronym: z.string().nullable() }),
    state: z.enum(PROCESS_STATES),
    recurrence: z.enum(['none', 'annual']),
    cycleYear: z.number().int().nullable(),
    url: z.string(),
  })
  .openapi('Process')

export const ProcessDetailSchema = ProcessSchema.extend({
  description: z.string(),
  objectives: z.string(),
  mandate: z.object({
    symbol: z.string(),
    paragraph: z.string().nullable(),
    text: z.string(),
  }),
  guidingQuestions: z.array(z.object({ id: z.number().int(), position: z.number().int(), text: z.string() })),
  phases: z.array(
    z.object({
      kind: z.enum(PHASE_KINDS),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.enum(['past', 'current', 'upcoming']),
    }),
  ),
  calls: z.array(CallSchema),
  meetings: z.array(MeetingSummarySchema),
  documents: z.array(
    z.object({
      kind: z.enum(DOCUMENT_KINDS),
      symbol: z.string().nullable(),
      title: z.string(),
      url: z.string().nullable(),
      issuedOn: z.string(),
    }),
  ),
  negotiatingDocuments: z
    .array(z.object({ id: z.number().int(), title: z.string() }))
    .openapi({ description: 'The process’s negotiating documents, oldest first (each at GET /negotiation/{id})' }),
  transmissions: z.array(
    z.object({
      toBody: z.string(),
      occasion: z.string(),
      transmittedOn: z.string(),
      documentSymbol: z.string().nullable(),
    }),
  ),
}).openapi('ProcessDetail')

export const MeetingSchema = MeetingSummarySchema.extend({
  process: z.object({ id: z.number().int(), title: z.string() }),
  timeZone: z.string(),
  remoteUrl: z.string().nullable(),
  interpretationLanguages: z.array(z.string()),
  liveCaptioning: z.boolean(),
  agenda: z.array(
    z.object({
      position: z.number().int(),
      title: z.string(),
      description: z.string(),
      documents: z.array(z.object({ symbol: z.string().nullable(), title: z.string(), url: z.string().nullable() })),
      links: z.array(z.object({ label: z.string(), href: z.string() })),
    }),
  ),
  attendance: z.array(
    z.object({
      memberState: z.string().nullable(),
      organization: z.string().nullable(),
      name: z.string(),
      mode: z.enum(ATTENDANCE_MODES),
    }),
  ),
  outcomeSummary: z.string(),
  transcript: z.string(),
  calendarUrl: z.string(),
}).openapi('Meeting')
