// `ecp export` and `ecp import`: the whole database as JSON Lines, table by table in name order (the
// tables modules want imported last at the end) and
// rows in primary-key order, so that export -> import into an empty database -> export gives the
// same bytes. The first line is a header with the format and the schema's migrations; transient
// tables (sessions, rate limits, idempotency keys, installation secrets) are left out. What a public
// export leaves out is in transfer-public.ts; loading an export back in transfer-import.ts.
import { type Kysely, sql } from 'kysely'
import type { Db } from './database.ts'
import { exportedTables, type PublicRules, rowsOf } from './transfer-public.ts'

export const EXPORT_FORMAT = 'ecp-export'
export const EXPORT_VERSION = 1
export const BATCH = 1000

/** Never exported: per-installation or short-lived. */
export const CORE_TRANSIENT_TABLES = ['auth_session', 'core_rate_limit', 'core_idempotency_key', 'core_secret']

/** The tables an export leaves out: the core's transient ones and those modules declare. */
function transientTables(modules: readonly { transientTables?: string[] }[]): string[] {
  return [...CORE_TRANSIENT_TABLES, ...modules.flatMap((m) => m.transientTables ?? [])]
}

/** The tables the modules want loaded after every other (`importedLast`), in the modules' order. */
function importedLast(modules: readonly { importedLast?: string[] }[]): string[] {
  return modules.flatMap((m) => m.importedLast ?? [])
}

/**
 * The tables an export writes and an import loads, as the modules declare them: their transient
 * tables left out, the ones they want loaded last at the end (one call, so no caller forgets either).
 */
export function transferredTables(
  db: Db,
  modules: readonly { transientTables?: string[]; importedLast?: string[] }[],
): Promise<TableInfo[]> {
  return describeTables(db, transientTables(modules), importedLast(modules))
}

/** The modules' `restored` steps, one after another, for `importFile`. */
export function restoredBy(modules: readonly { restored?: (db: Db) => Promise<void> }[]) {
  return async (db: Db) => {
    for (const m of modules) await m.restored?.(db)
  }
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT
  version: number
  migrations: string[]
  tables: Record<string, number>
}

export interface TableInfo {
  name: string
  primaryKey: string[]
  /** every column, in table order */
  columns: string[]
  /** columns an INSERT may write (not generated ones) */
  writable: string[]
  identity: string[]
}

type AnyDb = Kysely<unknown>
export const raw = (db: Db) => db as unknown as AnyDb

/**
 * Every table but the `excluded` ones, in name order except the `last` ones, which come after the
 * rest (in the order given): the order an export writes them and an import loads them.
 */
export async function describeTables(db: Db, excluded: string[], last: readonly string[] = []): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%'
    order by table_name`.execute(raw(db))
  const keys = await sql<{ table: string; column: string }>`
    select tc.table_name as "table", kcu.column_name as "column"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by tc.table_name, kcu.ordinal_position`.execute(raw(db))
  const columns = await sql<{
    table: string
    column: string
    generated: string
    identity: string
  }>`
    select table_name as "table", column_name as "column", is_generated as generated, is_identity as identity
    from information_schema.columns where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(raw(db))
  const names = tables.rows.map((t) => t.name).filter((name) => !excluded.includes(name))
  return [...names.filter((name) => !last.includes(name)), ...last.filter((name) => names.includes(name))].map(
    (name) => ({
      name,
      primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.column),
      columns: columns.rows.filter((c) => c.table === name).map((c) => c.column),
      writable: columns.rows.filter((c) => c.table === name && c.generated !== 'ALWAYS').map((c) => c.column),
      identity: columns.rows.filter((c) => c.table === name && c.identity === 'YES').map((c) => c.column),
    }),
  )
}

export const ident = (name: string) => sql.id(name)
const orderBy = (info: TableInfo) =>
  sql.join((info.primaryKey.length ? info.primaryKey : info.writable).map((c) => ident(c)))

export async function countRows(db: Db, info: TableInfo): Promise<number> {
  const result = await sql<{
    n: number
  }>`select count(*)::int as n from ${ident(info.name)}`.execute(raw(db))
  return result.rows[0]?.n ?? 0
}

export interface ExportOptions {
  /** leave out personal data: core's and the modules' declarations, `publicRules(modules)` */
  public?: PublicRules
  onRows?: (count: number) => void
}

/**
 * Yields the export line by line (without newlines), read in one REPEATABLE READ, READ ONLY
 * transaction: every table is read at the same moment, so an export taken while people write
 * holds no row whose reference was written after it was read (and imports).
 */
export async function* exportLines(
  db: Db,
  allTables: TableInfo[],
  migrations: string[],
  options: ExportOptions | ((count: number) => void) = {},
): AsyncGenerator<string> {
  const opts = typeof options === 'function' ? { onRows: options } : options
  const tables = exportedTables(allTables, opts.public)
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute()
  let done = false
  try {
    // to_json keeps column order, and UTC makes timestamps the same on every server
    await sql`set local timezone = 'UTC'`.execute(raw(trx))
    const counts: Record<string, number> = {}
    for (const t of tables) counts[t.name] = await countRows(trx, t)
    const header: ExportHeader = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      migrations,
      tables: counts,
    }
    yield JSON.stringify(header)
    for (const t of tables) {
      for (let offset = 0; offset < (counts[t.name] ?? 0); offset += BATCH) {
        const rows = await sql<{ row: string }>`
          select to_json(t)::text as row from ${rowsOf(t, opts.public)} t
          order by ${orderBy(t)} limit ${BATCH} offset ${offset}`.execute(raw(trx))
        for (const r of rows.rows) yield `{"table":${JSON.stringify(t.name)},"row":${r.row}}`
        opts.onRows?.(rows.rows.length)
      }
    }
    await trx.commit().execute()
    done = true
  } finally {
    if (!done) await trx.rollback().execute()
  }
}
