// Accreditation decisions: asking, approving (grant the role and record the affiliation),
// refusing with a reason, appealing a refusal once, withdrawing. rules/lifecycle.ts decides what
// may happen (four eyes: nobody decides their own request or, on appeal, their own refusal);
// every step is in the audit log with the requester and the decider.

import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { findAccount } from '../../core/auth/accounts.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { grantRole } from '../../core/auth/grants.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { addAffiliation, ensurePersonForAccount, findMemberState, findOrganizationById } from '../actors/index.ts'
import {
  type AccreditationRequest,
  appealsOf,
  decideAppeal,
  decideRequest,
  hasOtherOpenRequest,
  insertAppeal,
  insertRequest,
  lockRequest,
  setRequestStatus,
} from './queries.ts'
import { decide, type RequestFacts } from './rules/lifecycle.ts'
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
      // a request, its refusal, appeal or withdrawal concern a person: restricted (a commitment is
      // published); an approval, which makes someone speak for a State or an organization, is public
      public: false,
    })
    return ok(request)
  })
}

/** The request, locked, with what the rules need to know of it; or not found. */
async function lockedFacts(trx: Db, requestId: number) {
  const request = await lockRequest(trx, requestId)
  if (!request) return notFound('accreditation_not_found')
  const appeal = (await appealsOf(trx, [requestId])).get(requestId)
  const facts: RequestFacts = {
    status: request.status,
    requesterAccountId: request.accountId,
    refusedBy: appeal ? appeal.refusedBy : request.status === 'refused' ? request.decidedBy : null,
    appealed: appeal !== undefined,
  }
  return ok({ request, appeal, facts })
}

/** Who decided, and on whose request: both go in every decision's audit entry. */
const parties = (request: AccreditationRequest, decidedBy: number | null) => ({
  requestedBy: request.accountId,
  decidedBy,
})

/**
 * Approves a pending request, or grants an appeal: the role is granted and the affiliation
 * recorded. Never by the requester; on appeal, never by the person who refused.
 */
export async function approveAccreditation(
  db: Db,
  ctx: CommandContext,
  requestId: number,
): Promise<Result<AccreditationRequest>> {
  const allowed = authorize(ctx.actor, 'accreditation.review')
  if (!allowed.ok) return allowed
  const decidedBy = accountIdOf(ctx.actor)
  return inTransaction(db, async (trx) => {
    const found = await lockedFacts(trx, requestId)
    if (!found.ok) return found
    const { request, facts } = found.value
    const outcome = decide(facts, { kind: 'approve', by: decidedBy })
    if (!outcome.ok) return outcome
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
      startedOn: isoDate(ctx.now),
    })
    await decideRequest(trx, requestId, { status: 'approved', decidedBy, reason: null, roleGrantId: grant.id }, ctx.now)
    if (outcome.value.onAppeal)
      await decideAppeal(trx, requestId, { status: 'granted', decidedBy, reason: null }, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: outcome.value.onAppeal ? 'accreditation.appeal_granted' : 'accreditation.approved',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      payload: { grantId: grant.id, role: request.kind, scope, ...parties(request, decidedBy) },
    })
    return ok({ ...request, status: 'approved' as const, decidedAt: ctx.now, decidedBy })
  })
}

/** Refuses a pending request with a reason, or dismisses an appeal (final). Four eyes as above. */
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
    const found = await lockedFacts(trx, requestId)
    if (!found.ok) return found
    const { request, facts } = found.value
    const outcome = decide(facts, { kind: 'refuse', by: decidedBy, reason })
    if (!outcome.ok) return outcome
    const text = reason.trim()
    await decideRequest(trx, requestId, { status: 'refused', decidedBy, reason: text, roleGrantId: null }, ctx.now)
    if (outcome.value.onAppeal)
      await decideAppeal(trx, requestId, { status: 'dismissed', decidedBy, reason: text }, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: outcome.value.onAppeal ? 'accreditation.appeal_dismissed' : 'accreditation.refused',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      payload: { reason: text, ...parties(request, decidedBy) },
      public: false,
    })
    return ok({ ...request, status: 'refused' as const, decisionReason: text, decidedAt: ctx.now, decidedBy })
  })
}

/** Appeals a refusal, once, with a reason: another member of the Secretariat decides it. */
export async function appealAccreditation(
  db: Db,
  ctx: CommandContext,
  requestId: number,
  reason: string,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const found = await lockedFacts(trx, requestId)
    if (!found.ok) return found
    const { request, facts } = found.value
    const allowed = authorize(ctx.actor, 'accreditation.appeal', { requestAccountId: request.accountId })
    if (!allowed.ok) return allowed
    const outcome = decide(facts, { kind: 'appeal', by: accountIdOf(ctx.actor), reason })
    if (!outcome.ok) return outcome
    // one open request per role: a newer request already asks again, so the old refusal is not reopened
    if (await hasOtherOpenRequest(trx, request)) return conflict('accreditation_pending')
    await insertAppeal(trx, {
      requestId,
      lodgedBy: request.accountId,
      reason: reason.trim(),
      lodgedAt: ctx.now,
      refusedBy: request.decidedBy,
      refusalReason: request.decisionReason ?? '',
    })
    await setRequestStatus(trx, requestId, 'appealed')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'accreditation.appealed',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      payload: { reason: reason.trim(), requestedBy: request.accountId, refusedBy: request.decidedBy },
      public: false,
    })
    return ok(undefined)
  })
}

/** Withdraws one's own pending request, or one's appeal (the refusal then stands). */
export async function withdrawAccreditation(db: Db, ctx: CommandContext, requestId: number): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const found = await lockedFacts(trx, requestId)
    if (!found.ok) return found
    const { request, facts } = found.value
    const allowed = authorize(ctx.actor, 'accreditation.withdraw', { requestAccountId: request.accountId })
    if (!allowed.ok) return allowed
    const outcome = decide(facts, { kind: 'withdraw', by: accountIdOf(ctx.actor) })
    if (!outcome.ok) return outcome
    if (outcome.value.onAppeal) {
      await decideAppeal(trx, requestId, { status: 'withdrawn', decidedBy: null, reason: null }, ctx.now)
      await setRequestStatus(trx, requestId, 'refused')
    } else {
      await decideRequest(
        trx,
        requestId,
        { status: 'withdrawn', decidedBy: request.accountId, reason: null, roleGrantId: null },
        ctx.now,
      )
    }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: outcome.value.onAppeal ? 'accreditation.appeal_withdrawn' : 'accreditation.withdrawn',
      subjectType: 'accreditation_request',
      subjectId: requestId,
      public: false,
    })
    return ok(undefined)
  })
}
