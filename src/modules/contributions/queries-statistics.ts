// The planner's statistics for a read of a whole call. The campaign rebuild reads every published
// contribution of a call in id order, a page at a time; planned over statistics from before the
// call's contributions arrived (autovacuum may be off or late, and PGlite has none), each page was
// a bitmap scan of every later row and an on-disk sort: at 1,000,000 the rebuild's read took 95 s
// instead of 34 s, and more than half its PostgreSQL time.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

/** Below this many rows a wrong estimate costs little; ANALYZE would cost more than it saves. */
const WORTH_ANALYZING = 1_000

export interface CallStatistics {
  /** the planner's estimate of the call's published contributions, before any ANALYZE */
  estimated: number
  actual: number
  analyzed: boolean
}

/** The planner's row estimate for a statement (EXPLAIN without running it). */
async function estimatedRows(db: Db, callId: number): Promise<number> {
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json)
    select id from contributions_contribution where call_id = ${callId} and status = 'published'`.execute(db)
  const raw = plan.rows[0]?.['QUERY PLAN']
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[]
  return Number(parsed[0]?.Plan['Plan Rows'] ?? 0)
}

/**
 * Analyzes the contributions table when the planner believes the call has fewer than half the
 * published contributions it has (and at least 1,000), so a read of the whole call is planned
 * over its real size. The count reads the call's index; ANALYZE samples 30,000 rows at most.
 */
export async function freshenCallStatistics(db: Db, callId: number): Promise<CallStatistics> {
  const estimated = await estimatedRows(db, callId)
  const counted = await sql<{ n: string }>`
    select count(*) as n from contributions_contribution where call_id = ${callId} and status = 'published'`.execute(db)
  const actual = Number(counted.rows[0]?.n ?? 0)
  const analyzed = actual >= WORTH_ANALYZING && estimated < actual / 2
  if (analyzed) await sql`analyze contributions_contribution`.execute(db)
  return { estimated, actual, analyzed }
}
