// Small SQL helpers shared by every module's queries.
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { isRetryableFault } from './errors.ts'

/** Writes a JSON value to a jsonb column (both drivers would otherwise guess the type). */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`
}

let savepoints = 0

/** How many times a transaction that lost a race is run in all (the first time, then twice more). */
export const TRANSACTION_ATTEMPTS = 3
const BACKOFF_MS = 25

export interface TransactionOptions {
  /**
   * false when `fn` does anything a rollback cannot take back: reads a stream (an upload's COPY),
   * gives memory away, sends mail, calls another service, changes the caller's variables. Such a
   * function is run once, and a lost race is the caller's answer (503), never a second run.
   */
  retry?: boolean
}

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one,
 * so that a rule's writes and its audit entry commit together. Inside a caller's transaction
 * (an idempotent API request) `fn` runs under a savepoint: when it throws, only its own writes are
 * undone and the caller's transaction stays usable, so a command that turns a lost race (a
 * unique violation) into its domain answer can still have that answer stored.
 *
 * The outermost transaction that PostgreSQL rolls back for a lost race (a deadlock, a serialization
 * failure, a lock not had in time: isRetryableFault) is run again, up to TRANSACTION_ATTEMPTS times
 * in all, after a random pause, unless `options.retry` is false; what still fails is thrown (503).
 * A savepoint is never retried alone: the caller's transaction holds locks from before it, and only
 * its outermost owner can start over. (PGlite has one connection and runs one transaction at a time,
 * docs/adr/0002: no race is lost there.)
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (!db.isTransaction) {
    const run = () => db.transaction().execute(fn)
    return options.retry === false ? run() : retryLostRaces(run)
  }
  const name = `ecp_sp_${++savepoints}`
  await sql.raw(`savepoint ${name}`).execute(db)
  let result: T
  try {
    result = await fn(db)
  } catch (error) {
    await sql.raw(`rollback to savepoint ${name}`).execute(db)
    throw error
  }
  await sql.raw(`release savepoint ${name}`).execute(db)
  return result
}

/**
 * Runs `run` (a whole transaction) again while it fails with a lost race, up to `attempts` times in
 * all, each after a random pause (0-25 ms, then 0-50 ms: two transactions that deadlocked do not
 * start over in step and meet again).
 */
export async function retryLostRaces<T>(run: () => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !isRetryableFault(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_MS * 2 ** (attempt - 1)))
    }
  }
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}
