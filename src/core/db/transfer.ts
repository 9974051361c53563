// `ecp export` and `ecp import`: the whole database as JSON Lines, table by table in name order and
// rows in primary-key order, so that export -> import into an empty database -> export gives the
// same bytes. The first line is a header with the format and the schema's migrations; transient
// tables (sessions, rate limits, idempotency keys, installation secrets) are left out.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { type Kysely, sql } from 'kysely'
import type { Db } from './database.ts'

export const EXPORT_FORMAT = 'ecp-export'
export const EXPORT_VERSION = 1
const BATCH = 1000

/** Never exported: per-installation or short-lived. */
export const CORE_TRANSIENT_TABLES = ['auth_session', 'core_rate_limit', 'core_idempotency_key', 'core_secret']

/** The tables an export leaves out: the core's transient ones and those modules declare. */
export function transientTables(modules: readonly { transientTables?: string[] }[]): string[] {
  return [...CORE_TRANSIENT_TABLES, ...modules.flatMap((m) => m.transientTables ?? [])]
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
const raw = (db: Db) => db as unknown as AnyDb

export async function describeTables(db: Db, excluded: string[]): Promise<TableInfo[]> {
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
  return tables.rows
    .map((t) => t.name)
    .filter((name) => !excluded.includes(name))
    .map((name) => ({
      name,
      primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.column),
      columns: columns.rows.filter((c) => c.table === name).map((c) => c.column),
      writable: columns.rows.filter((c) => c.table === name && c.generated !== 'ALWAYS').map((c) => c.column),
      identity: columns.rows.filter((c) => c.table === name && c.identity === 'YES').map((c) => c.column),
    }))
}

const ident = (name: string) => sql.id(name)
const orderBy = (info: TableInfo) =>
  sql.join((info.primaryKey.length ? info.primaryKey : info.writable).map((c) => ident(c)))

export async function countRows(db: Db, info: TableInfo): Promise<number> {
  const result = await sql<{
    n: number
  }>`select count(*)::int as n from ${ident(info.name)}`.execute(raw(db))
  return result.rows[0]?.n ?? 0
}

/**
 * `ecp export --public` leaves out personal data: these tables (credentials, mail, follows,
 * throttles, job payloads) are not written, and these columns are replaced (SQL over the row).
 * Names shown on public pages stay; a person's name stays only when their profile is public. A
 * public export is for publishing, not for restoring: its audit log no longer verifies.
 */
export const PUBLIC_OMITTED_TABLES = [
  'auth_api_token',
  'core_mail_outbox',
  'core_job',
  'accounts_throttle',
  'notifications_follow',
  'notifications_preference',
  // a restricted audit entry's salt would let anyone test guesses of its content
  'audit_commitment',
]
export const PUBLIC_REDACTED_COLUMNS: Record<string, Record<string, string>> = {
  auth_account: {
    email: `'account-' || id || '@redacted.invalid'`,
    display_name: `'Account ' || id`,
    password_hash: `''`,
    preferred_locale: 'null',
    email_confirmation_hash: 'null',
    email_confirmation_expires_at: 'null',
  },
  // a restricted entry is published as its commitment only: who, what and about whom stay out
  audit_entry: {
    payload: `case when public then payload else '{}'::jsonb end`,
    actor_account_id: 'case when public then actor_account_id end',
    subject_id: 'case when public then subject_id end',
    request_id: 'null',
  },
  actors_person: {
    name: `case when profile_public then name else 'Person ' || id end`,
    honorific: 'case when profile_public then honorific end',
  },
}

export interface ExportOptions {
  /** leave out personal data (PUBLIC_OMITTED_TABLES, PUBLIC_REDACTED_COLUMNS) */
  public?: boolean
  onRows?: (count: number) => void
}

/** The export's tables: all of them, or without the personal ones for a public export. */
export function exportedTables(tables: TableInfo[], options: ExportOptions = {}): TableInfo[] {
  return options.public ? tables.filter((t) => !PUBLIC_OMITTED_TABLES.includes(t.name)) : tables
}

