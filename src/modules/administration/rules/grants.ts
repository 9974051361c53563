// Who may be given which staff role, and by whom: pure rules over plain data. A Chair chairs a
// body, never the platform; the Secretariat and administrators serve the whole platform. Four
// eyes: nobody grants or revokes a role of their own; another administrator does it, so the last
// administrator can never remove themselves. The database refuses new grants that break the
// first two rules (migration 20261205-0620-core-role-grant-rules).
import { err, invalid, ok, type Result } from '../../../core/result.ts'

export const STAFF_ROLES = ['chair', 'secretariat', 'administrator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface GrantRequest {
  /** who grants: an account, or null for the platform itself (demo, CLI) */
  granterAccountId: number | null
  granteeAccountId: number
  role: StaffRole
  /** the body a Chair chairs; none for the other roles */
  bodyId: number | null
}

/** Why this grant may not be made, or ok. */
export function grantRefusal(request: GrantRequest): Result<void> {
  if (request.granterAccountId !== null && request.granterAccountId === request.granteeAccountId) {
    return err({ type: 'forbidden', id: 'own_role' })
  }
  if (request.role === 'chair' && request.bodyId === null) {
    return invalid([{ path: 'bodyId', code: 'administration.chairNeedsBody' }])
  }
  if (request.role !== 'chair' && request.bodyId !== null) {
    return invalid([{ path: 'bodyId', code: 'administration.bodyOnlyForChair' }])
  }
  return ok(undefined)
}

/** Why this grant may not be revoked by this account, or ok. */
export function revocationRefusal(revokerAccountId: number | null, grant: { accountId: number }): Result<void> {
  if (revokerAccountId !== null && revokerAccountId === grant.accountId) {
    return err({ type: 'forbidden', id: 'own_role' })
  }
  return ok(undefined)
}

/** Grants made before these rules that break them, and why: the platform revokes them at start. */
export type BrokenRule = 'chair_without_body' | 'granted_by_grantee'

export function brokenRule(grant: {
  role: string
  scopeType: string | null
  accountId: number
  grantedBy: number | null
}): BrokenRule | null {
  if (grant.role === 'chair' && grant.scopeType !== 'body') return 'chair_without_body'
  if (grant.grantedBy !== null && grant.grantedBy === grant.accountId) return 'granted_by_grantee'
  return null
}
