// A job queue in the database, so scheduled work (silence procedures, digests, clean-ups)
// survives restarts and is shared by every app instance: a job is claimed with
// FOR UPDATE SKIP LOCKED and leased for a while; if its runner dies, the lease runs out and
// another instance takes it.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { jsonb } from '../db/helpers.ts'
import type { JobContext, JobHandler } from '../module.ts'

const LEASE_MS = 5 * 60 * 1000

export interface EnqueueOptions {
  runAt?: Date
  /** at most one pending job per key: a second enqueue with the same key is ignored */
  uniqueKey?: string
  maxAttempts?: number
}

export async function enqueueJob(
  db: Db,
  kind: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<number | null> {
  const row = await db
    .insertInto('coreJob')
    .values({
      kind,
      payload: jsonb(payload),
      runAt: options.runAt ?? new Date(),
      uniqueKey: options.uniqueKey ?? null,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) =>
      oc
        .column('uniqueKey')
        .where('completedAt', 'is', null)
        .where('failedAt', 'is', null)
        .where('uniqueKey', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** Cancels pending jobs with this unique key (e.g. a silence procedure that was broken). */
export async function cancelJob(db: Db, uniqueKey: string, now = new Date()): Promise<void> {
  await db
    .updateTable('coreJob')
    .set({ failedAt: now, lastError: 'cancelled' })
    .where('uniqueKey', '=', uniqueKey)
    .where('completedAt', 'is', null)
    .where('failedAt', 'is', null)
    .execute()
}

async function claimNext(db: Db, kinds: string[], now: Date) {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom('coreJob')
      .select(['id', 'kind', 'payload', 'attempts', 'maxAttempts'])
      .where('kind', 'in', kinds)
      .where('completedAt', 'is', null)
      .where('failedAt', 'is', null)
      .where('runAt', '<=', now)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
      .orderBy('runAt')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!job) return undefined
    await trx
      .updateTable('coreJob')
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`attempts + 1` })
      .where('id', '=', job.id)
      .execute()
    return { ...job, attempts: job.attempts + 1 }
  })
}

export interface JobRegistry {
  handlers: Record<string, JobHandler>
  /** kinds that run again every N seconds */
  recurring: Record<string, number>
}

/**
 * Marks a job done. A recurring kind keeps one row: a run that succeeds schedules the same row
 * again and records when it ran (`lastRunAt`), instead of leaving a completed row beside a new one
 * (a job every 15 s left 40,000 a week for the upkeep to purge). A run that fails for good stays
 * as it is, failed with its error for the month failures are kept, and a fresh row takes the
 * schedule, in the same transaction.
 */
async function finish(
  db: Db,
  job: { id: number; kind: string },
  registry: JobRegistry,
  outcome: { failed: string } | 'completed',
  now: Date,
) {
  const every = registry.recurring[job.kind]
  const next = every === undefined ? null : new Date(now.getTime() + every * 1000)
  if (outcome === 'completed' && next) {
    await db
      .updateTable('coreJob')
      .set({ runAt: next, lastRunAt: now, attempts: 0, lockedUntil: null, lastError: null })
      .where('id', '=', job.id)
      .execute()
    return
  }
  const patch = outcome === 'completed' ? { completedAt: now } : { failedAt: now, lastError: outcome.failed }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('coreJob')
      .set({ ...patch, lockedUntil: null })
      .where('id', '=', job.id)
      .execute()
    if (next) await enqueueJob(trx, job.kind, {}, { uniqueKey: `recurring:${job.kind}`, runAt: next })
  })
}

/** Runs every due job once; returns how many ran. */
export async function runDueJobs(
  registry: JobRegistry,
  ctx: JobContext,
  now: () => Date = () => new Date(),
): Promise<number> {
  const kinds = Object.keys(registry.handlers)
  if (kinds.length === 0) return 0
  let ran = 0
  for (;;) {
    const job = await claimNext(ctx.db, kinds, now())
    if (!job) return ran
    ran++
    try {
      await (registry.handlers[job.kind] as JobHandler)(job.payload, ctx)
      await finish(ctx.db, job, registry, 'completed', now())
    } catch (error) {
      ctx.log.error(`job ${job.kind} #${job.id} failed (attempt ${job.attempts})`, error)
      const lastError = error instanceof Error ? error.message : String(error)
      if (job.attempts >= job.maxAttempts) {
        await finish(ctx.db, job, registry, { failed: lastError }, now())
      } else {
        // retry with exponential back-off: 30 s, 1 min, 2 min, ...
        const runAt = new Date(now().getTime() + 30_000 * 2 ** (job.attempts - 1))
        await ctx.db
          .updateTable('coreJob')
          .set({ lastError, lockedUntil: null, runAt })
          .where('id', '=', job.id)
          .execute()
      }
    }
  }
}

/** Makes sure each recurring job has a run scheduled (its key keeps it to one). */
export async function scheduleRecurring(db: Db, recurring: Record<string, number>, now = new Date()): Promise<void> {
  for (const kind of Object.keys(recurring)) {
    await enqueueJob(db, kind, {}, { uniqueKey: `recurring:${kind}`, runAt: now })
  }
}

export interface Worker {
  stop(): Promise<void>
  /** runs the due jobs now (tests, CLI) */
  tick(): Promise<number>
}

/** Polls for due jobs every `intervalMs` until stopped. */
export function startWorker(registry: JobRegistry, ctx: JobContext, intervalMs = 5000): Worker {
  let running: Promise<number> | null = null
  let stopped = false
  const tick = async () => {
    if (running) return running
    running = runDueJobs(registry, ctx).finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(() => {
    if (!stopped) tick().catch((error) => ctx.log.error('job worker tick failed', error))
  }, intervalMs)
  timer.unref()
  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      if (running) await running.catch(() => 0)
    },
  }
}
