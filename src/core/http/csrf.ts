// CSRF protection for every state-changing request: a signed double-submit token (cookie nonce
// and the session, HMAC'd with the installation secret, echoed in a form field or X-CSRF-Token
// header) plus an Origin check (Sec-Fetch-Site when a browser sends no Origin). The token is
// tied to the session, so one taken before sign-in, or from another session, does not pass.
// Requests authenticated by an API token carry no ambient credential and skip it.
import type { Context, MiddlewareHandler } from 'hono'
import { hmac, randomToken, safeEqual, sha256 } from '../auth/crypto.ts'
import { trustedForwarded } from './client-address.ts'
import type { AppEnv } from './context.ts'
import { COOKIES, readCookie, writeCookie } from './cookies.ts'
import { respondError } from './errors.tsx'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

/** The token for a cookie nonce and a session (none before sign-in); the session enters as a digest. */
export function expectedToken(secret: string, nonce: string, sessionToken: string | null): string {
  return hmac(secret, `csrf:${nonce}:${sessionToken ? sha256(sessionToken) : '-'}`)
}

function originAllowed(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  // without an Origin (or with "null", under a strict referrer policy), a browser still says in
  // Sec-Fetch-Site where the request came from; a client that sends neither is no browser, and
  // has no ambient cookie a forger could ride on without the token
  if (!origin || origin === 'null') {
    const site = c.req.header('sec-fetch-site')
    if (site !== undefined) return site === 'same-origin' || site === 'none'
    return origin !== 'null'
  }
  const host = trustedForwarded(c.req.header('x-forwarded-host'), c.var.deps.config.trustProxy) ?? c.req.header('host')
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

async function submittedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER)
  if (header) return header
  const type = c.req.header('content-type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody()
    const value = body[CSRF_FIELD]
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

/** Whether this write must prove it came from our own page (not a token's, not an anonymous API call). */
function needsProof(c: Context<AppEnv>): boolean {
  if (SAFE_METHODS.has(c.req.method)) return false
  const bearer = c.var.actor.kind === 'account' && c.var.actor.via === 'token'
  // an API call with neither a session nor a token has no credential a forger could ride on
  const anonymousApi = !c.var.sessionToken && c.req.path.startsWith('/api/') && c.var.actor.kind === 'anonymous'
  return !bearer && !anonymousApi
}

/**
 * The half of the check that needs no body: the request comes from this site and carries the
 * CSRF cookie. It runs before the body is read, so a forged upload is refused unread.
 */
export function csrfOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (needsProof(c) && (!readCookie(c, COOKIES.csrf) || !originAllowed(c))) {
      return respondError(c, { type: 'forbidden', id: 'csrf_failed' })
    }
    return next()
  }
}

export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = c.var.deps.csrfSecret
    let nonce = readCookie(c, COOKIES.csrf)
    if (SAFE_METHODS.has(c.req.method)) {
      if (!nonce) {
        nonce = randomToken(18)
        writeCookie(c, COOKIES.csrf, nonce)
      }
      c.set('csrfToken', expectedToken(secret, nonce, c.var.sessionToken))
      return next()
    }
    if (needsProof(c)) {
      const submitted = await submittedToken(c)
      const valid = nonce && submitted && safeEqual(submitted, expectedToken(secret, nonce, c.var.sessionToken))
      if (!valid || !originAllowed(c)) return respondError(c, { type: 'forbidden', id: 'csrf_failed' })
    }
    c.set('csrfToken', nonce ? expectedToken(secret, nonce, c.var.sessionToken) : '')
    return next()
  }
}
