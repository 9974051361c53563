// Signing up, confirming the address, signing in. Sign-up answers the same whether or not the
// address has an account (what differs goes by mail, to the address's owner); sign-in throttles
// failed attempts per email and client address, and never counts a success.

import { recordAudit } from '../../core/audit/audit.ts'
import {
  authenticate,
  confirmEmail,
  createAccount,
  findAccountByEmail,
  normalizeEmail,
  restartConfirmation,
} from '../../core/auth/accounts.ts'
import type { Actor } from '../../core/auth/actor.ts'
import { sha256 } from '../../core/auth/crypto.ts'
import { hashPassword } from '../../core/auth/password.ts'
import { identifiersOf, passwordIssue } from '../../core/auth/password-policy.ts'
import { createSession } from '../../core/auth/sessions.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { consumeRateLimit, RATE_LIMITS } from '../../core/http/rate-limit.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import type { Messages } from '../../core/i18n/messages.ts'
import { enqueueMail } from '../../core/mail/outbox.ts'
import { invalid, ok, type Result } from '../../core/result.ts'
import { isolated } from '../../core/ui/name.tsx'
import { ensurePersonForAccount } from '../actors/index.ts'
import { checkThrottle, clearThrottle, countFailure, type ThrottleDecision } from './queries-throttle.ts'
import { THROTTLES } from './rules/throttle.ts'

export interface RequestInfo {
  ip: string
  userAgent: string | null
  requestId: string
  now: Date
}

/** What mail needs: the catalogs and the site's public address for links. */
export interface MailSetting {
  messages: Messages
  baseUrl: string
}

const signedInActor = (account: { id: number; displayName: string; email: string }): Actor => ({
  kind: 'account',
  accountId: account.id,
  displayName: account.displayName,
  email: account.email,
  grants: [],
  via: 'session',
})

function throttled(decision: ThrottleDecision, id: string): Result<never> | null {
  return decision.allowed
    ? null
    : { ok: false, error: { type: 'rate_limited', id, retryAfterSeconds: decision.retryAfterSeconds } }
}

/** Mails a confirmation link; at most three an hour to one address, so nobody floods a mailbox. */
async function mailConfirmation(
  db: Db,
  mail: MailSetting,
  to: { id: number; email: string; displayName: string; locale: string },
  token: string,
  now: Date,
) {
  const limit = await consumeRateLimit(db, `sign-up:email:${to.email}`, RATE_LIMITS.signUpByEmail, now)
  if (!limit.allowed) return
  const { t } = mail.messages.translator(isLocale(to.locale) ? to.locale : 'en')
  await enqueueMail(db, {
    toAddress: to.email,
    toAccountId: to.id,
    locale: to.locale,
    kind: 'email_confirmation',
    subject: t('accounts.mail.confirm.subject'),
    bodyText: `${t('accounts.mail.confirm.body', { name: isolated(to.displayName) })}\n\n${mail.baseUrl}/sign-up/confirm/${token}`,
  })
}

/**
 * Signs a person up: a new address gets an unconfirmed account and a confirmation link; an
 * address with an unconfirmed account gets the new name and password and a new link; an
 * address with an account gets a note that it has one. The answer is the same in all three.
 */
export async function signUp(
  db: Db,
  mail: MailSetting,
  input: { displayName: string; email: string; password: string; preferredLocale: string },
  request: RequestInfo,
): Promise<Result<void>> {
  const limit = await consumeRateLimit(db, `sign-up:${request.ip}`, RATE_LIMITS.signUpByIp, request.now)
  if (!limit.allowed) {
    return {
      ok: false,
      error: { type: 'rate_limited', id: 'too_many_sign_ups', retryAfterSeconds: limit.retryAfterSeconds },
    }
  }
  const email = normalizeEmail(input.email)
  // the password rules are checked before anything depends on the address
  const weak = passwordIssue('password', input.password, identifiersOf({ email, displayName: input.displayName }))
  if (weak) return invalid([weak])
  return inTransaction(db, async (trx) => {
    const existing = await findAccountByEmail(trx, email)
    let accountId: number
    if (!existing) {
      const created = await createAccount(trx, { ...input, email, confirmed: false }, request.now)
      if (!created.ok) return created
      accountId = created.value.id
      const token = await restartConfirmation(trx, accountId, request.now)
      await mailConfirmation(trx, mail, { ...created.value, locale: input.preferredLocale }, token, request.now)
    } else if (!existing.emailConfirmedAt) {
      accountId = existing.id
      const token = await restartConfirmation(trx, accountId, request.now, input)
      const to = { ...existing, displayName: input.displayName, locale: input.preferredLocale }
      await mailConfirmation(trx, mail, to, token, request.now)
    } else {
      accountId = existing.id
      // as long as the other two ways, which hash the new password
      await hashPassword(input.password)
      const { t } = mail.messages.translator(isLocale(existing.preferredLocale) ? existing.preferredLocale : 'en')
      const hour = Math.floor(request.now.getTime() / 3_600_000)
      await enqueueMail(trx, {
        toAddress: existing.email,
        toAccountId: existing.id,
        locale: existing.preferredLocale ?? 'en',
        kind: 'account_exists',
        subject: t('accounts.mail.exists.subject'),
        bodyText: `${t('accounts.mail.exists.body', { name: isolated(existing.displayName) })}\n\n${mail.baseUrl}/sign-in`,
        dedupeKey: `account-exists:${existing.id}:${hour}`,
      })
    }
    // one restricted entry whichever way it went, so the public log does not tell them apart
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'account.sign_up_requested',
      subjectType: 'account',
      subjectId: accountId,
      public: false,
      requestId: request.requestId,
      at: request.now,
    })
    return ok(undefined)
  })
}

