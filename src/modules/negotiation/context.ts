// The lookups negotiation commands share: who acts, and a document with its body.
import type { CommandContext } from '../../core/audit/audit.ts'
import { type Actor, accountIdOf } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { invalid, ok, type Result } from '../../core/result.ts'
import { findProcess, processTakes } from '../processes/index.ts'
import { findAmendment, findDocument, findParagraph } from './queries.ts'

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

/**
 * The process, when its record still takes negotiation writes: 409 `process_concluded` once it is
 * concluded. Call inside the transaction that writes (the process row is share-locked).
 */
export function negotiationOpen(trx: Db, ctx: Pick<CommandContext, 'actor'>, processId: number) {
  return processTakes(trx, ctx, processId, 'negotiation')
}

/** A statement or comment refers only to a paragraph (and an amendment) of its own document. */
export async function inDocument(
  db: Db,
  documentId: number,
  refs: { paragraphId?: number | undefined; amendmentId?: number | undefined },
): Promise<Result<void>> {
  if (refs.paragraphId !== undefined) {
    const paragraph = await findParagraph(db, refs.paragraphId)
    if (!paragraph || paragraph.documentId !== documentId)
      return invalid([{ path: 'paragraphId', code: 'negotiation.unknownParagraph' }])
  }
  if (refs.amendmentId !== undefined) {
    const amendment = await findAmendment(db, refs.amendmentId)
    if (!amendment || amendment.documentId !== documentId)
      return invalid([{ path: 'amendmentId', code: 'negotiation.unknownAmendment' }])
  }
  return ok(undefined)
}
