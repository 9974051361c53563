// Accreditation decisions: asking, approving (grant the role and record the affiliation),
// refusing with a reason, withdrawing. Every step is in the audit log.

import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { findAccount } from '../../core/auth/accounts.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { grantRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import {
  addAffiliation,
  ensurePersonForAccount,
  findMemberState,
  findOrganizationById,
  todayIso,
} from '../actors/index.ts'
import { type AccreditationRequest, decideRequest, findRequest, insertRequest, lockPendingRequest } from './queries.ts'
import type { AccreditationInput } from './schemas.ts'

export async function requestAccreditation(
  db: Db,
  ctx: CommandContext,
  input: AccreditationInput,
): Promise<Result<AccreditationRequest>> {
  const allowed = authorize(ctx.actor, 'accreditation.request')
  if (!allowed.ok) return allowed
  const actor = ctx.actor
  if (actor.kind !== 'account') return { ok: false, error: { type: 'unauthenticated', id: 'sign_in_required' } }
  const target =
    input.kind === 'government_delegate'
      ? { memberStateIso3: input.memberState, organizationId: null }
      : { memberStateIso3: null, organizationId: input.organization }
  if (target.memberStateIso3 && !(await findMemberState(db, target.memberStateIso3))) {
    return invalid([{ path: 'memberState', code: 'actors.unknownMemberState' }])
  }
  if (target.organizationId && !(await findOrganizationById(db, target.organizationId))) {
    return invalid([{ path: 'organization', code: 'accreditation.unknownOrganization' }])
  }
  const scopeId = target.memberStateIso3 ?? String(target.organizationId)
  if (actor.grants.some((g) => g.role === input.kind && g.scope?.id === scopeId)) {
    return conflict('already_accredited')
  }
  return inTransaction(db, async (trx) => {
    const request = await insertRequest(trx, {
      accountId: actor.accountId,
      kind: input.kind,
      ...target,
      title: input.title,
      justification: input.justification ?? null,
    })
    if (!request) return conflict('accreditation_pending')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'accreditation.requested',
      subjectType: 'accreditation_request',
      subjectId: request.id,
      payload: { kind: input.kind, ...target, title: input.title },
    })
    return ok(request)
  })
}

/** The pending request, locked for a decision; or why it cannot be decided. */
async function lockPending(trx: Db, requestId: number): Promise<Result<AccreditationRequest>> {
  const request = await lockPendingRequest(trx, requestId)
  if (request) return ok(request)
  return (await findRequest(trx, requestId))
    ? conflict('accreditation_already_decided')
    : notFound('accreditation_not_found')
}

export async function approveAccreditation(
  db: Db,
  ctx: CommandContext,
  requestId: number,
): Promise<Result<AccreditationRequest>> {
  const allowed = authorize(ctx.actor, 'accreditation.review')
  if (!allowed.ok) return allowed
  const decidedBy = accountIdOf(ctx.actor)
  return inTransaction(db, async (trx) => {
    const pending = await lockPending(trx, requestId)
    if (!pending.ok) return pending
    const request = pending.value
    const scope = request.memberStateIso3
      ? { type: 'member_state' as const, id: request.memberStateIso3 }
      : { type: 'organization' as const, id: String(request.organizationId) }
    const grant = await grantRole(trx, {
      accountId: request.accountId,
      role: request.kind,
      scope,
      grantedBy: decidedBy,
    })
    const account = await findAccount(trx, request.accountId)
    const person = await ensurePersonForAccount(trx, request.accountId, account?.displayName ?? '')
    await addAffiliation(trx, ctx, {
      personId: person.id,
      memberStateIso3: request.memberStateIso3,
      organizationId: request.organizationId,
      title: request.title,
      startedOn: todayIso(ctx.now),
    })
    await decideRequest(trx, requestId, { status: 'approved', decidedBy, reason: null, roleGrantId: grant.id }, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'accreditation.approved',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      payload: { grantId: grant.id, role: request.kind, scope },
    })
    return ok({ ...request, status: 'approved' as const, decidedAt: ctx.now, decidedBy })
  })
}

export async function refuseAccreditation(
  db: Db,
  ctx: CommandContext,
  requestId: number,
  reason: string,
): Promise<Result<AccreditationRequest>> {
  const allowed = authorize(ctx.actor, 'accreditation.review')
  if (!allowed.ok) return allowed
  const decidedBy = accountIdOf(ctx.actor)
  return inTransaction(db, async (trx) => {
    const pending = await lockPending(trx, requestId)
    if (!pending.ok) return pending
    const request = pending.value
    await decideRequest(trx, requestId, { status: 'refused', decidedBy, reason, roleGrantId: null }, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'accreditation.refused',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      payload: { reason },
    })
    return ok({ ...request, status: 'refused' as const, decisionReason: reason, decidedAt: ctx.now, decidedBy })
  })
}

export async function withdrawAccreditation(db: Db, ctx: CommandContext, requestId: number): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const pending = await lockPending(trx, requestId)
    if (!pending.ok) return pending
    const request = pending.value
    const allowed = authorize(ctx.actor, 'accreditation.withdraw', { requestAccountId: request.accountId })
    if (!allowed.ok) return allowed
    await decideRequest(
      trx,
      requestId,
      { status: 'withdrawn', decidedBy: request.accountId, reason: null, roleGrantId: null },
      ctx.now,
    )
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'accreditation.withdrawn',
      subjectType: 'accreditation_request',
      subjectId: requestId,
    })
    return ok(undefined)
  })
}
