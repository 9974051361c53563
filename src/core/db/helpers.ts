// Small SQL helpers shared by every module's queries.
import { type Kysely, type RawBuilder, sql } from 'kysely'

/** Writes a JSON value to a jsonb column (both drivers would otherwise guess the type). */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`
}

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one,
 * so that a rule's writes and its audit entry commit together.
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db)
  return db.transaction().execute(fn)
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}
