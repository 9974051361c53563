// The library's query: free text plus the facets; anything unusable is dropped, never refused.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { ITEM_TYPES } from './tables.ts'

const loose = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined)

/** The API's query: documented types; the page uses the tolerant LibraryQuery below. */
export const LibraryApiQuery = z.object({
  q: z
    .string()
    .optional()
    .openapi({ description: 'Words in any of the six languages; quotes for a phrase, - to exclude, or' }),
  issue: z.string().optional().openapi({ description: 'Issue slug' }),
  type: z.string().optional().openapi({ description: 'paper, report, brief or dataset' }),
  language: z.string().optional().openapi({ description: 'ar, zh, en, fr, ru or es' }),
  year: z.string().optional(),
  page: z.string().optional(),
})

export const LibraryQuery = z.object({
  q: z
    .string()
    .optional()
    .openapi({ description: 'Words in any of the six languages; quotes for a phrase, - to exclude, or' }),
  issue: loose(z.string().regex(/^[a-z0-9-]{1,80}$/)),
  type: loose(z.enum(ITEM_TYPES)),
  language: loose(z.enum(LOCALES)),
  year: loose(z.coerce.number().int().min(1900).max(2100)),
  page: loose(z.coerce.number().int().min(1).max(10_000)),
})
