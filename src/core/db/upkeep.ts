// Upkeep a PostgreSQL server does for itself and embedded PGlite does not: PGlite runs PostgreSQL
// in single-user mode, where autovacuum never starts, so its tables are never analyzed (the
// planner guesses every row count) and the rows that sessions, rate limits, idempotency keys and
// jobs leave behind are never reclaimed; nor is a checkpoint ever requested. A recurring job does
// it instead; on a server it only purges finished jobs, which nothing else removes.
import { sql } from 'kysely'
import type { DatabaseKind, Db } from './database.ts'

/** Tables whose rows come and go all day, vacuumed at every upkeep on PGlite. */
export const HIGH_CHURN_TABLES = [
  'auth_session',
  'core_rate_limit',
  'core_idempotency_key',
  'core_job',
  'core_mail_outbox',
] as const

/** Completed jobs are kept a week; failed and cancelled ones a month, for diagnosis. */
const KEEP_COMPLETED_MS = 7 * 86_400_000
const KEEP_FAILED_MS = 30 * 86_400_000

export async function purgeFinishedJobs(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('coreJob')
    .where((eb) =>
      eb.or([
        eb('completedAt', '<', new Date(now.getTime() - KEEP_COMPLETED_MS)),
        eb('failedAt', '<', new Date(now.getTime() - KEEP_FAILED_MS)),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface UpkeepReport {
  purgedJobs: number
  vacuumed: string[]
  analyzed: boolean
}

/** One round of upkeep; each statement runs on its own (VACUUM cannot run in a transaction). */
export async function upkeepDatabase(db: Db, kind: DatabaseKind, now = new Date()): Promise<UpkeepReport> {
  const purgedJobs = await purgeFinishedJobs(db, now)
  if (kind !== 'pglite') return { purgedJobs, vacuumed: [], analyzed: false }
  for (const table of HIGH_CHURN_TABLES) await sql`vacuum ${sql.table(table)}`.execute(db)
  await sql`analyze`.execute(db)
  // Single-user mode never requests a checkpoint either: the WAL written since PGlite opened the
  // directory is all kept (2.1 GB after a 1,000,000-row import, 0.7 GB more for each 100,000
  // documents of its search pass) and a crash replays all of it at the next start. A checkpoint
  // lets it go (the upkeep runs right after bulk work too: refreshStatistics below).
  await sql`checkpoint`.execute(db)
  return { purgedJobs, vacuumed: [...HIGH_CHURN_TABLES], analyzed: true }
}

export const UPKEEP_JOB = 'core.upkeep_database'

/**
 * ANALYZE now, for a command that has the database to itself after bulk work (`ecp import`,
 * `ecp demo`): on PGlite the directory lock guarantees no server waits on the connection, and on
 * PostgreSQL a server's autovacuum may be off or late after a bulk load.
 */
export async function analyzeNow(db: Db): Promise<void> {
  await sql`analyze`.execute(db)
}

/**
 * Fresh statistics after bulk work (a start, an import, the demo, a rebuild), so the planner
 * does not plan over empty tables. On PostgreSQL the command analyzes at once (a server's
 * autovacuum may be off, or wait long after a bulk load). On PGlite, where ANALYZE holds the one
 * connection, the upkeep job is made due now: the server's worker runs it first thing, and a CLI
 * command leaves it due for the next start. Returns what was done.
 */
export async function refreshStatistics(
  db: Db,
  kind: DatabaseKind,
  now = new Date(),
): Promise<'analyzed' | 'upkeep_due'> {
  if (kind !== 'pglite') {
    await sql`analyze`.execute(db)
    return 'analyzed'
  }
  const pending = await db
    .updateTable('coreJob')
    .set({ runAt: now })
    .where('kind', '=', UPKEEP_JOB)
    .where('completedAt', 'is', null)
    .where('failedAt', 'is', null)
    .executeTakeFirst()
  if (Number(pending.numUpdatedRows) === 0) {
    await db
      .insertInto('coreJob')
      .values({ kind: UPKEEP_JOB, payload: sql`'{}'::jsonb`, runAt: now, uniqueKey: `recurring:${UPKEEP_JOB}` })
      .onConflict((oc) =>
        oc
          .column('uniqueKey')
          .where('completedAt', 'is', null)
          .where('failedAt', 'is', null)
          .where('uniqueKey', 'is not', null)
          .doNothing(),
      )
      .execute()
  }
  return 'upkeep_due'
}
