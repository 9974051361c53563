// Counting the kept participation counts again from the contributions (`ecp counts recount`): the
// database function of migration 20261211-0500 returns every kept row that differed and puts the
// recount in place; this records what it found in the audit log, in the same transaction.
import { sql } from 'kysely'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'

/** A kept row that differed from the recount: its table, its key, the kept and the counted value. */
export interface CountDifference {
  table: 'contributions_speaker_count' | 'contributions_people_count'
  key: Record<string, unknown>
  kept: number
  counted: number
}

/** at most this many differences are copied into the audit entry (all are returned) */
const AUDITED = 100

/**
 * Recomputes the speaker and people counts from the contributions, corrects the kept ones where they
 * differ, and writes `contributions.counts_recounted` with the differences found (none: the counts
 * were right, which is worth recording too).
 */
export async function recountParticipation(db: Db, ctx: CommandContext): Promise<CountDifference[]> {
  return inTransaction(db, async (trx) => {
    const found = await sql<{
      keptTable: CountDifference['table']
      key: Record<string, unknown>
      kept: number
      counted: number
    }>`
      select kept_table as "keptTable", key, kept, counted from contributions_counts_recount()`.execute(trx)
    const differences = found.rows.map((r) => ({
      table: r.keptTable,
      key: r.key,
      kept: Number(r.kept),
      counted: Number(r.counted),
    }))
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contributions.counts_recounted',
      subjectType: 'contributions',
      subjectId: null,
      payload: {
        differences: differences.length,
        corrected: differences.slice(0, AUDITED),
      },
    })
    return differences
  })
}
