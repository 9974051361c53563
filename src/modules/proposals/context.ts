// The lookups proposal commands share: who acts, and whether the process still takes writes.
import type { CommandContext } from '../../core/audit/audit.ts'
import { type Actor, accountIdOf } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { processTakes } from '../processes/index.ts'

/** The account behind an action (0 for the platform itself: demo data, jobs). */
export function accountOf(actor: Actor): number {
  return accountIdOf(actor) ?? 0
}

/**
 * The process, when its record still takes negotiation writes (proposals are part of the
 * negotiation's record): 409 `process_concluded` once it is concluded. Call inside the transaction.
 */
export function negotiationOpen(trx: Db, ctx: Pick<CommandContext, 'actor'>, processId: number) {
  return processTakes(trx, ctx, processId, 'negotiation')
}
