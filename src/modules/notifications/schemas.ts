// The notifications' form schemas.
import { z } from 'zod'
import { FOLLOW_SUBJECTS, FREQUENCIES } from './tables.ts'

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
