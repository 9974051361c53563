// The lookups negotiation commands share: who acts, and a document with its body.
import { type Actor, accountIdOf } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { findProcess } from '../processes/index.ts'
import { findDocument } from './queries.ts'

/** The account behind an action (0 for the platform itself: demo data, jobs). */
export function accountOf(actor: Actor): number {
  return accountIdOf(actor) ?? 0
}

/** A document with the body its process belongs to (authorization is per body). */
export async function documentWithBody(db: Db, documentId: number, options: { forUpdate?: boolean } = {}) {
  const document = await findDocument(db, documentId, options)
  if (!document) return undefined
  const process = await findProcess(db, document.processId)
  if (!process) return undefined
  return { document, bodyId: process.bodyId, process }
}
