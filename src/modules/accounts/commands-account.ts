// Changes to one's own account: profile, password (which ends every other session and revokes
// every API token) and API tokens (with scopes the owner's roles give a use, and an expiry).
// All need a browser session: a token can neither change a password nor mint tokens.

import { recordAudit } from '../../core/audit/audit.ts'
import { changePassword, updateAccountProfile } from '../../core/auth/accounts.ts'
import type { Actor } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { scopesAvailableTo, type TokenScope } from '../../core/auth/scopes.ts'
import { endOtherSessions } from '../../core/auth/sessions.ts'
import { createApiToken, revokeAllApiTokens, revokeApiToken } from '../../core/auth/tokens.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { invalid, ok, type Result } from '../../core/result.ts'
import { ensurePersonForAccount, updatePerson } from '../actors/index.ts'
import { clearThrottle, countFailure } from './queries-throttle.ts'
import { THROTTLES } from './rules/throttle.ts'

type AccountActor = Extract<Actor, { kind: 'account' }>

export async function saveProfile(
  db: Db,
  actor: AccountActor,
  input: { displayName: string; preferredLocale?: string | undefined; profilePublic: boolean },
  requestId: string,
): Promise<Result<void>> {
  const allowed = authorize(actor, 'account.manage_own')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const updated = await updateAccountProfile(trx, actor.accountId, {
      displayName: input.displayName,
      preferredLocale: input.preferredLocale ?? null,
    })
    if (!updated.ok) return updated
    const person = await ensurePersonForAccount(trx, actor.accountId, input.displayName)
    await updatePerson(trx, { actor, requestId, now: new Date() }, person.id, {
      name: input.displayName,
      profilePublic: input.profilePublic,
    })
    await recordAudit(trx, {
      actor,
      action: 'account.profile_changed',
      subjectType: 'account',
      subjectId: actor.accountId,
      payload: { preferredLocale: input.preferredLocale ?? null },
      public: false,
      requestId,
    })
    return ok(undefined)
  })
}

/**
 * Changes the password after checking the current one, throttled like sign-in (so a stolen
 * session is no password oracle); then signs out every other browser and revokes every token.
 */
export async function changeOwnPassword(
  db: Db,
  actor: AccountActor,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string | null,
  request: { requestId: string; now: Date },
): Promise<Result<{ tokensRevoked: number }>> {
  const allowed = authorize(actor, 'account.manage_own')
  if (!allowed.ok) return allowed
  const key = `password-change:${actor.accountId}`
  const reserved = await countFailure(db, key, THROTTLES.passwordChange, request.now, true)
  if (!reserved.allowed) {
    return {
      ok: false,
      error: { type: 'rate_limited', id: 'too_many_password_attempts', retryAfterSeconds: reserved.retryAfterSeconds },
    }
  }
  const result = await inTransaction(db, async (trx) => {
    const changed = await changePassword(trx, actor.accountId, input.currentPassword, input.newPassword)
    if (!changed.ok) return changed
    await endOtherSessions(trx, actor.accountId, keepSessionToken)
    const tokensRevoked = await revokeAllApiTokens(trx, actor.accountId, request.now)
    await recordAudit(trx, {
      actor,
      action: 'account.password_changed',
      subjectType: 'account',
      subjectId: actor.accountId,
      payload: { tokensRevoked },
      public: false,
      requestId: request.requestId,
    })
    return ok({ tokensRevoked })
  })
  // the right current password clears the count, even when the new one is refused
  if (result.ok || result.error.id !== 'current_password_wrong') await clearThrottle(db, key)
  return result
}

/** Makes an API token with the scopes chosen, each one the account's roles give a use. */
export async function createToken(
  db: Db,
  actor: AccountActor,
  input: { name: string; scopes: readonly TokenScope[]; days: number },
  request: { requestId: string; now: Date },
) {
  const allowed = authorize(actor, 'account.manage_own')
  if (!allowed.ok) return allowed
  const available = scopesAvailableTo(actor)
  if (input.scopes.some((s) => !available.includes(s))) {
    return invalid([{ path: 'scopes', code: 'accounts.tokens.scopeNotHeld' }], 'scope_not_held')
  }
  return inTransaction(db, async (trx) => {
    const created = await createApiToken(trx, actor.accountId, input, request.now)
    await recordAudit(trx, {
      actor,
      action: 'api_token.created',
      subjectType: 'account',
      subjectId: actor.accountId,
      payload: {
        tokenId: created.id,
        name: input.name,
        scopes: created.scopes,
        expiresAt: created.expiresAt.toISOString(),
      },
      public: false,
      requestId: request.requestId,
    })
    return ok(created)
  })
}

export async function revokeToken(
  db: Db,
  actor: AccountActor,
  tokenId: number,
  requestId: string,
): Promise<Result<boolean>> {
  const allowed = authorize(actor, 'account.manage_own')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const revoked = await revokeApiToken(trx, actor.accountId, tokenId)
    if (revoked) {
      await recordAudit(trx, {
        actor,
        action: 'api_token.revoked',
        subjectType: 'account',
        subjectId: actor.accountId,
        payload: { tokenId },
        public: false,
        requestId,
      })
    }
    return ok(revoked)
  })
}
