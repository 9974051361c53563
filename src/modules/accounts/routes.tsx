// Sign up, sign in, sign out and the account page.
import type { Context, Hono } from 'hono'
import { findAccount } from '../../core/auth/accounts.ts'
import { endSession, listApiTokens, SESSION_IDLE_DAYS } from '../../core/auth/sessions.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { COOKIES, clearCookie, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import { ensurePersonForAccount, findPersonByAccount } from '../actors/index.ts'
import {
  changeOwnPassword,
  createToken,
  type RequestInfo,
  revokeToken,
  saveProfile,
  signIn,
  signUp,
} from './commands.ts'
import { describeGrants } from './roles.ts'
import { ApiTokenInput, PasswordChangeInput, ProfileInput, SignInInput, SignUpInput, safeNextPath } from './schemas.ts'
import { type AccountView, renderAccount } from './views/account.tsx'
import { renderSignIn, renderSignUp } from './views/sign-in.tsx'

function requestInfo(c: Context<AppEnv>): RequestInfo {
  return {
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.var.requestId,
    now: c.var.deps.now(),
  }
}

function startSession(c: Context<AppEnv>, token: string, locale: string | null) {
  writeCookie(c, COOKIES.session, token, { maxAgeSeconds: SESSION_IDLE_DAYS * 24 * 60 * 60 })
  if (isLocale(locale)) writeCookie(c, COOKIES.lang, locale, { maxAgeSeconds: 365 * 24 * 60 * 60 })
}

function flash(c: Context<AppEnv>, key: string) {
  writeCookie(c, COOKIES.flash, key, { maxAgeSeconds: 60 })
}

async function accountView(c: Context<AppEnv>, partial: Partial<AccountView> = {}): Promise<AccountView | null> {
  const actor = c.var.actor
  if (actor.kind !== 'account') return null
  const { db } = c.var
  const [account, person, tokens, roles] = await Promise.all([
    findAccount(db, actor.accountId),
    findPersonByAccount(db, actor.accountId),
    listApiTokens(db, actor.accountId),
    describeGrants(db, c.var.i18n, actor.grants),
  ])
  const ensured = person ?? (await ensurePersonForAccount(db, actor.accountId, actor.displayName))
  return {
    actor,
    personId: ensured.id,
    roles,
    tokens,
    profile: {
      values: {
        displayName: actor.displayName,
        preferredLocale: account?.preferredLocale ?? '',
        profilePublic: ensured.profilePublic ? ['yes'] : [],
      },
    },
    password: {},
    token: {},
    ...partial,
  }
}

export function registerAccountRoutes(app: Hono<AppEnv>): void {
  app.get('/sign-up', (c) => renderSignUp(c, {}))

  app.post('/sign-up', async (c) => {
    const form = await parseForm(c, SignUpInput)
    if (!form.ok) return renderSignUp(c, form, 422)
    const result = await signUp(c.var.db, { ...form.value, preferredLocale: c.var.i18n.locale }, requestInfo(c))
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return renderSignUp(c, { values: form.values, issues: result.error.issues }, 422)
      if (result.error.type === 'conflict') {
        return renderSignUp(c, { values: form.values, issues: [{ path: 'email', code: 'accounts.emailTaken' }] }, 422)
      }
      return respondError(c, result.error)
    }
    startSession(c, result.value.sessionToken, c.var.i18n.locale)
    flash(c, 'flash.welcome')
    return c.redirect('/account', 303)
  })

  app.get('/sign-in', async (c) => {
    if (c.var.actor.kind === 'account') return c.redirect(safeNextPath(c.req.query('next')), 303)
    return renderSignIn(c, { values: { next: c.req.query('next') ?? '' } })
  })

  app.post('/sign-in', async (c) => {
    const form = await parseForm(c, SignInInput)
    if (!form.ok) return renderSignIn(c, form, 422)
    const result = await signIn(c.var.db, form.value, requestInfo(c))
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return renderSignIn(c, { values: form.values, issues: result.error.issues }, 422)
      return respondError(c, result.error)
    }
    startSession(c, result.value.sessionToken, result.value.preferredLocale)
    return c.redirect(safeNextPath(form.value.next), 303)
  })

  app.post('/sign-out', async (c) => {
    if (c.var.sessionToken) await endSession(c.var.db, c.var.sessionToken)
    clearCookie(c, COOKIES.session)
    flash(c, 'flash.signedOut')
    return c.redirect('/', 303)
  })

  app.get('/account', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    return renderAccount(c, (await accountView(c)) as AccountView)
  })

  app.post('/account/profile', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const form = await parseForm(c, ProfileInput)
    if (!form.ok) return renderAccount(c, (await accountView(c, { profile: form, status: 422 })) as AccountView)
    const { displayName, preferredLocale, profilePublic } = form.value
    await saveProfile(
      c.var.db,
      actor,
      { displayName, preferredLocale, profilePublic: Boolean(profilePublic?.length) },
      c.var.requestId,
    )
    if (preferredLocale) writeCookie(c, COOKIES.lang, preferredLocale, { maxAgeSeconds: 365 * 24 * 60 * 60 })
    flash(c, 'flash.saved')
    return c.redirect('/account', 303)
  })

  app.post('/account/password', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const form = await parseForm(c, PasswordChangeInput)
    const result = form.ok
      ? await changeOwnPassword(c.var.db, actor, form.value, c.var.sessionToken, c.var.requestId)
      : { ok: false as const, error: { type: 'invalid' as const, id: 'invalid_input', issues: form.issues } }
    if (!result.ok) {
      if (result.error.type !== 'invalid') return respondError(c, result.error)
      return renderAccount(
        c,
        (await accountView(c, { password: { values: {}, issues: result.error.issues }, status: 422 })) as AccountView,
      )
    }
    flash(c, 'flash.passwordChanged')
    return c.redirect('/account', 303)
  })

  app.post('/account/tokens', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const form = await parseForm(c, ApiTokenInput)
    if (!form.ok) return renderAccount(c, (await accountView(c, { token: form, status: 422 })) as AccountView)
    const created = await createToken(c.var.db, actor, form.value.name, c.var.requestId)
    // shown once, on this page, and never again
    return renderAccount(c, (await accountView(c, { newToken: created.token })) as AccountView)
  })

  app.post('/account/tokens/:id/revoke', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const revoked = await revokeToken(c.var.db, actor, Number(c.req.param('id')) || 0, c.var.requestId)
    if (!revoked) return respondError(c, { type: 'not_found', id: 'token_not_found' })
    flash(c, 'flash.tokenRevoked')
    return c.redirect('/account', 303)
  })
}
