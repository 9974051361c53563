// What a database error means for the request that met it: the database is out of reach (503,
// retry later), the disk is full (503), the input was something PostgreSQL cannot hold (a NUL,
// a number out of range: 400), a reference to nothing (400 naming the field), a duplicate (409), or
// a lost race (`busy`: a deadlock, a serialization failure, a lock not had in time, a statement
// cancelled: 503, retried first where that is safe, see inTransaction). Both drivers report SQLSTATE
// codes in `code`; node's socket errors carry their own.

export type DatabaseFault =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'disk_full'; reason: string }
  | { kind: 'invalid_input'; reason: string }
  | { kind: 'unknown_reference'; field: string }
  | { kind: 'duplicate'; constraint: string }
  | { kind: 'busy'; code: string; retryable: boolean }

// A transaction that lost a race with another: PostgreSQL rolled it back (class 40) or gave up a
// wait (55P03: lock_timeout, NOWAIT), and running it again is expected to succeed. Not 40002 (a
// deferred constraint failing at commit: the same again) nor 40003 (the outcome is unknown).
const RETRYABLE_CODES = new Set(['40001', '40P01', '55P03'])
// a statement cancelled (statement_timeout, pg_cancel_backend): busy, but not run again: it would
// take as long again, and an operator's cancel is not to be undone
const BUSY_CODES = new Set(['40000', '57014'])

const UNREACHABLE_CODES = new Set([
  // node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // SQLSTATE: connection exceptions, shutdown, too many connections, crash recovery
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
])
const UNREACHABLE_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|PGlite is closed|Cannot use a pool after calling end/i

function camel(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
}

/** The fault a thrown value stands for, or null when it is none of these (a bug). */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (!error || typeof error !== 'object') return null
  const e = error as { code?: unknown; message?: unknown; detail?: unknown; constraint?: unknown; cause?: unknown }
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : ''
  if (UNREACHABLE_CODES.has(code) || UNREACHABLE_MESSAGES.test(message)) {
    return { kind: 'unavailable', reason: code || message }
  }
  if (code === '53100' || code === 'ENOSPC' || /No space left on device/i.test(message)) {
    return { kind: 'disk_full', reason: code || message }
  }
  // class 22: data exceptions (invalid text for a type, out of range, NUL in text, bad date)
  if (code.startsWith('22')) return { kind: 'invalid_input', reason: message }
  if (code === '23503') {
    const column = /Key \(([a-z0-9_]+)\)=/.exec(typeof e.detail === 'string' ? e.detail : '')?.[1]
    return { kind: 'unknown_reference', field: column ? camel(column) : '' }
  }
  if (code === '23505') return { kind: 'duplicate', constraint: typeof e.constraint === 'string' ? e.constraint : '' }
  if (RETRYABLE_CODES.has(code) || BUSY_CODES.has(code))
    return { kind: 'busy', code, retryable: RETRYABLE_CODES.has(code) }
  // a driver may wrap the cause (AggregateError of several connection attempts)
  if (e.cause && e.cause !== error) return databaseFault(e.cause)
  const errors = (error as { errors?: unknown }).errors
  if (Array.isArray(errors) && errors.length > 0) return databaseFault(errors[0])
  return null
}

/** Whether `error` is a lost race that running its transaction again may win (see RETRYABLE_CODES). */
export function isRetryableFault(error: unknown): boolean {
  const fault = databaseFault(error)
  return fault?.kind === 'busy' && fault.retryable
}

/** Says a recurring fault once per interval instead of once per request. */
export class FaultReporter {
  private readonly last = new Map<string, number>()
  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `key` was not reported within the interval (and counts this as its report). */
  shouldReport(key: string): boolean {
    const at = this.now()
    const previous = this.last.get(key)
    if (previous !== undefined && at - previous < this.intervalMs) return false
    this.last.set(key, at)
    return true
  }
}
