// CSRF protection for every state-changing request: a signed double-submit token (cookie nonce,
// HMAC'd with the installation secret, echoed in a form field or X-CSRF-Token header) plus an
// Origin check. Requests authenticated by an API token carry no ambient credential and skip it.
import type { Context, MiddlewareHandler } from 'hono'
import { hmac, randomToken, safeEqual } from '../auth/crypto.ts'
import type { AppEnv } from './context.ts'
import { COOKIES, readCookie, writeCookie } from './cookies.ts'
import { respondError } from './errors.tsx'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

function expectedToken(secret: string, nonce: string): string {
  return hmac(secret, `csrf:${nonce}`)
}

function originAllowed(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  // browsers that hide the origin ("null", e.g. under a strict referrer policy) still say
  // whether the request came from this site
  if (!origin || origin === 'null') {
    const site = c.req.header('sec-fetch-site')
    return origin !== 'null' || site === 'same-origin'
  }
  const forwarded = c.var.deps.config.trustProxy ? c.req.header('x-forwarded-host') : undefined
  const host = forwarded ?? c.req.header('host')
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

export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = c.var.deps.csrfSecret
    let nonce = readCookie(c, COOKIES.csrf)
    if (SAFE_METHODS.has(c.req.method)) {
      if (!nonce) {
        nonce = randomToken(18)
        writeCookie(c, COOKIES.csrf, nonce)
      }
      c.set('csrfToken', expectedToken(secret, nonce))
      return next()
    }
    const bearer = c.var.actor.kind === 'account' && c.var.actor.via === 'token'
    // an API call with neither a session nor a token has no credential a forger could ride on
    const anonymousApi = !c.var.sessionToken && c.req.path.startsWith('/api/') && c.var.actor.kind === 'anonymous'
    if (!bearer && !anonymousApi) {
      const submitted = await submittedToken(c)
      const valid = nonce && submitted && safeEqual(submitted, expectedToken(secret, nonce))
      if (!valid || !originAllowed(c)) return respondError(c, { type: 'forbidden', id: 'csrf_failed' })
    }
    c.set('csrfToken', nonce ? expectedToken(secret, nonce) : '')
    return next()
  }
}
