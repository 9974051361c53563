// Database upkeep on each database: finished jobs are purged after their keeping time; on PGlite,
// where autovacuum never runs, churned tables give back their space and tables get statistics, and
// the WAL is checkpointed (single-user mode requests no checkpoint). On both, a frequent job merges
// the GIN indexes' pending lists, so that no arriving contribution pays the merge.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { enqueueJob, scheduleRecurring } from '../jobs/queue.ts'
import { GIN_PENDING_JOB, ginPendingIndexes, refreshStatistics, UPKEEP_JOB, upkeepDatabase } from './upkeep.ts'

const DAY = 86_400_000

describe.each(DATABASE_KINDS)('database upkeep on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  it('purges jobs completed over a week ago and failed over a month ago, and keeps the rest', async () => {
    const db = runtime.deps.db
    const now = new Date('2026-11-26T12:00:00Z')
    const ids: Record<string, number> = {}
    for (const name of ['oldDone', 'recentDone', 'oldFailed', 'recentFailed', 'pending']) {
      ids[name] = (await enqueueJob(db, `test.${name}`)) as number
    }
    const set = (name: string, patch: { completedAt?: Date; failedAt?: Date }) =>
      db
        .updateTable('coreJob')
        .set(patch)
        .where('id', '=', ids[name] as number)
        .execute()
    await set('oldDone', { completedAt: new Date(now.getTime() - 8 * DAY) })
    await set('recentDone', { completedAt: new Date(now.getTime() - 6 * DAY) })
    await set('oldFailed', { failedAt: new Date(now.getTime() - 31 * DAY) })
    await set('recentFailed', { failedAt: new Date(now.getTime() - 8 * DAY) })

    const report = await upkeepDatabase(db, kind, now)

    expect(report.purgedJobs).toBe(2)
    const left = await db.selectFrom('coreJob').select('kind').where('kind', 'like', 'test.%').orderBy('id').execute()
    expect(left.map((j) => j.kind)).toEqual(['test.recentDone', 'test.recentFailed', 'test.pending'])
  })

  it('on PGlite, gives back the space of deleted rows, analyzes every table and lets the WAL go; a server does all three itself', async () => {
    const db = runtime.deps.db
    await sql`insert into core_rate_limit (key, window_start, count)
      select 'upkeep-test-' || g, now(), 1 from generate_series(1, 5000) g`.execute(db)
    await db.deleteFrom('coreRateLimit').where('key', 'like', 'upkeep-test-%').execute()
    const size = async () =>
      Number((await sql<{ n: string }>`select pg_relation_size('core_rate_limit') as n`.execute(db)).rows[0]?.n)
    // a table no upkeep has seen yet: never analyzed, so the planner knows nothing of its rows
    await sql`create table upkeep_probe as select g as id from generate_series(1, 1000) g`.execute(db)
    const tuples = async () =>
      Number(
        (await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'upkeep_probe'`.execute(db))
          .rows[0]?.n,
      )
    // the WAL a crash would replay: everything since the last checkpoint (PGlite requests none)
    const walKept = async () =>
      Number(
        (
          await sql<{
            n: string
          }>`select pg_current_wal_insert_lsn() - redo_lsn as n from pg_control_checkpoint()`.execute(db)
        ).rows[0]?.n,
      )
    expect(await size()).toBeGreaterThan(0)
    if (kind === 'pglite') expect(await tuples()).toBe(-1)
    if (kind === 'pglite') expect(await walKept()).toBeGreaterThan(1_000_000)

    const report = await upkeepDatabase(db, kind)

    if (kind === 'pglite') {
      expect(report).toMatchObject({ analyzed: true, vacuumed: expect.arrayContaining(['core_rate_limit']) })
      expect(await size()).toBe(0)
      expect(await tuples()).toBe(1000)
      expect(await walKept()).toBeLessThan(100_000)
    } else {
      expect(report).toMatchObject({ analyzed: false, vacuumed: [] })
    }
  })

  it('refreshes statistics after bulk work: at once on a server, by the upkeep job made due now on PGlite', async () => {
    const db = runtime.deps.db
    const start = new Date('2026-11-26T12:00:00Z')
    // a first start ran the upkeep; the next round is six hours away
    await scheduleRecurring(db, { [UPKEEP_JOB]: 6 * 3600 }, new Date(start.getTime() + 6 * 3600_000))
    await sql`create table bulk_probe as select g as id from generate_series(1, 700) g`.execute(db)
    const tuples = async () =>
      Number(
        (await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'bulk_probe'`.execute(db)).rows[0]
          ?.n,
      )
    const done = await refreshStatistics(db, kind, start)
    if (kind === 'pglite') {
      expect(done).toBe('upkeep_due')
      const due = await db
        .selectFrom('coreJob')
        .select('runAt')
        .where('kind', '=', UPKEEP_JOB)
        .where('completedAt', 'is', null)
        .where('failedAt', 'is', null)
        .execute()
      expect(due.map((j) => new Date(j.runAt).toISOString())).toEqual([start.toISOString()])
    } else {
      expect(done).toBe('analyzed')
      expect(await tuples()).toBe(700)
    }
  })

  // gin_clean_pending_list says how many pages it merged, on both databases (pgstattuple, which
  // could read the list's size, is an extension neither may have): 0 means the list was empty
  const pendingPages = async (index: string) =>
    Number(
      (await sql<{ n: string }>`select gin_clean_pending_list(${index}::regclass) as n`.execute(runtime.deps.db))
        .rows[0]?.n,
    )
  const fillPendingLists = async () => {
    const db = runtime.deps.db
    await sql`create table if not exists upkeep_gin (id int, words tsvector)`.execute(db)
    // a GIN index a later migration might add: fastupdate is GIN's default
    await sql`create index if not exists upkeep_gin_words on upkeep_gin using gin (words)`.execute(db)
    await sql`create index if not exists upkeep_gin_direct on upkeep_gin using gin (words) with (fastupdate = off)`.execute(
      db,
    )
    await sql`insert into upkeep_gin select g, to_tsvector('english', 'arrival ' || g || ' words of a contribution')
      from generate_series(1, 2000) g`.execute(db)
  }

  it("merges the pending list of every fastupdate GIN index, a new one's too, in the upkeep and in a job of its own", async () => {
    const db = runtime.deps.db
    await fillPendingLists()
    const indexes = await ginPendingIndexes(db)
    expect(indexes).toEqual(expect.arrayContaining(['contributions_search_document', 'upkeep_gin_words']))
    expect(indexes).not.toContain('upkeep_gin_direct')

    const report = await upkeepDatabase(db, kind)
    expect(report.ginPending.upkeep_gin_words).toBeGreaterThan(0)
    expect(await pendingPages('upkeep_gin_words')).toBe(0)

    // between two upkeeps (six hours), the job keeps the lists short while contributions arrive
    await fillPendingLists()
    const job = runtime.jobs.handlers[GIN_PENDING_JOB]
    expect(job).toBeDefined()
    await job?.({}, { db, deps: runtime.deps, log: runtime.deps.log })
    expect(await pendingPages('upkeep_gin_words')).toBe(0)
    expect(runtime.jobs.recurring[GIN_PENDING_JOB]).toBeLessThanOrEqual(60)
  })
})
