// Role grants: who holds which role, for which State, organization or body. Revoked, never deleted.
import type { Db } from '../db/database.ts'
import type { Grant, GrantedRole, Scope, ScopeType } from './actor.ts'

export interface GrantRecord extends Grant {
  accountId: number
  grantedAt: Date
  grantedBy: number | null
}

function toGrant(row: {
  id: number
  accountId: number
  role: string
  scopeType: string | null
  scopeId: string | null
  grantedAt: Date
  grantedBy: number | null
}): GrantRecord {
  return {
    id: row.id,
    accountId: row.accountId,
    role: row.role as GrantedRole,
    scope: row.scopeType && row.scopeId ? { type: row.scopeType as ScopeType, id: row.scopeId } : null,
    grantedAt: row.grantedAt,
    grantedBy: row.grantedBy,
  }
}

const grantColumns = ['id', 'accountId', 'role', 'scopeType', 'scopeId', 'grantedAt', 'grantedBy'] as const

export async function activeGrants(db: Db, accountId: number): Promise<GrantRecord[]> {
  const rows = await db
    .selectFrom('authRoleGrant')
    .select(grantColumns)
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map(toGrant)
}

/** Active grants of a role (optionally of one scope), e.g. all delegates of a State. */
export async function grantsOfRole(db: Db, role: GrantedRole, scope?: Scope): Promise<GrantRecord[]> {
  let query = db
    .selectFrom('authRoleGrant')
    .select(grantColumns)
    .where('role', '=', role)
    .where('revokedAt', 'is', null)
  if (scope) query = query.where('scopeType', '=', scope.type).where('scopeId', '=', scope.id)
  return (await query.orderBy('id').execute()).map(toGrant)
}

/** Grants a role; an identical active grant is returned instead of a duplicate. */
export async function grantRole(
  db: Db,
  input: { accountId: number; role: GrantedRole; scope: Scope | null; grantedBy: number | null },
): Promise<GrantRecord> {
  let existing = db
    .selectFrom('authRoleGrant')
    .select(grantColumns)
    .where('accountId', '=', input.accountId)
    .where('role', '=', input.role)
    .where('revokedAt', 'is', null)
  existing = input.scope
    ? existing.where('scopeType', '=', input.scope.type).where('scopeId', '=', input.scope.id)
    : existing.where('scopeType', 'is', null)
  const found = await existing.executeTakeFirst()
  if (found) return toGrant(found)
  const row = await db
    .insertInto('authRoleGrant')
    .values({
      accountId: input.accountId,
      role: input.role,
      scopeType: input.scope?.type ?? null,
      scopeId: input.scope?.id ?? null,
      grantedBy: input.grantedBy,
    })
    .returning(grantColumns)
    .executeTakeFirstOrThrow()
  return toGrant(row)
}

export async function revokeGrant(db: Db, grantId: number, revokedBy: number | null): Promise<GrantRecord | undefined> {
  const row = await db
    .updateTable('authRoleGrant')
    .set({ revokedAt: new Date(), revokedBy })
    .where('id', '=', grantId)
    .where('revokedAt', 'is', null)
    .returning(grantColumns)
    .executeTakeFirst()
  return row ? toGrant(row) : undefined
}

/** Active unscoped grants of the staff roles, with the account they belong to. */
export async function staffGrants(db: Db) {
  return db
    .selectFrom('authRoleGrant as g')
    .innerJoin('authAccount as a', 'a.id', 'g.accountId')
    .select([
      'g.id',
      'g.role',
      'g.scopeType',
      'g.scopeId',
      'g.grantedAt',
      'a.id as accountId',
      'a.displayName',
      'a.email',
    ])
    .where('g.revokedAt', 'is', null)
    .where('g.role', 'in', ['chair', 'secretariat', 'administrator'])
    .orderBy('g.role')
    .orderBy('a.displayName')
    .execute()
}
