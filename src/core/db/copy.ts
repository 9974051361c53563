// Bulk loading through COPY on either database, inside the caller's transaction: PostgreSQL
// receives the rows over the COPY protocol (pg-copy-streams), PGlite reads them from its
// '/dev/blob' device. Kysely has no COPY, so the statement travels as a marked query that each
// driver recognizes; everything else about the connection (transaction, pool) stays Kysely's.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PGlite } from '@electric-sql/pglite'
import { CompiledQuery, type Kysely } from 'kysely'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/** SQL that starts with this marker is `copy ... from stdin`, its one parameter the data. */
export const COPY_MARKER = '/* ecp:copy */'

const SPECIAL = /[\\\t\n\r]/g
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One value in COPY's text format (null as \N; tabs, newlines and backslashes escaped). */
export function copyValue(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'string') return value.replace(SPECIAL, (c) => ESCAPES[c] as string)
  if (value instanceof Date) return value.toISOString()
  return String(value)
}

/** Rows as COPY's text format: one line per row, values separated by tabs. */
export function copyText(rows: (string | number | boolean | Date | null | undefined)[][]): string {
  let out = ''
  for (const row of rows) out += `${row.map(copyValue).join('\t')}\n`
  return out
}

/**
 * Loads `data` (COPY text format, see copyText) into `table` (columns named), in the executor's
 * transaction when it is one. Identifiers are the caller's constants, never user input.
 */
export async function copyInto(
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance (each module widens its tables)
  executor: Kysely<any>,
  table: string,
  columns: readonly string[],
  data: string,
): Promise<void> {
  if (data === '') return
  await executor.executeQuery(
    CompiledQuery.raw(`${COPY_MARKER}copy ${table} (${columns.join(', ')}) from stdin`, [data]),
  )
}

/** PGlite: the marked statement reads its data from the '/dev/blob' device. */
export async function pgliteCopy(pglite: PGlite, marked: string, parameters: readonly unknown[]) {
  const statement = `${marked.slice(COPY_MARKER.length).replace(/ from stdin$/, '')} from '/dev/blob'`
  const result = await pglite.query(statement, [], { blob: new Blob([String(parameters[0] ?? '')]) })
  return { rows: [], ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}) }
}

/** PostgreSQL: teaches a pool's client the marked statement (called once per new connection). */
export function acceptCopy(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const copying = async (statement: string, parameters: unknown[]) => {
    const stream = client.query(copyFrom(statement.slice(COPY_MARKER.length)))
    await pipeline(Readable.from([String(parameters[0] ?? '')]), stream)
    return { command: 'COPY', rowCount: stream.rowCount, rows: [], fields: [] }
  }
  Object.assign(client, {
    query: (...args: unknown[]) =>
      typeof args[0] === 'string' && args[0].startsWith(COPY_MARKER)
        ? copying(args[0], (args[1] as unknown[]) ?? [])
        : query(...args),
  })
}
