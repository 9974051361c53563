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
  /** pages merged out of each GIN index's pending list */
  ginPending: Record<string, number>
}

/**
 * ecp's GIN indexes whose new entries wait in a pending list (`fastupdate`, GIN's default), read
 * from the catalog so that an index a later migration adds is covered too. The option's text is
 * read as PostgreSQL reads it (`off`, `false`, `no`, `0`, a prefix of them). The access method and
 * schema are looked up once, not joined: joined, PGlite spent 5-30 ms of CPU on it, 1-2 ms so.
 * Only indexes this role owns (or is a member of the owner of): PostgreSQL lets no one else merge
 * a pending list, and a job failing every 15 s would only fill the log.
 */
export async function ginPendingIndexes(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relam = (select oid from pg_am where amname = 'gin') and c.relkind = 'i'
      and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
      and pg_has_role(c.relowner, 'USAGE')
      and coalesce((select o.option_value::boolean from pg_options_to_table(c.reloptions) o
        where o.option_name = 'fastupdate'), true)
    order by c.relname`.execute(db)
  return rows.rows.map((r) => r.name)
}

/**
 * Merges every fastupdate GIN index's pending list into the index, here rather than in whichever
 * insert overflows the list: without autovacuum (PGlite never has it; a server may have it off),
 * that insert paid the whole merge, 100-400 ms for the contributions' 1 MB list, about one arriving
 * contribution in a few hundred. An arrival that overflows the list while this runs skips the merge
 * (PostgreSQL lets one backend clean at a time and the others go on). Each index its own statement,
 * so no transaction holds them all. Returns the pages merged, by index.
 */
export async function cleanGinPendingLists(db: Db): Promise<Record<string, number>> {
  const cleaned: Record<string, number> = {}
  for (const name of await ginPendingIndexes(db)) {
    const pages = await sql<{ n: string }>`select gin_clean_pending_list(${name}::regclass) as n`.execute(db)
    cleaned[name] = Number(pages.rows[0]?.n ?? 0)
  }
  return cleaned
}

/** One round of upkeep; each statement runs on its own (VACUUM cannot run in a transaction). */
export async function upkeepDatabase(db: Db, kind: DatabaseKind, now = new Date()): Promise<UpkeepReport> {
  const purgedJobs = await purgeFinishedJobs(db, now)
  const ginPending = await cleanGinPendingLists(db)
  if (kind !== 'pglite') return { purgedJobs, vacuumed: [], analyzed: false, ginPending }
  for (const table of HIGH_CHURN_TABLES) await sql`vacuum ${sql.table(table)}`.execute(db)
  await sql`analyze`.execute(db)
  // Single-user mode never requests a checkpoint either: the WAL written since PGlite opened the
  // directory is all kept (2.1 GB after a 1,000,000-row import, 0.7 GB more for each 100,000
  // documents of its search pass) and a crash replays all of it at the next start. A checkpoint
  // lets it go (the upkeep runs right after bulk work too: refreshStatistics below).
  await sql`checkpoint`.execute(db)
  return { purgedJobs, vacuumed: [...HIGH_CHURN_TABLES], analyzed: true, ginPending }
}

export const UPKEEP_JOB = 'core.upkeep_database'
export const GIN_PENDING_JOB = 'core.gin_pending_lists'

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
