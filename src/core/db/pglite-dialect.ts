// Kysely dialect for embedded PGlite that is safe under a web server's concurrency.
// Kysely's own PGliteDriver hands the one connection to every caller at once, so a query from
// request B could run inside request A's open transaction. Here callers take turns: a connection
// is held by one caller (one query, or one whole transaction) at a time.
import type { PGlite } from '@electric-sql/pglite'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'
import { COPY_MARKER, COPY_OUT_MARKER, pgliteCopy, pgliteCopyOut } from './copy.ts'

/** SQL that starts with this marker runs as a script (several statements, no parameters). */
export const SCRIPT_MARKER = '/* ecp:script */'

class Mutex {
  #tail: Promise<void> = Promise.resolve()

  lock(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const ready = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return ready
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (compiled.sql.startsWith(SCRIPT_MARKER) && compiled.parameters.length === 0) {
      await this.pglite.exec(compiled.sql)
      return { rows: [] }
    }
    if (compiled.sql.startsWith(COPY_MARKER)) return pgliteCopy(this.pglite, compiled.sql, compiled.parameters)
    if (compiled.sql.startsWith(COPY_OUT_MARKER))
      return pgliteCopyOut(this.pglite, compiled.sql) as Promise<QueryResult<R>>
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[], {
      rowMode: 'object',
    })
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: PGlite cannot stream; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries')
  }
}

class SerializedPGliteDriver implements Driver {
  readonly #mutex = new Mutex()
  readonly #releases = new WeakMap<DatabaseConnection, () => void>()
  readonly #connection: PGliteConnection

  constructor(private readonly pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite)
  }

  async init(): Promise<void> {
    await this.pglite.waitReady
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock()
    this.#releases.set(this.#connection, release)
    return this.#connection
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection)
    this.#releases.delete(connection)
    release?.()
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#run(connection, 'begin')
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#run(connection, 'commit')
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#run(connection, 'rollback')
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.#run(connection, `savepoint ${quoteIdent(name)}`)
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.#run(connection, `rollback to savepoint ${quoteIdent(name)}`)
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.#run(connection, `release savepoint ${quoteIdent(name)}`)
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close()
  }

  async #run(connection: DatabaseConnection, statement: string): Promise<void> {
    await connection.executeQuery({ sql: statement, parameters: [] } as unknown as CompiledQuery)
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

export class SerializedPGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter() {
    return new PGliteAdapter()
  }

  createDriver(): Driver {
    return new SerializedPGliteDriver(this.pglite)
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect signature
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db)
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
}
