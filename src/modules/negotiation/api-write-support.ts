// What the negotiation's write operations share: their responses, whom a caller speaks for, and
// the answers they give (a paragraph, a silence procedure) in the shapes the reads use.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../core/db/database.ts'
import { StandingSchema, standingJson } from './api.ts'
import { findParagraph, findSilence } from './queries.ts'
import { standings } from './queries-standing.ts'
import { PARAGRAPH_KINDS } from './tables.ts'

export const tags = ['Negotiation']
export { IDEMPOTENT, invalidField, isRefusal, jsonBody, pathId, writeRefusals } from '../../core/http/api-write.ts'
export { speakerOf } from '../proposals/index.ts'

export const ParagraphSchema = z
  .object({
    id: z.number(),
    document: z.number(),
    parent: z.number().nullable(),
    kind: z.enum(PARAGRAPH_KINDS),
    label: z.string().nullable(),
    text: z.string(),
    status: z.string(),
    standing: StandingSchema,
  })
  .openapi('Paragraph')

export async function paragraphJson(db: Db, paragraphId: number) {
  const p = await findParagraph(db, paragraphId)
  if (!p) return undefined
  const standing = (await standings(db, 'paragraph', [p.id])).get(p.id)
  return {
    id: p.id,
    document: p.documentId,
    parent: p.parentId,
    kind: p.kind,
    label: p.label,
    text: p.text,
    status: p.status,
    standing: standingJson(standing),
  }
}

export const SilenceSchema = z
  .object({
    id: z.number(),
    document: z.number(),
    paragraphIds: z.array(z.number()),
    circulatedAt: z.string(),
    deadline: z.string(),
    status: z.string().openapi({ description: 'pending, broken or adopted' }),
    brokenBy: z.string().nullable().openapi({ description: 'The State that broke it (ISO alpha-3)' }),
    note: z.string(),
  })
  .openapi('SilenceProcedure')

export async function silenceJson(db: Db, silenceId: number) {
  const s = await findSilence(db, silenceId)
  if (!s) return undefined
  return {
    id: s.id,
    document: s.documentId,
    paragraphIds: s.paragraphIds.map(Number),
    circulatedAt: s.circulatedAt.toISOString(),
    deadline: s.deadline.toISOString(),
    status: s.status,
    brokenBy: s.brokenBy,
    note: s.note,
  }
}
