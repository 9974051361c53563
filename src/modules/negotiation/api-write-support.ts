// What the negotiation's write operations share: their responses, whom a caller speaks for, and
// the answers they give (a paragraph, a silence procedure) in the shapes the reads use.
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { errorResponses } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import type { DomainError } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { StandingSchema, standingJson } from './api.ts'
import type { Speaker } from './commands-proposals.ts'
import { findParagraph, findSilence } from './queries.ts'
import { standings } from './queries-standing.ts'
import { PARAGRAPH_KINDS } from './tables.ts'

export const tags = ['Negotiation']
export const IDEMPOTENT = 'Send an `Idempotency-Key` header so a retried request is stored once.'

export const pathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: 'path' }, example: 1 })

/** The refusals every write may answer, in the one error shape. */
export const writeRefusals = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
}

export const jsonBody = <S extends z.ZodType>(schema: S, required = true) => ({
  content: { 'application/json': { schema } },
  required,
})

export const invalidField = (path: string, code: string): DomainError => ({
  type: 'invalid',
  id: 'invalid_input',
  issues: [{ path, code }],
})

/**
 * Whom the caller speaks for: the State or organization named, or, when none is named, the one
 * delegation (or, failing that, the one organization) the caller holds. Whether the caller may
 * speak for it is the command's question, not this function's.
 */
export async function speakerOf(
  c: Context<AppEnv>,
  input: { memberState?: string | undefined; organization?: string | undefined },
): Promise<Speaker | DomainError> {
  if (input.memberState) return { memberStateIso3: input.memberState }
  if (input.organization) {
    const organization = await findOrganizationBySlug(c.var.db, input.organization)
    return organization ? { organizationId: organization.id } : invalidField('organization', 'validation.choice')
  }
  if (c.var.actor.kind !== 'account') return { type: 'unauthenticated', id: 'sign_in_required' }
  const states = delegationsOf(c.var.actor)
  const organizations = organizationsOf(c.var.actor)
  if (states.length === 1) return { memberStateIso3: states[0] as string }
  if (states.length === 0 && organizations.length === 1) return { organizationId: organizations[0] as number }
  // someone who speaks for no State and no organization has nobody to speak for here
  if (states.length === 0 && organizations.length === 0) return { type: 'forbidden', id: 'speaks_for_nobody' }
  return invalidField('memberState', 'validation.required')
}

export const isRefusal = (v: object): v is DomainError => 'type' in v && 'id' in v

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
