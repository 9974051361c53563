// Account forms' schemas.
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/auth/password.ts'
import { LOCALES } from '../../core/i18n/locales.ts'

const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH)

export const SignUpInput = z.object({
  displayName: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  password,
})

export const SignInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().max(500).optional(),
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

export const ApiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
})

/** Only same-site paths are followed after sign-in, never another host. */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/account'
  return next
}
