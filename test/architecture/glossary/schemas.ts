// The glossary's form (and API) schema: limits are refused with the reason, never truncated.
import { z } from 'zod'

export const TermInput = z.object({
  term: z.string().trim().min(1).max(100),
  definition: z.string().trim().min(1).max(2000),
})
export type TermInput = z.infer<typeof TermInput>
