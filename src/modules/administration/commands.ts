// Granting and revoking the Chair, Secretariat and administrator roles (administrators only): a
// Chair is granted for a body; nobody grants or revokes a role of their own (rules/grants.ts).
// At start, the platform revokes grants made before these rules that break them.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { findAccountByEmail } from '../../core/auth/accounts.ts'
import { accountIdOf, SYSTEM } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { grantRole, revokeGrant } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { Logger } from '../../core/log.ts'
import { invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findBody } from '../processes/index.ts'
import { findActiveGrant, grantsBreakingRules } from './queries.ts'
import { brokenRule, grantRefusal, revocationRefusal, type StaffRole } from './rules/grants.ts'

export { STAFF_ROLES, type StaffRole } from './rules/grants.ts'

export async function grantStaffRole(
  db: Db,
  ctx: CommandContext,
  input: { email: string; role: StaffRole; bodyId?: number | undefined },
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'role.grant')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const account = await findAccountByEmail(trx, input.email)
    if (!account) return invalid([{ path: 'email', code: 'administration.noSuchAccount' }])
    const refusal = grantRefusal({
      granterAccountId: accountIdOf(ctx.actor),
      granteeAccountId: account.id,
      role: input.role,
      bodyId: input.bodyId ?? null,
    })
    if (!refusal.ok) return refusal
    if (input.bodyId !== undefined && !(await findBody(trx, input.bodyId))) {
      return invalid([{ path: 'bodyId', code: 'processes.unknownBody' }])
    }
    const scope = input.bodyId !== undefined ? { type: 'body' as const, id: String(input.bodyId) } : null
    const grant = await grantRole(trx, {
      accountId: account.id,
      role: input.role,
      scope,
      grantedBy: accountIdOf(ctx.actor),
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'role.granted',
      subjectType: 'account',
      subjectId: account.id,
      // the grantee is the subject, the granter the actor: both are in the entry
      payload: { grantId: grant.id, role: input.role, ...(scope ? { scope } : {}) },
    })
    return ok(undefined)
  })
}

export async function revokeStaffRole(db: Db, ctx: CommandContext, grantId: number): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'role.grant')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const grant = await findActiveGrant(trx, grantId)
    if (!grant) return notFound('grant_not_found')
    const refusal = revocationRefusal(accountIdOf(ctx.actor), grant)
    if (!refusal.ok) return refusal
    const revoked = await revokeGrant(trx, grantId, accountIdOf(ctx.actor))
    if (!revoked) return notFound('grant_not_found')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'role.revoked',
      subjectType: 'account',
      subjectId: revoked.accountId,
      payload: { grantId, role: revoked.role },
    })
    return ok(undefined)
  })
}

/**
 * Revokes the active grants that break a rule made after them (a Chair without a body, a role
 * granted by its holder), each with an audit entry naming the rule; the roles page lists them so
 * the administrator can grant them again rightly. Idempotent: run at every start.
 */
export async function revokeGrantsBreakingRules(db: Db, log: Logger): Promise<void> {
  const broken = await grantsBreakingRules(db)
  if (broken.length === 0) return
  await inTransaction(db, async (trx) => {
    for (const grant of broken) {
      const rule = brokenRule(grant)
      if (!rule || !(await revokeGrant(trx, grant.id, null))) continue
      await recordAudit(trx, {
        actor: SYSTEM,
        action: 'role.revoked',
        subjectType: 'account',
        subjectId: grant.accountId,
        payload: { grantId: grant.id, role: grant.role, rule },
      })
    }
  })
  log.info('revoked role grants that break the role rules; see Administration > Staff roles', {
    grants: broken.map((g) => g.id),
  })
}
