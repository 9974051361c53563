// Accreditation forms.
import { z } from 'zod'

export const AccreditationInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('government_delegate'),
    memberState: z.string().regex(/^[A-Z]{3}$/),
    title: z.string().trim().min(1).max(200),
    justification: z.string().trim().max(2000).optional(),
  }),
  z.object({
    kind: z.literal('stakeholder_representative'),
    organization: z.coerce.number().int().positive(),
    title: z.string().trim().min(1).max(200),
    justification: z.string().trim().max(2000).optional(),
  }),
])
export type AccreditationInput = z.infer<typeof AccreditationInput>

export const RefusalInput = z.object({
  reason: z.string().trim().min(1).max(2000),
})

export const AppealInput = z.object({
  reason: z.string().trim().min(1).max(2000),
})
