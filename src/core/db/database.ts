// Opens the database: embedded PGlite under the data directory by default, a PostgreSQL server
// when DATABASE_URL is set. One SQL dialect either way; Kysely on top, with camelCase in TypeScript.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { SCRIPT_MARKER, SerializedPGliteDialect } from './pglite-dialect.ts'
import type { CoreTables } from './tables.ts'

export type DatabaseKind = 'pglite' | 'postgresql'

/** The Kysely instance every module receives; modules widen it with `withTables<Their>()`. */
export type Db = Kysely<CoreTables>

export interface Database {
  db: Db
  kind: DatabaseKind
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
): Promise<Database> {
  const plugins = [new CamelCasePlugin()]
  if (target.kind === 'pglite') {
    const options = {
      // counts and ids fit in a double; dates stay "YYYY-MM-DD" rather than a midnight Date
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
    }
    let pglite: PGlite
    if (target.dataDir === 'memory') {
      pglite = await PGlite.create(options)
    } else {
      const dir = resolve(target.dataDir, 'pglite')
      mkdirSync(dir, { recursive: true })
      pglite = await PGlite.create(dir, options)
    }
    const db = new Kysely<CoreTables>({ dialect: new SerializedPGliteDialect(pglite), plugins })
    return {
      db,
      kind: 'pglite',
      runScript: (executor, script) =>
        sql
          .raw(`${SCRIPT_MARKER}\n${script}`)
          .execute(executor)
          .then(() => undefined),
      close: () => db.destroy(),
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
  // an idle connection the server closed (restart, failover) must not crash the process
  pool.on('error', onIdleError)
  const db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }), plugins })
  return {
    db,
    kind: 'postgresql',
    // without parameters pg uses the simple query protocol, which accepts several statements
    runScript: (executor, script) =>
      sql
        .raw(script)
        .execute(executor)
        .then(() => undefined),
    close: () => db.destroy(),
  }
}
