// Reads the audit log's entries in their public form, in order and in pages (the entries
// endpoint, the download, and the verification of the stored log).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { publicForm } from './entry.ts'

/**
 * The payload as stored, read as text: Kysely's CamelCasePlugin renames keys inside JSON it reads
 * back (`civil_society` became `civilSociety`), so a payload read as an object no longer hashes to
 * its leaf, and the verifier reported an altered entry that was not.
 */
export const storedPayload = sql<string>`audit_entry.payload::text`.as('payloadText')

export function withStoredPayload<R extends { payloadText: string }>(
  row: R,
): Omit<R, 'payloadText'> & { payload: Record<string, unknown> } {
  const { payloadText, ...rest } = row
  return { ...rest, payload: JSON.parse(payloadText) }
}

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
        storedPayload,
        'auditEntry.requestId',
        'auditCommitment.commitment',
      ])
      .where('auditEntry.seq', '>', after)
      .where('auditEntry.seq', '<=', end)
      .orderBy('auditEntry.seq')
      .limit(pageSize)
      .execute()
    for (const r of rows) yield { index: Number(r.seq) - 1, entry: publicForm(withStoredPayload(r), r.commitment) }
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
