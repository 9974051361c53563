// Granting and revoking the Chair, Secretariat and administrator roles (administrators only).

import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { findAccountByEmail } from '../../core/auth/accounts.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { grantRole, revokeGrant } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { invalid, notFound, ok, type Result } from '../../core/result.ts'

export const STAFF_ROLES = ['chair', 'secretariat', 'administrator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export async function grantStaffRole(
  db: Db,
  ctx: CommandContext,
  input: { email: string; role: StaffRole },
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'role.grant')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const account = await findAccountByEmail(trx, input.email)
    if (!account) return invalid([{ path: 'email', code: 'administration.noSuchAccount' }])
    const grant = await grantRole(trx, {
      accountId: account.id,
      role: input.role,
      scope: null,
      grantedBy: accountIdOf(ctx.actor),
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'role.granted',
      subjectType: 'account',
      subjectId: account.id,
      payload: { grantId: grant.id, role: input.role },
    })
    return ok(undefined)
  })
}

export async function revokeStaffRole(db: Db, ctx: CommandContext, grantId: number): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'role.grant')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
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