/** Confirms an address from the mailed link and the password chosen at sign-up; signs in. */
export async function confirmSignUp(
  db: Db,
  token: string,
  password: string,
  request: RequestInfo,
): Promise<Result<{ accountId: number; sessionToken: string; preferredLocale: string | null }>> {
  const key = `confirm:${sha256(token)}`
  const reserved = throttled(
    await countFailure(db, key, THROTTLES.passwordChange, request.now, true),
    'too_many_sign_ins',
  )
  if (reserved) return reserved
  return inTransaction(db, async (trx) => {
    const confirmed = await confirmEmail(trx, token, password, request.now)
    if (!confirmed.ok) return confirmed
    const account = confirmed.value
    await clearThrottle(trx, key)
    const person = await ensurePersonForAccount(trx, account.id, account.displayName)
    await recordAudit(trx, {
      actor: signedInActor(account),
      action: 'account.created',
      subjectType: 'account',
      subjectId: account.id,
      payload: { personId: person.id },
      public: false,
      requestId: request.requestId,
      at: request.now,
    })
    const sessionToken = await createSession(trx, account.id, request.userAgent, request.now)
    return ok({ accountId: account.id, sessionToken, preferredLocale: account.preferredLocale })
  })
}

/**
 * Signs in. Failed attempts are throttled per email and client address (a few free, then
 * growing delays), and per client address across emails with a much higher allowance; a
 * success clears its pair. Nobody else's failures can keep an owner out from their own address.
 */
export async function signIn(
  db: Db,
  mail: MailSetting,
  input: { email: string; password: string },
  request: RequestInfo,
): Promise<Result<{ accountId: number; sessionToken: string; preferredLocale: string | null }>> {
  const email = normalizeEmail(input.email)
  const pairKey = `sign-in:${email}:${request.ip}`
  const sourceKey = `sign-in-source:${request.ip}`
  const refused =
    throttled(await checkThrottle(db, sourceKey, request.now), 'too_many_sign_ins') ??
    throttled(await countFailure(db, pairKey, THROTTLES.signInPair, request.now, true), 'too_many_sign_ins')
  if (refused) return refused
  const result = await authenticate(db, email, input.password)
  if (result.status === 'failed') {
    await countFailure(db, sourceKey, THROTTLES.signInSource, request.now)
    return invalid([{ path: 'email', code: 'accounts.signInFailed' }], 'sign_in_failed')
  }
  await clearThrottle(db, pairKey)
  const { account } = result
  if (result.status === 'unconfirmed') {
    // only the password's owner learns this; a new link goes to the address
    await inTransaction(db, async (trx) => {
      const token = await restartConfirmation(trx, account.id, request.now)
      await mailConfirmation(trx, mail, { ...account, locale: account.preferredLocale ?? 'en' }, token, request.now)
    })
    return invalid([{ path: 'email', code: 'accounts.confirmFirst' }], 'email_unconfirmed')
  }
  return inTransaction(db, async (trx) => {
    const sessionToken = await createSession(trx, account.id, request.userAgent, request.now)
    await recordAudit(trx, {
      actor: signedInActor(account),
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      public: false,
      requestId: request.requestId,
      at: request.now,
    })
    return ok({ accountId: account.id, sessionToken, preferredLocale: account.preferredLocale })
  })
}
