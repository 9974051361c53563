// An author withdraws their contribution (a public note stays); the Secretariat publishes what
// waits for review and hides abuse with a public reason. Each step authorizes, runs in one
// transaction and is in the audit log. Nothing is deleted.
import { auditedBy, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, notFound, ok, type Result } from '../../core/result.ts'
import { processTakes } from '../processes/index.ts'
import { type Ctx, ownStanding } from './command-checks.ts'
import { findContribution } from './queries.ts'
import { queueArrival } from './queries-arrivals.ts'
import { updateContribution } from './queries-write.ts'
import type { ContributionStatus } from './tables.ts'

export async function withdrawContribution(
  db: Db,
  ctx: Ctx,
  id: number,
  note: string | undefined,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const own = await ownStanding(trx, ctx, id, 'contribution_withdrawal')
    if (!own.ok) return own
    await updateContribution(trx, id, {
      status: 'withdrawn',
      withdrawnAt: ctx.now,
      withdrawalNote: note ?? null,
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution.withdrawn',
      subjectType: 'contribution',
      subjectId: id,
      payload: { processId: own.value.processId, note: note ?? null },
    })
    return ok(undefined)
  })
}

async function moderate(
  db: Db,
  ctx: Ctx,
  id: number,
  change: { from: ContributionStatus[]; to: ContributionStatus; reason?: string },
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'contribution.moderate')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const contribution = await findContribution(trx, id, { forUpdate: true })
    if (!contribution) return notFound('contribution_not_found')
    // hiding abuse stays a duty after the process concluded; publishing changes its record
    const open = await processTakes(
      trx,
      ctx,
      contribution.processId,
      change.to === 'hidden' ? 'contribution_hiding' : 'contribution_publication',
    )
    if (!open.ok) return open
    if (!change.from.includes(contribution.status)) return conflict(`contribution_${contribution.status}`)
    await updateContribution(
      trx,
      id,
      change.to === 'hidden'
        ? { status: 'hidden', hiddenAt: ctx.now, hiddenReason: change.reason ?? null, updatedAt: ctx.now }
        : { status: 'published', publishedAt: ctx.now, updatedAt: ctx.now },
    )
    // newly published: the consultation assigns it to its group and campaign
    if (change.to === 'published') await queueArrival(trx, id)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: change.to === 'hidden' ? 'contribution.hidden' : 'contribution.published',
      subjectType: 'contribution',
      subjectId: id,
      payload: { processId: contribution.processId, ...(change.reason ? { reason: change.reason } : {}) },
    })
    return ok(undefined)
  })
}

export const publishContribution = (db: Db, ctx: Ctx, id: number) =>
  moderate(db, ctx, id, { from: ['pending_review'], to: 'published' })

export const hideContribution = (db: Db, ctx: Ctx, id: number, reason: string) =>
  moderate(db, ctx, id, { from: ['published', 'pending_review'], to: 'hidden', reason })
