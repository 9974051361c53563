// Reads the audit log's entries in their public form, in order and in pages (the entries
// endpoint, the download, and the verification of the stored log).
import type { Db } from '../db/database.ts'
import { publicForm } from './entry.ts'

/** Reads the log's public forms in order, from `start` (0-based) to `end` (exclusive), in pages. */
export async function* readPublicEntries(db: Db, start = 0, end = Number.MAX_SAFE_INTEGER, pageSize = 1000) {
  let after = start
  while (after < end) {
    const rows = await db
      .selectFrom('auditEntry')
      .leftJoin('auditCommitment', 'auditCommitment.seq', 'auditEntry.seq')
      .select([
        'auditEntry.seq',
        'auditEntry.at',
        'auditEntry.public',
        'auditEntry.actorAccountId',
        'auditEntry.action',
        'auditEntry.subjectType',
        'auditEntry.subjectId',
        'auditEntry.payload',
        'auditEntry.requestId',
        'auditCommitment.commitment',
      ])
      .where('auditEntry.seq', '>', after)
      .where('auditEntry.seq', '<=', end)
      .orderBy('auditEntry.seq')
      .limit(pageSize)
      .execute()
    for (const r of rows) yield { index: Number(r.seq) - 1, entry: publicForm(r, r.commitment) }
    if (rows.length < pageSize) return
    after = Number(rows[rows.length - 1]?.seq ?? end)
  }
}

export async function auditLogSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auditEntry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The sequence number of the newest entry (0 for an empty log): moves with every state change. */
export async function auditHead(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auditEntry')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}
