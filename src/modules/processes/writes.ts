// Asks a process whether it takes a write, for the commands of this and other modules: the rule
// (rules/lifecycle.ts) over the process's current state, read under a share lock so the process
// cannot conclude between the question and the caller's commit.

import type { CommandContext } from '../../core/audit/audit.ts'
import { isStaff } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { findProcess, type Process } from './queries.ts'
import { type ProcessWrite, writeRefusal } from './rules/lifecycle.ts'

/**
 * The process, when it takes `write` from this actor now; `process_not_found`, or 409
 * `process_concluded` when its record is closed. Call it inside the transaction that writes.
 *
 * @example
 * const open = await processTakes(trx, ctx, contribution.processId, 'contribution_revision')
 * if (!open.ok) return open
 */
export async function processTakes(
  db: Db,
  ctx: Pick<CommandContext, 'actor'>,
  processId: number,
  write: ProcessWrite,
): Promise<Result<Process>> {
  const process = await findProcess(db, processId, db.isTransaction ? { lock: 'share' } : {})
  if (!process) return notFound('process_not_found')
  // the platform itself (demo, CLI) counts as the Secretariat
  const refusal = writeRefusal(process, write, ctx.actor.kind === 'system' || isStaff(ctx.actor))
  return refusal.ok ? ok(process) : refusal
}
