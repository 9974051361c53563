// Cookie names and attributes in one place. Cookies are HttpOnly and SameSite=Lax; Secure on
// HTTPS and on loopback (browsers treat http://localhost as a secure context).
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { trustedForwarded } from './client-address.ts'
import type { AppEnv } from './context.ts'

export const COOKIES = {
  session: 'ecp_session',
  csrf: 'ecp_csrf',
  lang: 'ecp_lang',
  timeZone: 'ecp_tz',
  flash: 'ecp_flash',
} as const

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/

export function isSecureRequest(c: Context<AppEnv>): boolean {
  const { config } = c.var.deps
  if (config.publicUrl?.startsWith('https://')) return true
  const proto = trustedForwarded(c.req.header('x-forwarded-proto'), config.trustProxy)
  if ((proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https') return true
  return LOOPBACK.test(c.req.header('host') ?? '')
}

export function writeCookie(
  c: Context<AppEnv>,
  name: string,
  value: string,
  options: { maxAgeSeconds?: number; httpOnly?: boolean } = {},
): void {
  const attributes: CookieOptions = {
    path: '/',
    httpOnly: options.httpOnly ?? true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
  }
  if (options.maxAgeSeconds !== undefined) attributes.maxAge = options.maxAgeSeconds
  setCookie(c, name, value, attributes)
}

export function readCookie(c: Context<AppEnv>, name: string): string | undefined {
  return getCookie(c, name)
}

export function clearCookie(c: Context<AppEnv>, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isSecureRequest(c) })
}

/** A one-time message (a catalog key) for the next page, after a redirect that follows a form. */
export function flash(c: Context<AppEnv>, key: string): void {
  writeCookie(c, COOKIES.flash, key, { maxAgeSeconds: 60 })
}
