// Test runtimes on each database: PGlite in memory always, and a fresh PostgreSQL database per
// runtime when TEST_DATABASE_URL is set (created here, dropped on close). Migrated, with
// reference data, like a real start.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createApp } from '../../src/app.ts'
import { type Config, testConfig } from '../../src/config.ts'
import type { DatabaseKind, DatabaseTarget } from '../../src/core/db/database.ts'
import { createLogger } from '../../src/core/log.ts'
import type { ModuleManifest } from '../../src/core/module.ts'
import { openRuntime, type Runtime } from '../../src/runtime.ts'

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite']

export interface TestRuntime extends Runtime {
  app: ReturnType<typeof createApp>
  /** the PostgreSQL database's address (for a CLI run beside the app); undefined on PGlite */
  databaseUrl: string | undefined
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a drop. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ecp_test_${randomBytes(6).toString('hex')}`
  await withAdmin((c) => c.query(`create database ${name}`))
  const url = new URL(process.env.TEST_DATABASE_URL as string)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  }
}

export async function createTestRuntime(
  kind: DatabaseKind,
  options: {
    referenceData?: boolean
    now?: () => Date
    config?: Partial<Config>
    /** the modules to run (default: src/modules/index.ts's list) */
    modules?: readonly ModuleManifest[]
    /** hears every SQL statement sent (a test counts a request's round trips) */
    onQuery?: (sql: string) => void
  } = {},
): Promise<TestRuntime> {
  let target: DatabaseTarget
  let drop: (() => Promise<void>) | null = null
  if (kind === 'pglite') target = { kind: 'pglite', dataDir: 'memory' }
  else {
    const fresh = await freshPostgresDatabase()
    target = { kind: 'postgresql', url: fresh.url, maxConnections: 4 }
    drop = fresh.drop
  }
  // one trusted proxy, as behind nginx: each test client's X-Forwarded-For is its own address
  // (throttles are per address), taken from the right as in production
  const { config: overrides, ...runtimeOptions } = options
  const runtime = await openRuntime(testConfig({ trustProxy: 1, ...overrides }), {
    target,
    log: createLogger(process.env.ECP_TEST_LOG === '1' ? 'debug' : 'silent'),
    ...runtimeOptions,
  })
  return {
    ...runtime,
    app: createApp(runtime.deps),
    databaseUrl: target.kind === 'postgresql' ? target.url : undefined,
    async close() {
      await runtime.close()
      await drop?.()
    },
  }
}
