// A call's campaign settings: the similarity threshold, set by the Secretariat (audited).
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { findCall } from '../processes/index.ts'
import { kdb } from './queries.ts'

/** Sets the call's similarity threshold (audited); the campaigns change at the next rebuild. */
export async function setThreshold(
  db: Db,
  ctx: CommandContext,
  callId: number,
  threshold: number,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'campaign.rebuild')
  if (!allowed.ok) return allowed
  if (!(await findCall(db, callId))) return notFound('call_not_found')
  await inTransaction(db, async (trx) => {
    await kdb(trx)
      .insertInto('consultationSetting')
      .values({ callId, threshold })
      .onConflict((oc) => oc.column('callId').doUpdateSet({ threshold }))
      .execute()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'campaigns.threshold_set',
      subjectType: 'call',
      subjectId: callId,
      payload: { threshold },
    })
  })
  return ok(undefined)
}
