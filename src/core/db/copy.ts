// Bulk loading through COPY on either database, inside the caller's transaction: PostgreSQL
// receives the rows over the COPY protocol (pg-copy-streams), PGlite reads them from its
// '/dev/blob' device. Kysely has no COPY, so the statement travels as a marked query that each
// driver recognizes; everything else about the connection (transaction, pool) stays Kysely's.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PGlite } from '@electric-sql/pglite'
import { CompiledQuery, type Kysely } from 'kysely'
import type pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'

/** SQL that starts with this marker is `copy ... from stdin`, its one parameter the data. */
export const COPY_MARKER = '/* ecp:copy */'
/** SQL that starts with this marker is `copy (select ...) to stdout`: one row, `{ data: Buffer }`. */
export const COPY_OUT_MARKER = '/* ecp:copy-out */'

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
 * Loads `data` into `table` (columns named), in the executor's transaction when it is one: COPY
 * text format (see copyText) when a string, COPY binary format (see copy-binary.ts) when bytes or
 * parts of bytes (a generator: on PostgreSQL each part is sent as soon as it is made, so the next
 * is made while the database reads the last). Identifiers are the caller's constants, never user input.
 */
export async function copyInto(
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance (each module widens its tables)
  executor: Kysely<any>,
  table: string,
  columns: readonly string[],
  data: string | Uint8Array | Iterable<Uint8Array>,
  /** rows written frozen (visible to all, no hint bits left to set): a table made in this transaction only */
  options: { freeze?: boolean } = {},
): Promise<void> {
  if (typeof data === 'string' && data === '') return
  const with_ = [...(typeof data === 'string' ? [] : ['format binary']), ...(options.freeze ? ['freeze true'] : [])]
  const how = with_.length > 0 ? ` with (${with_.join(', ')})` : ''
  await executor.executeQuery(
    CompiledQuery.raw(`${COPY_MARKER}copy ${table} (${columns.join(', ')}) from stdin${how}`, [data]),
  )
}

/**
 * The answer of `select` (no parameters: COPY takes none; the caller writes only numbers it
 * checked into it) in COPY's text format, as bytes: one line per row, values separated by tabs,
 * `\\N` for null, backslash escapes in text (see copyValue). What a million rows cost here is the
 * bytes, not a JavaScript object per row.
 */
export async function copyOut(
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance (each module widens its tables)
  executor: Kysely<any>,
  select: string,
): Promise<Buffer> {
  const result = await executor.executeQuery<{ data: Buffer }>(
    CompiledQuery.raw(`${COPY_OUT_MARKER}copy (${select}) to stdout`, []),
  )
  return result.rows[0]?.data ?? Buffer.alloc(0)
}

/** One value of COPY's text format back (the inverse of copyValue for text). */
export function fromCopyValue(field: string): string | null {
  if (field === '\\N') return null
  if (!field.includes('\\')) return field
  return field.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : c,
  )
}

/** PGlite: a marked `copy ... to stdout` writes to the '/dev/blob' device instead. */
export async function pgliteCopyOut(pglite: PGlite, marked: string) {
  const statement = `${marked.slice(COPY_OUT_MARKER.length).replace(/ to stdout$/, '')} to '/dev/blob'`
  const result = await pglite.query(statement)
  return { rows: [{ data: result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0) }] }
}

/** COPY data as parts: text, bytes, or parts of bytes (an iterable). */
function copyParts(data: unknown): Iterable<string | Uint8Array> {
  if (typeof data === 'string' || data instanceof Uint8Array) return [data]
  if (data !== null && typeof data === 'object' && Symbol.iterator in data) return data as Iterable<Uint8Array>
  return [String(data ?? '')]
}

/** PGlite: the marked statement reads its data from the '/dev/blob' device. */
export async function pgliteCopy(pglite: PGlite, marked: string, parameters: readonly unknown[]) {
  const statement = marked.slice(COPY_MARKER.length).replace(/ from stdin( with \([a-z ,]+\))?$/, " from '/dev/blob'$1")
  const blob = new Blob([...copyParts(parameters[0])] as BlobPart[])
  const result = await pglite.query(statement, [], { blob })
  return { rows: [], ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}) }
}

/** PostgreSQL: teaches a pool's client the marked statement (called once per new connection). */
export function acceptCopy(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const copyingOut = async (statement: string) => {
    const chunks: Buffer[] = []
    const stream = client.query(copyTo(statement.slice(COPY_OUT_MARKER.length)))
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { command: 'COPY', rowCount: 1, rows: [{ data: Buffer.concat(chunks) }], fields: [] }
  }
  const copying = async (statement: string, parameters: unknown[]) => {
    const stream = client.query(copyFrom(statement.slice(COPY_MARKER.length)))
    await pipeline(Readable.from(copyParts(parameters[0])), stream)
    return { command: 'COPY', rowCount: stream.rowCount, rows: [], fields: [] }
  }
  Object.assign(client, {
    query: (...args: unknown[]) =>
      typeof args[0] !== 'string'
        ? query(...args)
        : args[0].startsWith(COPY_MARKER)
          ? copying(args[0], (args[1] as unknown[]) ?? [])
          : args[0].startsWith(COPY_OUT_MARKER)
            ? copyingOut(args[0])
            : query(...args),
  })
}
