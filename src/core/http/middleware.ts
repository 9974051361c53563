// Per-request middleware: request id, client address, who is acting (session cookie or API
// token), and the language and time zone to render in.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'
import { ANONYMOUS } from '../auth/actor.ts'
import { randomToken } from '../auth/crypto.ts'
import { actorForSession, SESSION_IDLE_DAYS } from '../auth/sessions.ts'
import { actorForApiToken } from '../auth/tokens.ts'
import { DEFAULT_LOCALE, isLocale, type Locale, negotiateLocale } from '../i18n/locales.ts'
import { isTimeZone } from '../i18n/messages.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps, AppEnv } from './context.ts'
import { COOKIES, clearCookie, readCookie, writeCookie } from './cookies.ts'
import { respondError } from './errors.tsx'

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps)
    c.set('db', deps.db)
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomToken(12)
    c.set('requestId', requestId)
    c.header('X-Request-Id', requestId)
    let socket: string | undefined
    try {
      socket = getConnInfo(c).remote.address
    } catch {
      // requests made in-process (tests) have no socket
    }
    c.set('clientIp', clientAddress(c.req.header('x-forwarded-for'), socket, deps.config.trustProxy))
    c.set('actor', ANONYMOUS)
    c.set('sessionToken', null)
    c.set('csrfToken', '')
    // until the language is known, errors render in the default one
    c.set('i18n', deps.messages.translator(DEFAULT_LOCALE))
    await next()
  }
}

export function authentication(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps
    const authorization = c.req.header('authorization')
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization)
      const actor = match?.[1] ? await actorForApiToken(db, match[1], c.var.deps.now()) : null
      if (!actor) return respondError(c, { type: 'unauthenticated', id: 'invalid_token' })
      c.set('actor', actor)
    } else {
      const token = readCookie(c, COOKIES.session)
      if (token) {
        const session = await actorForSession(db, token, c.var.deps.now())
        if (session) {
          c.set('actor', session.actor)
          c.set('sessionToken', token)
          // the cookie lives as long as the session's sliding expiry
          if (session.renewedUntil) {
            const seconds = Math.floor((session.renewedUntil.getTime() - c.var.deps.now().getTime()) / 1000)
            writeCookie(c, COOKIES.session, token, { maxAgeSeconds: Math.min(seconds, SESSION_IDLE_DAYS * 86_400) })
          }
        } else {
          clearCookie(c, COOKIES.session)
        }
      }
    }
    await next()
    // what a signed-in account sees is its own: no browser or proxy keeps a copy (assets excepted)
    if (c.var.actor.kind === 'account' && !c.res.headers.get('cache-control')?.includes('immutable')) {
      c.header('Cache-Control', 'no-store')
    }
  }
}

const ONE_YEAR = 365 * 24 * 60 * 60

/**
 * The language: `?lang=` (remembered in a cookie), then the cookie, then Accept-Language.
 * The time zone comes from a cookie that the enhancement script sets; UTC without it.
 */
export function localization(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requested = c.req.query('lang')
    let locale: Locale | null = null
    if (isLocale(requested)) {
      locale = requested
      if (!c.req.path.startsWith('/api/')) writeCookie(c, COOKIES.lang, requested, { maxAgeSeconds: ONE_YEAR })
    }
    if (!locale) {
      const remembered = readCookie(c, COOKIES.lang)
      if (isLocale(remembered)) locale = remembered
    }
    locale ??= negotiateLocale(c.req.header('accept-language')) ?? DEFAULT_LOCALE
    const zone = readCookie(c, COOKIES.timeZone)
    const timeZone = zone && zone.length < 64 && isTimeZone(zone) ? zone : 'UTC'
    c.set('i18n', c.var.deps.messages.translator(locale, timeZone))
    c.header('Content-Language', c.var.i18n.tag)
    c.header('Vary', 'Cookie, Accept-Language')
    await next()
  }
}
