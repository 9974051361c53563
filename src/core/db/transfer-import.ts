// `ecp import`: an export loaded into an empty database migrated to the same schema, in one
// transaction, constraints deferred, identity sequences continued after the imported ids.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { sql } from 'kysely'
import type { Db } from './database.ts'
import {
  BATCH,
  countRows,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportHeader,
  ident,
  raw,
  type TableInfo,
} from './transfer.ts'

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
  /** run in the transaction once every row is loaded (the modules' `restored`: transfer.ts restoredBy) */
  restored?: (trx: Db) => Promise<void>,
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
      await restored?.(trx)
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