function rowsOf(t: TableInfo, publicExport: boolean) {
  const redacted = publicExport ? PUBLIC_REDACTED_COLUMNS[t.name] : undefined
  if (!redacted) return sql`${ident(t.name)}`
  const select = sql.join(t.columns.map((c) => (redacted[c] ? sql`${sql.raw(redacted[c])} as ${ident(c)}` : ident(c))))
  return sql`(select ${select} from ${ident(t.name)})`
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
  const tables = exportedTables(allTables, opts)
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
          select to_json(t)::text as row from ${rowsOf(t, opts.public === true)} t
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

export type ImportResult =
  | { ok: true; rows: number }
  | {
      ok: false
      problem: 'not_an_export' | 'wrong_version' | 'schema_differs' | 'database_not_empty' | 'unknown_table'
      detail: string
    }

export async function readHeader(path: string): Promise<ExportHeader | null> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  for await (const line of lines) {
    lines.close()
    try {
      const header = JSON.parse(line) as ExportHeader
      return header.format === EXPORT_FORMAT ? header : null
    } catch {
      return null
    }
  }
  return null
}

async function insertBatch(trx: Db, info: TableInfo, rows: string[]): Promise<void> {
  const cols = sql.join(info.writable.map((c) => ident(c)))
  await sql`
    insert into ${ident(info.name)} (${cols}) overriding system value
    select ${cols} from json_populate_recordset(null::${ident(info.name)}, ${`[${rows.join(',')}]`}::json)`.execute(
    raw(trx),
  )
}

/** Loads an export into an empty database (already migrated to the same schema), in one transaction. */
export async function importFile(
  db: Db,
  path: string,
  tables: TableInfo[],
  migrations: string[],
  onRows?: (count: number) => void,
): Promise<ImportResult> {
  const header = await readHeader(path)
  if (!header)
    return {
      ok: false,
      problem: 'not_an_export',
      detail: `${path} is not an ecp export`,
    }
  if (header.version !== EXPORT_VERSION) {
    return {
      ok: false,
      problem: 'wrong_version',
      detail: `export version ${header.version}, expected ${EXPORT_VERSION}`,
    }
  }
  if (JSON.stringify(header.migrations) !== JSON.stringify(migrations)) {
    return {
      ok: false,
      problem: 'schema_differs',
      detail: 'the export was made with other migrations; migrate both databases to the same version first',
    }
  }
  for (const t of tables) {
    if ((await countRows(db, t)) > 0) {
      return {
        ok: false,
        problem: 'database_not_empty',
        detail: `table ${t.name} already has rows`,
      }
    }
  }
  const byName = new Map(tables.map((t) => [t.name, t]))
  let total = 0
  try {
    await db.transaction().execute(async (trx) => {
      await sql`set constraints all deferred`.execute(raw(trx))
      let current: TableInfo | null = null
      let batch: string[] = []
      const flush = async () => {
        if (current && batch.length) await insertBatch(trx, current, batch)
        onRows?.(batch.length)
        batch = []
      }
      const lines = createInterface({
        input: createReadStream(path, 'utf8'),
        crlfDelay: Number.POSITIVE_INFINITY,
      })
      let first = true
      for await (const line of lines) {
        if (first || line === '') {
          first = false
          continue
        }
        const { table, row } = JSON.parse(line) as {
          table: string
          row: unknown
        }
        const info = byName.get(table)
        if (!info) throw new UnknownTable(table)
        if (info !== current || batch.length >= BATCH) {
          await flush()
          current = info
        }
        batch.push(JSON.stringify(row))
        total++
      }
      await flush()
      // identity sequences continue after the imported ids
      for (const t of tables) {
        for (const column of t.identity) {
          await sql`select setval(pg_get_serial_sequence(${t.name}, ${column}),
          coalesce((select max(${ident(column)}) from ${ident(t.name)}), 0) + 1, false)`.execute(raw(trx))
        }
      }
    })
  } catch (error) {
    if (error instanceof UnknownTable)
      return {
        ok: false,
        problem: 'unknown_table',
        detail: `unknown table ${error.message}`,
      }
    throw error
  }
  return { ok: true, rows: total }
}

class UnknownTable extends Error {}
