// Small SQL helpers shared by every module's queries.
import { type Kysely, type RawBuilder, sql } from 'kysely'

/** Writes a JSON value to a jsonb column (both drivers would otherwise guess the type). */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`
}

let savepoints = 0

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one,
 * so that a rule's writes and its audit entry commit together. Inside a caller's transaction
 * (an idempotent API request) `fn` runs under a savepoint: when it throws, only its own writes are
 * undone and the caller's transaction stays usable, so a command that turns a lost race (a
 * unique violation) into its domain answer can still have that answer stored.
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn)
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

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}
