// What every negotiation command receives, and the lookups they share.
import type { Actor } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { findProcess } from '../processes/index.ts'
import { findDocument } from './queries.ts'

export interface Ctx {
  actor: Actor
  requestId?: string | null
  now: Date
}

/** The account behind an action (0 for the platform itself: demo data, jobs). */
export function accountOf(actor: Actor): number {
  return actor.kind === 'account' ? actor.accountId : 0
}

/** A document with the body its process belongs to (authorization is per body). */
export async function documentWithBody(db: Db, documentId: number, options: { forUpdate?: boolean } = {}) {
  const document = await findDocument(db, documentId, options)
  if (!document) return undefined
  const process = await findProcess(db, document.processId)
  if (!process) return undefined
  return { document, bodyId: process.bodyId, process }
}

export function audit(ctx: Ctx) {
  return { actor: ctx.actor, requestId: ctx.requestId ?? null, at: ctx.now }
}
