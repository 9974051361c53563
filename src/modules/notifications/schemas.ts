// The notifications' form schemas.
import { z } from '@hono/zod-openapi'
import { queryBoolean } from '../../core/http/api.ts'
import { NOTICE_KINDS, type NoticeKind } from './rules/kinds.ts'
import { DELIVERIES, type Delivery, FOLLOW_SUBJECTS, FREQUENCIES } from './tables.ts'

export const FollowInput = z.object({
  subject: z.enum(FOLLOW_SUBJECTS),
  id: z.coerce.number().int().positive(),
  action: z.enum(['follow', 'unfollow']),
  // where to go back to: a path on this site only
  back: z
    .string()
    .regex(/^\/(?![/\\])[\w\-/.~%?=&#]*$/)
    .max(300)
    .optional(),
})

export const FrequencyInput = z.object({ frequency: z.enum(FREQUENCIES) })

/** The preferences form and its JSON twin: a delivery per kind, and a time zone. */
export const NoticePreferencesInput = z.object({
  deliveries: z
    .object(
      Object.fromEntries(NOTICE_KINDS.map((k) => [k, z.enum(DELIVERIES).optional()])) as Record<
        NoticeKind,
        z.ZodOptional<z.ZodEnum<{ [K in Delivery]: K }>>
      >,
    )
    .default({}),
  timeZone: z.string().trim().min(1).max(64),
})

export const NoticeListQuery = z.object({
  unread: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
})

/** A notice as the API gives it: the words in the reader's language and time zone. */
export const NoticeJson = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTICE_KINDS),
    title: z.string().openapi({ description: 'What happened, in the language asked for' }),
    todo: z.string().openapi({ description: 'What to do, by when, in the reader’s time zone' }),
    url: z.string().openapi({ description: 'The page of the thing, on this site' }),
    dueAt: z.string().nullable().openapi({ description: 'By when to act (ISO 8601), when there is a deadline' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notice')
