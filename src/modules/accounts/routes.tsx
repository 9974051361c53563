// Sign up (and confirm the address), sign in, sign out and the account page.
import type { Context, Hono } from 'hono'
import { findAccount } from '../../core/auth/accounts.ts'
import { scopesAvailableTo } from '../../core/auth/scopes.ts'
import { endSession, SESSION_IDLE_DAYS } from '../../core/auth/sessions.ts'
import { listApiTokens } from '../../core/auth/tokens.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { COOKIES, clearCookie, flash, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { mailBaseUrl, siteOrigin } from '../../core/http/urls.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import { ensurePersonForAccount, findPersonByAccount } from '../actors/index.ts'
import { confirmSignUp, type MailSetting, type RequestInfo, signIn, signUp } from './commands.ts'
import { changeOwnPassword, createToken, revokeToken, saveProfile } from './commands-account.ts'
import { describeGrants } from './roles.ts'
import {
  ApiTokenInput,
  ConfirmInput,
  PasswordChangeInput,
  ProfileInput,
  SignInInput,
  SignUpInput,
  safeNextPath,
} from './schemas.ts'
import { type AccountView, renderAccount } from './views/account.tsx'
import { renderConfirm, renderSignUpSent } from './views/confirm.tsx'
import { renderSignIn, renderSignUp } from './views/sign-in.tsx'

function requestInfo(c: Context<AppEnv>): RequestInfo {
  return {
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.var.requestId,
    now: c.var.deps.now(),
  }
}

function mailSetting(c: Context<AppEnv>): MailSetting {
  // links in mail never come from the request's Host header, which a sender chooses
  const { config } = c.var.deps
  return { messages: c.var.deps.messages, baseUrl: mailBaseUrl(config) }
}

/** Starts a new session; the one the browser had before (if any) ends, so none is carried over. */
async function startSession(c: Context<AppEnv>, token: string, locale: string | null) {
  if (c.var.sessionToken) await endSession(c.var.db, c.var.sessionToken)
  writeCookie(c, COOKIES.session, token, { maxAgeSeconds: SESSION_IDLE_DAYS * 24 * 60 * 60 })
  if (isLocale(locale)) writeCookie(c, COOKIES.lang, locale, { maxAgeSeconds: 365 * 24 * 60 * 60 })
}

async function accountView(c: Context<AppEnv>, partial: Partial<AccountView> = {}): Promise<AccountView | null> {
  const actor = c.var.actor
  if (actor.kind !== 'account') return null
  const { db } = c.var
  const [account, person, tokens, roles] = await Promise.all([
    findAccount(db, actor.accountId),
    findPersonByAccount(db, actor.accountId),
    listApiTokens(db, actor.accountId, c.var.deps.now()),
    describeGrants(db, c.var.i18n, actor.grants),
  ])
  const ensured = person ?? (await ensurePersonForAccount(db, actor.accountId, actor.displayName))
  return {
    actor,
    personId: ensured.id,
    roles,
    tokens,
    scopes: scopesAvailableTo(actor),
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
    const result = await signUp(
      c.var.db,
      mailSetting(c),
      { ...form.value, preferredLocale: c.var.i18n.locale },
      requestInfo(c),
    )
    if (!result.ok) {
      if (result.error.type === 'invalid') {
        return renderSignUp(c, { values: form.values, issues: result.error.issues }, 422)
      }
      return respondError(c, result.error)
    }
    return c.redirect('/sign-up/sent', 303)
  })

  app.get('/sign-up/sent', (c) => renderSignUpSent(c))

  app.get('/sign-up/confirm/:token', (c) => renderConfirm(c, c.req.param('token'), {}))

  app.post('/sign-up/confirm/:token', async (c) => {
    const token = c.req.param('token')
    const form = await parseForm(c, ConfirmInput)
    if (!form.ok) return renderConfirm(c, token, form, 422)
    const result = await confirmSignUp(c.var.db, token, form.value.password, requestInfo(c))
    if (!result.ok) {
      if (result.error.type === 'invalid') return renderConfirm(c, token, { issues: result.error.issues }, 422)
      return respondError(c, result.error)
    }
    await startSession(c, result.value.sessionToken, result.value.preferredLocale)
    flash(c, 'flash.welcome')
    return c.redirect('/account', 303)
  })

  app.get('/sign-in', async (c) => {
    const next = c.req.query('next')
    if (c.var.actor.kind === 'account') return c.redirect(safeNextPath(next, siteOrigin(c)), 303)
    // a next we would not follow is not carried into the form either
    const kept = next && safeNextPath(next, siteOrigin(c)) === next ? next : ''
    return renderSignIn(c, { values: { next: kept } })
  })

  app.post('/sign-in', async (c) => {
    const form = await parseForm(c, SignInInput)
    if (!form.ok) return renderSignIn(c, form, 422)
    const result = await signIn(c.var.db, mailSetting(c), form.value, requestInfo(c))
    if (!result.ok) {
      if (result.error.type === 'invalid') {
        return renderSignIn(c, { values: form.values, issues: result.error.issues }, 422)
      }
      return respondError(c, result.error)
    }
    await startSession(c, result.value.sessionToken, result.value.preferredLocale)
    return c.redirect(safeNextPath(form.value.next, siteOrigin(c)), 303)
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
    const saved = await saveProfile(
      c.var.db,
      actor,
      { displayName, preferredLocale, profilePublic: Boolean(profilePublic?.length) },
      c.var.requestId,
    )
    if (!saved.ok) return respondError(c, saved.error)
    if (preferredLocale) writeCookie(c, COOKIES.lang, preferredLocale, { maxAgeSeconds: 365 * 24 * 60 * 60 })
    flash(c, 'flash.saved')
    return c.redirect('/account', 303)
  })

  app.post('/account/password', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const form = await parseForm(c, PasswordChangeInput)
    const result = form.ok
      ? await changeOwnPassword(c.var.db, actor, form.value, c.var.sessionToken, {
          requestId: c.var.requestId,
          now: c.var.deps.now(),
        })
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
    const created = await createToken(c.var.db, actor, form.value, {
      requestId: c.var.requestId,
      now: c.var.deps.now(),
    })
    if (!created.ok) {
      if (created.error.type !== 'invalid') return respondError(c, created.error)
      const token = { values: form.values, issues: created.error.issues }
      return renderAccount(c, (await accountView(c, { token, status: 422 })) as AccountView)
    }
    // shown once, on this page, and never again: no cache may keep it
    c.header('Cache-Control', 'no-store')
    return renderAccount(c, (await accountView(c, { newToken: created.value.token })) as AccountView)
  })

  app.post('/account/tokens/:id/revoke', async (c) => {
    const actor = await requireAccount(c)
    if (actor instanceof Response) return actor
    const revoked = await revokeToken(c.var.db, actor, idParam(c), c.var.requestId)
    if (!revoked.ok) return respondError(c, revoked.error)
    if (!revoked.value) return respondError(c, { type: 'not_found', id: 'token_not_found' })
    flash(c, 'flash.tokenRevoked')
    return c.redirect('/account', 303)
  })
}
