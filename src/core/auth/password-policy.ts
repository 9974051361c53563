// What makes a password acceptable: at least 12 characters, not among the passwords people use
// most, not built on the account's own email or name, and not guessable in under about 10^10
// tries (zxcvbn's score 3, the "safely unguessable" level for a slowly hashed password). The
// estimate uses zxcvbn-ts's dictionaries of common passwords and English words and names.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en'
import type { Issue } from '../result.ts'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256
const MIN_SCORE = 3
// zxcvbn's time grows with length; beyond this its estimate says nothing more
const CHECKED_LENGTH = 100

let factory: ZxcvbnFactory | undefined
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  })
  return factory
}

/** The pieces of an account's identity a password must not be built on. */
export function identifiersOf(account: { email: string; displayName?: string | null }): string[] {
  const email = account.email.trim().toLowerCase()
  const local = email.split('@')[0] ?? ''
  const name = (account.displayName ?? '').trim().toLowerCase()
  const parts = [email, local, ...local.split(/[._+-]+/), name, ...name.split(/\s+/)]
  return [...new Set(parts.filter((p) => p.length >= 4))]
}

/**
 * Why a password is refused (a message key), or null when it is acceptable.
 *
 * @example
 * passwordProblem('password1234', ['amina@example.org']) // 'accounts.passwordCommon'
 */
export function passwordProblem(password: string, identifiers: readonly string[]): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'accounts.passwordTooShort'
  const lower = password.toLowerCase()
  if (identifiers.some((id) => lower.includes(id))) return 'accounts.passwordPersonal'
  const result = estimator().check(password.slice(0, CHECKED_LENGTH), [...identifiers])
  if (result.score >= MIN_SCORE) return null
  const common = result.sequence.some(
    (m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName.startsWith('passwords'),
  )
  return common ? 'accounts.passwordCommon' : 'accounts.passwordWeak'
}

/** The same check as a form issue on `path`. */
export function passwordIssue(path: string, password: string, identifiers: readonly string[]): Issue | null {
  const code = passwordProblem(password, identifiers)
  return code ? { path, code, values: { min: PASSWORD_MIN_LENGTH } } : null
}
