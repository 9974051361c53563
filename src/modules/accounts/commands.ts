// Account life cycle: sign-up (account and person together), sign-in with rate limits,
// profile and password changes. Each change is audited (restricted: hashes only in public).

import { recordAudit } from '../../core/audit/audit.ts'
import { authenticate, changePassword, createAccount, updateAccountProfile } from '../../core/auth/accounts.ts'
import type { Actor } from '../../core/auth/actor.ts'
import { createApiToken, createSession, endOtherSessions, revokeApiToken } from '../../core/auth/sessions.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { consumeRateLimit, RATE_LIMITS } from '../../core/http/rate-limit.ts'
import { invalid, ok, type Result } from '../../core/result.ts'
import { ensurePersonForAccount, updatePerson } from '../actors/index.ts'

export interface RequestInfo {
  ip: string
  userAgent: string | null
  requestId: string
  now: Date
}

export async function signUp(
  db: Db,
  input: { displayName: string; email: string; password: string; preferredLocale: string },
  request: RequestInfo,
): Promise<Result<{ accountId: number; sessionToken: string }>> {
  const limit = await consumeRateLimit(db, `sign-up:${request.ip}`, RATE_LIMITS.signUpByIp, request.now)
  if (!limit.allowed)
    return {
      ok: false,
      error: { type: 'rate_limited', id: 'too_many_sign_ups', retryAfterSeconds: limit.retryAfterSeconds },
    }
  return inTransaction(db, async (trx) => {
    const created = await createAccount(trx, input)
    if (!created.ok) return created
    const account = created.value
    const person = await ensurePersonForAccount(trx, account.id, account.displayName)
    const actor: Actor = {
      kind: 'account',
      accountId: account.id,
      displayName: account.displayName,
      email: account.email,
      grants: [],
      via: 'session',
    }
    await recordAudit(trx, {
      actor,
      action: 'account.created',
      subjectType: 'account',
      subjectId: account.id,
      payload: { personId: person.id },
      public: false,
      requestId: request.requestId,
    })
    const sessionToken = await createSession(trx, account.id, request.userAgent, request.now)
    return ok({ accountId: account.id, sessionToken })
  })
}

export async function signIn(
  db: Db,
  input: { email: string; password: string },
  request: RequestInfo,
): Promise<Result<{ accountId: number; sessionToken: string; preferredLocale: string | null }>> {
  for (const [key, rule] of [
    [`sign-in:ip:${request.ip}`, RATE_LIMITS.signInByIp],
    [`sign-in:email:${input.email.trim().toLowerCase()}`, RATE_LIMITS.signInByEmail],
  ] as const) {
    const limit = await consumeRateLimit(db, key, rule, request.now)
    if (!limit.allowed) {
      return {
        ok: false,
        error: { type: 'rate_limited', id: 'too_many_sign_ins', retryAfterSeconds: limit.retryAfterSeconds },
      }
    }
  }
  const account = await authenticate(db, input.email, input.password)
  if (!account) return invalid([{ path: 'email', code: 'accounts.signInFailed' }], 'sign_in_failed')
  return inTransaction(db, async (trx) => {
    const sessionToken = await createSession(trx, account.id, request.userAgent, request.now)
    await recordAudit(trx, {
      actor: {
        kind: 'account',
        accountId: account.id,
        displayName: account.displayName,
        email: account.email,
        grants: [],
        via: 'session',
      },
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      public: false,
      requestId: request.requestId,
    })
    return ok({ accountId: account.id, sessionToken, preferredLocale: account.preferredLocale })
  })
}

export async function saveProfile(
  db: Db,
  actor: Extract<Actor, { kind: 'account' }>,
  input: { displayName: string; preferredLocale?: string | undefined; profilePublic: boolean },
  requestId: string,
): Promise<Result<void>> {
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

export async function changeOwnPassword(
  db: Db,
  actor: Extract<Actor, { kind: 'account' }>,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string | null,
  requestId: string,
): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const changed = await changePassword(trx, actor.accountId, input.currentPassword, input.newPassword)
    if (!changed.ok) return changed
    // a changed password signs out every other browser
    await endOtherSessions(trx, actor.accountId, keepSessionToken)
    await recordAudit(trx, {
      actor,
      action: 'account.password_changed',
      subjectType: 'account',
      subjectId: actor.accountId,
      public: false,
      requestId,
    })
    return ok(undefined)
  })
}

export async function createToken(db: Db, actor: Extract<Actor, { kind: 'account' }>, name: string, requestId: string) {
  return inTransaction(db, async (trx) => {
    const created = await createApiToken(trx, actor.accountId, name)
    await recordAudit(trx, {
      actor,
      action: 'api_token.created',
      subjectType: 'account',
      subjectId: actor.accountId,
      payload: { tokenId: created.id, name },
      public: false,
      requestId,
    })
    return created
  })
}

export async function revokeToken(
  db: Db,
  actor: Extract<Actor, { kind: 'account' }>,
  tokenId: number,
  requestId: string,
) {
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
    return revoked
  })
}
