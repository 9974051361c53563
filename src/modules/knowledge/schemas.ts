// The library's boundary: the search query (anything unusable is dropped, never refused), the item
// and decision forms (refused with the reason beside the field, never cut), and the API's answers.
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

/** "Name; Name" or one per line, as the form's hint says */
const authorList = z
  .string()
  .max(5000)
  .transform((v) =>
    v
      .split(/[;\n]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(300)).max(50))

/** An item as the focal point publishes or corrects it, or as anyone signed in suggests it. */
export const ItemForm = z.object({
  title: z.string().trim().min(3).max(500),
  type: z.enum(ITEM_TYPES),
  language: z.enum(LOCALES),
  abstract: z.string().trim().max(10_000).optional(),
  authors: authorList.optional(),
  issues: z
    .array(z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'validation.format' }))
    .max(20)
    .default([]),
  publishedOn: z.iso.date({ error: 'validation.format' }).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'validation.url' })
    .max(1000)
    .optional(),
  /** an item this one is a language version of */
  versionOf: z.coerce.number().int().positive().max(2_147_483_647).optional(),
})
export type ItemForm = z.output<typeof ItemForm>

export const DecisionInput = z.object({
  decision: z.enum(['published', 'declined']),
  note: z.string().trim().max(1000).optional(),
})

export const ItemJson = z.object({
  id: z.number(),
  title: z.string(),
  type: z.string(),
  language: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  issues: z.array(z.string()),
  publishedOn: z.string().nullable(),
  url: z.string().nullable(),
  rank: z.number(),
})
