// Account forms' schemas.
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/auth/password-policy.ts'
import { TOKEN_SCOPES } from '../../core/auth/scopes.ts'
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../core/auth/tokens.ts'
import { LOCALES } from '../../core/i18n/locales.ts'

// the length is checked here; the other password rules need the account (core/auth/password-policy.ts)
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH)

export const SignUpInput = z.object({
  displayName: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  password,
})

export const SignInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().max(2000).optional(),
})

export const ConfirmInput = z.object({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
})

export const ProfileInput = z.object({
  displayName: z.string().trim().min(1).max(120),
  preferredLocale: z.enum(LOCALES).optional(),
  profilePublic: z.array(z.literal('yes')).optional(),
})

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: password,
})

/** The lifetimes offered on the token form, in days. */
export const TOKEN_LIFETIMES = [7, 30, TOKEN_DEFAULT_DAYS, 180, 365] as const

export const ApiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(TOKEN_SCOPES)).default([]),
  days: z.coerce.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
})

// C0 and C1 controls and the bidi controls: never part of an address we follow
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Where to go after sign-in: `next` read as a URL against the site's own origin, followed only
 * when it stays on that origin; anything else (another host, a scheme, a control character
 * such as a tab or a newline that browsers drop) goes to the account page.
 *
 * @example
 * safeNextPath('/processes/2?tab=calls', 'https://ecp.example.org') // '/processes/2?tab=calls'
 * safeNextPath('/\t/evil.example', 'https://ecp.example.org') // '/account'
 */
export function safeNextPath(next: string | undefined, origin: string): string {
  const fallback = '/account'
  if (!next?.startsWith('/') || CONTROL.test(next) || next.includes('\\')) return fallback
  let url: URL
  try {
    url = new URL(next, origin)
  } catch {
    return fallback
  }
  if (url.origin !== new URL(origin).origin) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  // a path that starts with two slashes would read as another host once it is a Location
  return path.startsWith('//') ? fallback : path
}
