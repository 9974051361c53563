// SQL of the staff roles page beyond core/auth/grants.ts: one grant, and the grants the platform
// revoked because they broke a rule made after them.
import type { Db } from '../../core/db/database.ts'

export async function findActiveGrant(db: Db, id: number) {
  return db
    .selectFrom('authRoleGrant')
    .select(['id', 'accountId', 'role', 'scopeType', 'scopeId', 'grantedBy'])
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
}

/** Active grants that break a rule (a Chair without a body, a role granted by its holder). */
export async function grantsBreakingRules(db: Db) {
  return db
    .selectFrom('authRoleGrant')
    .select(['id', 'accountId', 'role', 'scopeType', 'scopeId', 'grantedBy'])
    .where('revokedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('role', '=', 'chair'), eb.or([eb('scopeType', 'is', null), eb('scopeType', '<>', 'body')])]),
        eb('grantedBy', '=', eb.ref('accountId')),
      ]),
    )
    .orderBy('id')
    .execute()
}

/** Grants the platform revoked because they broke a rule, for the administrator to renew rightly. */
export async function grantsRevokedByRules(db: Db) {
  return db
    .selectFrom('authRoleGrant as g')
    .innerJoin('authAccount as a', 'a.id', 'g.accountId')
    .select([
      'g.id',
      'g.role',
      'g.scopeType',
      'g.scopeId',
      'g.grantedBy',
      'g.revokedAt',
      'a.id as accountId',
      'a.displayName',
      'a.email',
    ])
    .where('g.revokedAt', 'is not', null)
    .where('g.revokedBy', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('g.role', '=', 'chair'), eb.or([eb('g.scopeType', 'is', null), eb('g.scopeType', '<>', 'body')])]),
        eb('g.grantedBy', '=', eb.ref('g.accountId')),
      ]),
    )
    .orderBy('g.revokedAt', 'desc')
    .limit(100)
    .execute()
}
