// ecp's connections to a PostgreSQL server run without the JIT compiler: its statements are short,
// and a statement estimated past jit_above_cost spent more compiling than reading (a search at
// 1,000,000: 15-18 ms of compiling for 18 ms of work). Every connection of the pool, not just the first.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from './database.ts'

const url = process.env.TEST_DATABASE_URL
describe.skipIf(!url)('the JIT compiler on ecp’s PostgreSQL connections', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDatabase({ kind: 'postgresql', url: url as string, maxConnections: 3 })
  })
  afterAll(async () => database?.close())

  it('is off on every connection the pool opens', async () => {
    // three transactions held at once: three connections
    const settings = await Promise.all(
      [1, 2, 3].map(() =>
        database.db.transaction().execute(async (trx) => {
          const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(trx)
          const jit = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(trx)
          return { pid: pid.rows[0]?.pid, jit: jit.rows[0]?.jit }
        }),
      ),
    )
    expect(new Set(settings.map((s) => s.pid)).size).toBe(3)
    expect(settings.map((s) => s.jit)).toEqual(['off', 'off', 'off'])
  })
})
