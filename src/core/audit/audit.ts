// Appends to the audit log inside the caller's transaction, so an entry exists exactly when the
// change it records was committed. Entries are serialized by a transaction-scoped advisory lock;
// each becomes a leaf of the log's Merkle tree (tree-store.ts) in the same transaction.
import { sql } from 'kysely'
import { type Actor, accountIdOf } from '../auth/actor.ts'
import type { Db } from '../db/database.ts'
import { inTransaction, jsonb } from '../db/helpers.ts'
import { commitTo, entryLeafHash, newSalt, normalizePayload, type PublicEntry, publicForm } from './entry.ts'
import { AUDIT_LOCK_KEY, appendLeaves, catchUpTree } from './tree-store.ts'

export { auditLogSize, readPublicEntries } from './log-read.ts'
export { verifyAuditLog } from './verify-stored.ts'

export interface AuditInput {
  actor: Actor
  /** a verb in the domain's words: "organization.created", "accreditation.approved" */
  action: string
  subjectType: string
  subjectId: string | number | null
  payload?: Record<string, unknown>
  /** restricted entries (personal-account events, drafts) publish only a salted commitment */
  public?: boolean
  requestId?: string | null
  at?: Date
}

/** What a command receives from its caller: who acts, the request behind it, and the time it is. */
export interface CommandContext {
  actor: Actor
  requestId?: string | null
  now: Date
}

/** An audit entry's who, which request and when, from a command's context. */
export function auditedBy(ctx: CommandContext): Pick<AuditInput, 'actor' | 'requestId' | 'at'> {
  return { actor: ctx.actor, requestId: ctx.requestId ?? null, at: ctx.now }
}

/** Records an entry and its leaf; returns the entry's public form. */
export async function recordAudit(db: Db, input: AuditInput): Promise<PublicEntry> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
    // the last entry and the last leaf in one read; entries from before the tree (or written
    // behind our back) get their leaves first
    const heads = await sql<{ seq: number | null; leaves: number | null }>`select
      (select max(seq) from audit_entry) as seq,
      (select max(position) + 1 from audit_tree_node where level = 0) as leaves`.execute(trx)
    const lastSeq = Number(heads.rows[0]?.seq ?? 0)
    if (Number(heads.rows[0]?.leaves ?? 0) < lastSeq) await catchUpTree(trx)
    const row = {
      seq: lastSeq + 1,
      at: input.at ?? new Date(),
      public: input.public ?? true,
      actorAccountId: accountIdOf(input.actor),
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId === null ? null : String(input.subjectId),
      payload: normalizePayload(input.payload ?? {}),
      requestId: input.requestId ?? null,
    }
    await trx
      .insertInto('auditEntry')
      .values({ ...row, payload: jsonb(row.payload) })
      .execute()
    let commitment: Buffer | null = null
    if (!row.public) {
      const salt = newSalt()
      commitment = commitTo(row, salt)
      await trx.insertInto('auditCommitment').values({ seq: row.seq, salt, commitment }).execute()
    }
    const entry = publicForm(row, commitment)
    await appendLeaves(trx, row.seq - 1, [entryLeafHash(entry)])
    return entry
  })
}
