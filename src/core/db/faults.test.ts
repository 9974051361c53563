// Faults the database can throw at a running ecp: a server out of reach (503 with Retry-After on
// pages and API, /healthz says so, the log says it once), a full disk under PGlite (/healthz),
// connections killed mid-request on PostgreSQL (503 for that request, the next ones answer, the
// process lives), and start-up problems told as sentences naming the cause and the path.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'
import { createApp } from '../../app.ts'
import { DatabaseHealth } from '../http/health.ts'
import type { Logger } from '../log.ts'
import { describeError, LOCK_FILE, StartupError } from './data-dir.ts'
import { openDatabase } from './database.ts'
import { databaseFault, FaultReporter } from './errors.ts'

function capturingLogger(): Logger & { errors: string[] } {
  const errors: string[] = []
  return { errors, error: (m) => void errors.push(m), info: () => {}, debug: () => {} }
}

describe('a database out of reach', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite')
  })
  afterAll(() => runtime.close())

  it('answers pages and the API 503 with Retry-After, /healthz says so, and the log says it once', async () => {
    // nothing listens on port 1: every connection is refused, as with a server that is down
    const dead = await openDatabase({ kind: 'postgresql', url: 'postgres://ecp@127.0.0.1:1/ecp', maxConnections: 2 })
    const log = capturingLogger()
    const app = createApp({
      ...runtime.deps,
      db: dead.db,
      dbKind: 'postgresql',
      log,
      health: new DatabaseHealth({ dataDir: null }),
    })
    const client = new TestClient({ ...runtime, app })
    try {
      for (let i = 0; i < 20; i++) {
        const page = await client.request('/processes')
        expect(page.status).toBe(503)
        expect(page.headers.get('retry-after')).toBe('5')
        expect(await page.text()).toContain('database does not answer')
        const api = await client.json('/api/v1/processes')
        expect(api.status).toBe(503)
        expect(api.body.id).toBe('database_unavailable')
      }
      const health = await client.json('/healthz')
      expect(health.status).toBe(503)
      expect(health.body.problems).toEqual(['database_unreachable'])
      // 40 failed requests and a health check: one line for the requests, one for the check
      expect(log.errors).toHaveLength(2)
      expect(log.errors[0]).toContain('database unavailable: ECONNREFUSED')
    } finally {
      await dead.close()
    }
  })

  it('reports a full disk under PGlite in /healthz, and a healthy one as ok', async () => {
    let free = 10 * 1024 * 1024 * 1024
    const app = createApp({
      ...runtime.deps,
      health: new DatabaseHealth({ dataDir: '/x', freeBytes: async () => free }),
    })
    const client = new TestClient({ ...runtime, app })
    const ok = await client.json('/healthz')
    expect([ok.status, ok.body.status]).toEqual([200, 'ok'])
    free = 4096
    const full = await client.json('/healthz')
    expect(full.status).toBe(503)
    expect(full.body).toMatchObject({ status: 'error', problems: ['disk_full'], freeDiskBytes: 4096 })
  })

  it('tells faults apart: unreachable, disk full, refused input, unknown reference, and bugs', () => {
    expect(databaseFault(Object.assign(new Error('x'), { code: '57P01' }))?.kind).toBe('unavailable')
    expect(databaseFault(new Error('Connection terminated unexpectedly'))?.kind).toBe('unavailable')
    expect(databaseFault(Object.assign(new Error('x'), { code: '53100' }))?.kind).toBe('disk_full')
    expect(databaseFault(Object.assign(new Error('x'), { code: '22003' }))?.kind).toBe('invalid_input')
    expect(
      databaseFault(
        Object.assign(new Error('x'), { code: '23503', detail: 'Key (organization_id)=(9) is not present' }),
      ),
    ).toEqual({ kind: 'unknown_reference', field: 'organizationId' })
    expect(databaseFault(new TypeError('undefined is not a function'))).toBeNull()
    const reporter = new FaultReporter(30_000, () => 0)
    expect([reporter.shouldReport('a'), reporter.shouldReport('a'), reporter.shouldReport('b')]).toEqual([
      true,
      false,
      true,
    ])
  })
})

