// Opens the database: embedded PGlite under the data directory by default, a PostgreSQL server
// when DATABASE_URL is set. One SQL dialect either way; Kysely on top, with camelCase in TypeScript.
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, type LogEvent, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { acceptCopy } from './copy.ts'
import { checkDataDir, describeError, lockDataDir, StartupError } from './data-dir.ts'
import { SCRIPT_MARKER, SerializedPGliteDialect } from './pglite-dialect.ts'
import type { CoreTables } from './tables.ts'

export type DatabaseKind = 'pglite' | 'postgresql'

/** The Kysely instance every module receives; modules widen it with `withTables<Their>()`. */
export type Db = Kysely<CoreTables>

export interface Database {
  db: Db
  kind: DatabaseKind
  /** PGlite's directory on disk (null in memory and on PostgreSQL) */
  dataDir: string | null
  /** Runs a multi-statement SQL script (migrations). */
  runScript(executor: Kysely<unknown>, script: string): Promise<void>
  close(): Promise<void>
}

const INT8 = 20
const DATE = 1082

/** Where the database lives: PGlite in a folder, PGlite in memory, or a server. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | 'memory' }
  | { kind: 'postgresql'; url: string; maxConnections?: number }

export function targetFromConfig(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir }
}

export async function openDatabase(
  target: DatabaseTarget,
  onIdleError: (error: Error) => void = () => {},
  /** hears every statement sent, begin and commit included (tests count a request's round trips) */
  onQuery?: (sql: string) => void,
): Promise<Database> {
  const log = onQuery && ((event: LogEvent) => onQuery(event.query.sql))
  // column names are camel-cased; what a JSON value holds is data and comes back as it was written
  // (left to its default, the plugin renamed "civil_society" inside stored JSON to "civilSociety")
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })]
  if (target.kind === 'pglite') {
    const options = {
      // counts and ids fit in a double; dates stay "YYYY-MM-DD" rather than a midnight Date
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
    }
    let pglite: PGlite
    let unlock = () => {}
    let dataDir: string | null = null
    if (target.dataDir === 'memory') {
      pglite = await PGlite.create(options)
    } else {
      const root = resolve(target.dataDir)
      const dir = resolve(root, 'pglite')
      checkDataDir(root)
      // one process per directory: two would hand out the same ids and lose each other's writes
      unlock = lockDataDir(root)
      try {
        checkDataDir(dir)
        pglite = await PGlite.create(dir, options)
      } catch (error) {
        unlock()
        if (error instanceof StartupError) throw error
        throw new StartupError(`PGlite could not open the data directory ${dir}: ${describeError(error)}`)
      }
      dataDir = root
    }
    const db = new Kysely<CoreTables>({ dialect: new SerializedPGliteDialect(pglite), plugins, ...(log && { log }) })
    return {
      db,
      kind: 'pglite',
      dataDir,
      runScript: (executor, script) =>
        sql
          .raw(`${SCRIPT_MARKER}\n${script}`)
          .execute(executor)
          .then(() => undefined),
      close: () => db.destroy().finally(unlock),
    }
  }
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8) return (v: string) => Number(v)
      if (oid === DATE) return (v: string) => v
      return pg.types.getTypeParser(oid, format)
    },
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.maxConnections ?? 10,
    types: types as pg.CustomTypesConfig,
  })
  // a connection the server closes (restart, failover, pg_terminate_backend) must not crash the
  // process, idle or checked out: pg emits 'error' on the client, and an unheard 'error' event
  // ends node. The query in flight fails (503 for its request); the pool drops the broken client.
  pool.on('error', onIdleError)
  pool.on('connect', (client) => {
    client.on('error', onIdleError)
    acceptCopy(client)
    // ecp's statements are short reads and writes: a server's JIT compiler (on by default) compiled
    // any statement estimated past jit_above_cost, 15-18 ms for a search at 1,000,000 that reads in
    // 18 ms. Set per connection, so it holds through a pooler; queued before the client's first query.
    client.query('set jit = off').catch(() => undefined)
  })
  const db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }), plugins, ...(log && { log }) })
  return {
    db,
    kind: 'postgresql',
    dataDir: null,
    // without parameters pg uses the simple query protocol, which accepts several statements
    runScript: (executor, script) =>
      sql
        .raw(script)
        .execute(executor)
        .then(() => undefined),
    close: () => db.destroy(),
  }
}
