// The job queue on each database: due jobs run once, failures retry with back-off, unique keys
// keep one pending job, recurring jobs reschedule themselves in one row that says when they last ran
// (a failure kept beside it), and a cancelled job does not run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { cancelJob, enqueueJob, runDueJobs } from './queue.ts'

describe.each(DATABASE_KINDS)('the job queue on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())
  const ctx = () => ({ db: runtime.deps.db, deps: runtime.deps, log: runtime.deps.log })

  it('runs a due job once and leaves a future one for later', async () => {
    const seen: unknown[] = []
    const handlers = { 'test.record': async (payload: Record<string, unknown>) => void seen.push(payload.n) }
    await enqueueJob(runtime.deps.db, 'test.record', { n: 1 })
    await enqueueJob(runtime.deps.db, 'test.record', { n: 2 }, { runAt: new Date(Date.now() + 3_600_000) })
    expect(await runDueJobs({ handlers, recurring: {} }, ctx())).toBe(1)
    expect(await runDueJobs({ handlers, recurring: {} }, ctx())).toBe(0)
    expect(seen).toEqual([1])
    const later = () => new Date(Date.now() + 2 * 3_600_000)
    expect(await runDueJobs({ handlers, recurring: {} }, ctx(), later)).toBe(1)
    expect(seen).toEqual([1, 2])
  })

  it('keeps one pending job per unique key, and a cancelled one never runs', async () => {
    let runs = 0
    const handlers = { 'test.unique': async () => void runs++ }
    expect(await enqueueJob(runtime.deps.db, 'test.unique', {}, { uniqueKey: 'silence:7' })).not.toBeNull()
    expect(await enqueueJob(runtime.deps.db, 'test.unique', {}, { uniqueKey: 'silence:7' })).toBeNull()
    await cancelJob(runtime.deps.db, 'silence:7')
    await runDueJobs({ handlers, recurring: {} }, ctx())
    expect(runs).toBe(0)
  })

  it('retries a failing job later, then gives up after its attempts', async () => {
    let attempts = 0
    const handlers = {
      'test.flaky': async () => {
        attempts++
        throw new Error('unavailable')
      },
    }
    await enqueueJob(runtime.deps.db, 'test.flaky', {}, { maxAttempts: 2 })
    await runDueJobs({ handlers, recurring: {} }, ctx())
    expect(attempts).toBe(1)
    await runDueJobs({ handlers, recurring: {} }, ctx())
    expect(attempts).toBe(1)
    await runDueJobs({ handlers, recurring: {} }, ctx(), () => new Date(Date.now() + 120_000))
    expect(attempts).toBe(2)
    const job = await runtime.deps.db
      .selectFrom('coreJob')
      .selectAll()
      .where('kind', '=', 'test.flaky')
      .executeTakeFirstOrThrow()
    expect(job.failedAt).not.toBeNull()
    expect(job.lastError).toBe('unavailable')
  })

  it('schedules the next run of a recurring job', async () => {
    let runs = 0
    const registry = { handlers: { 'test.tick': async () => void runs++ }, recurring: { 'test.tick': 60 } }
    await enqueueJob(runtime.deps.db, 'test.tick', {}, { uniqueKey: 'recurring:test.tick' })
    await runDueJobs(registry, ctx())
    expect(runs).toBe(1)
    const pending = await runtime.deps.db
      .selectFrom('coreJob')
      .select('runAt')
      .where('kind', '=', 'test.tick')
      .where('completedAt', 'is', null)
      .execute()
    expect(pending).toHaveLength(1)
    expect(pending[0]?.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000)
  })

  it('keeps one row for a recurring job however often it runs, with its last run, and a failure beside it', async () => {
    const db = runtime.deps.db
    let failing = false
    const registry = {
      handlers: {
        'test.often': async () => {
          if (failing) throw new Error('index gone')
        },
      },
      recurring: { 'test.often': 15 },
    }
    let clock = Date.now() + 86_400_000
    const now = () => new Date(clock)
    await enqueueJob(db, 'test.often', {}, { uniqueKey: 'recurring:test.often', runAt: now() })
    for (let run = 0; run < 100; run++) {
      expect(await runDueJobs(registry, ctx(), now)).toBe(1)
      clock += 15_000
    }
    const rows = () =>
      db
        .selectFrom('coreJob')
        .select(['runAt', 'lastRunAt', 'completedAt', 'failedAt', 'lastError'])
        .where('kind', '=', 'test.often')
        .orderBy('id')
        .execute()
    const after = await rows()
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ completedAt: null, failedAt: null, lastRunAt: new Date(clock - 15_000) })
    expect(after[0]?.runAt).toEqual(new Date(clock))

    // it fails until it gives up (back-off between attempts), then runs again
    failing = true
    for (let attempt = 0; attempt < 5; attempt++) {
      await runDueJobs(registry, ctx(), now)
      clock += 3_600_000
    }
    failing = false
    await runDueJobs(registry, ctx(), now)
    const failed = await rows()
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatchObject({ lastError: 'index gone', completedAt: null })
    expect(failed[0]?.failedAt).not.toBeNull()
    expect(failed[1]).toMatchObject({ failedAt: null, completedAt: null, lastRunAt: now() })
  })
})