describe('the PGlite data directory', () => {
  it('is locked by its process: a second start refuses, naming the directory and the pid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecp-lock-'))
    const first = await openDatabase({ kind: 'pglite', dataDir: dir })
    try {
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
      const second = openDatabase({ kind: 'pglite', dataDir: dir })
      await expect(second).rejects.toBeInstanceOf(StartupError)
      await expect(second).rejects.toThrow(new RegExp(`${dir}.*process ${process.pid}`))
    } finally {
      await first.close()
    }
    // closed, the lock is gone and the directory opens again, with what was written
    const again = await openDatabase({ kind: 'pglite', dataDir: dir })
    await again.close()
  }, 60_000)

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecp-stale-'))
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    writeFileSync(join(dir, LOCK_FILE), `${gone}\n`)
    const database = await openDatabase({ kind: 'pglite', dataDir: dir })
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
    await database.close()
  }, 60_000)

  it('refuses a directory it cannot write, naming the path and the cause', async () => {
    // a file where the directory should be: not writable as a directory even for root
    const parent = mkdtempSync(join(tmpdir(), 'ecp-ro-'))
    const blocked = join(parent, 'data')
    writeFileSync(blocked, 'not a directory')
    const opening = openDatabase({ kind: 'pglite', dataDir: blocked })
    await expect(opening).rejects.toBeInstanceOf(StartupError)
    await expect(opening).rejects.toThrow(blocked)
  })

  it('says what was thrown, even when it is not an Error', () => {
    expect(describeError({ name: 'ExitStatus', message: 'Program terminated with exit(1)', status: 1 })).toBe(
      'ExitStatus: Program terminated with exit(1): status 1',
    )
    expect(describeError({ errno: -28 })).toBe('{"errno":-28}')
    expect(describeError(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe('write failed (ENOSPC)')
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('connections killed on PostgreSQL', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime('postgresql')
  })
  afterAll(() => runtime.close())

  async function asAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
    const admin = new pg.Client({ connectionString: runtime.databaseUrl })
    await admin.connect()
    try {
      return await fn(admin)
    } finally {
      await admin.end()
    }
  }

  // each backend terminated and gone before this returns (the timeout makes pg_terminate_backend
  // wait for it to exit): a statement sent afterwards cannot still find it alive, however loaded
  // the machine
  const terminateAppBackends = () =>
    asAdmin(async (admin) => {
      const killed = await admin.query(
        `select pg_terminate_backend(pid, 30000) as gone from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
      expect(killed.rows.every((r) => r.gone === true)).toBe(true)
      return killed.rowCount ?? 0
    })

  // waits until a backend of this database runs `statement` (not a fixed delay: on a loaded machine
  // the request may not have reached the database after half a second)
  const running = (statement: string) =>
    asAdmin(async (admin) => {
      for (;;) {
        const found = await admin.query(
          `select 1 from pg_stat_activity where datname = current_database() and state = 'active'
          and query = $1`,
          [statement],
        )
        if (found.rowCount) return
        await new Promise((r) => setTimeout(r, 20))
      }
    })

  it('answers the request whose connection died 503, and the next ones normally', async () => {
    // sleeps far longer than the test may last: it ends only by being terminated
    const sleep = 'select pg_sleep(600)'
    runtime.app.get('/test/slow', async (c) => {
      await sql.raw(sleep).execute(c.var.db)
      return c.text('slept')
    })
    const client = new TestClient(runtime)
    expect((await client.request('/processes')).status).toBe(200)
    const slow = client.request('/test/slow')
    await running(sleep)
    expect(await terminateAppBackends()).toBeGreaterThan(0)
    const answer = await slow
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('5')
    // a connection checked out and idle (between a transaction's statements) dies too: the
    // process must not end with an unheard 'error' event
    let refused = false
    await runtime.deps.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx)
        await terminateAppBackends()
        await expect(sql`select 1`.execute(trx)).rejects.toThrow()
        refused = true
      })
      .catch(() => {})
    expect(refused).toBe(true)
    for (let i = 0; i < 5; i++) expect((await client.request('/processes')).status).toBe(200)
    expect((await client.json('/healthz')).status).toBe(200)
  }, 60_000)
})
