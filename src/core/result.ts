// Expected failures are values, not exceptions: every rule returns a Result, and one mapper
// (core/http/errors.tsx) turns a DomainError into an HTTP answer. Exceptions are for bugs.

/** A validation problem at a path of the input ("website", "affiliations.0.title"). */
export interface Issue {
  path: string
  /** A message-catalog key, e.g. "validation.required". */
  code: string
  /** Values for the message (e.g. `{ max: 200 }`). */
  values?: Record<string, string | number>
}

/**
 * The closed set of expected failures. `id` is stable and documented in docs/errors.md, so API
 * clients can rely on it; `message` is a catalog key.
 */
export type DomainError =
  | { type: 'invalid'; id: string; issues: Issue[] }
  | { type: 'unauthenticated'; id: string }
  | { type: 'forbidden'; id: string }
  | { type: 'not_found'; id: string }
  | { type: 'conflict'; id: string; values?: Record<string, string | number> }
  | { type: 'too_large'; id: string; values?: Record<string, string | number> }
  | { type: 'rate_limited'; id: string; retryAfterSeconds: number }
  | { type: 'unavailable'; id: string; retryAfterSeconds: number }

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })

export const invalid = (issues: Issue[], id = 'invalid_input'): Result<never> => err({ type: 'invalid', id, issues })
export const notFound = (id = 'not_found'): Result<never> => err({ type: 'not_found', id })
export const forbidden = (id = 'forbidden'): Result<never> => err({ type: 'forbidden', id })
export const conflict = (id: string, values?: Record<string, string | number>): Result<never> =>
  err(values ? { type: 'conflict', id, values } : { type: 'conflict', id })
