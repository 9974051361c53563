// Appends to the audit log inside the caller's transaction, so an entry exists exactly when the
// change it records was committed. Entries are serialized by a transaction-scoped advisory lock;
// each becomes a leaf of the log's Merkle tree (tree-store.ts) in the same transaction, written
// with its entry in one statement.
import { sql } from 'kysely'
import { type Actor, accountIdOf } from '../auth/actor.ts'
import type { Db } from '../db/database.ts'
import { inTransaction, jsonb } from '../db/helpers.ts'
import { commitTo, entryLeafHash, newSalt, normalizePayload, type PublicEntry, publicForm } from './entry.ts'
import { AUDIT_LOCK_KEY, appendLeaves, catchUpTree, leafRows, readHead } from './tree-store.ts'

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

/**
 * The SQL that takes the log's append lock, for a command that folds it into the last statement
 * of its own writes (after its row locks, as every writer takes it last) and then records its
 * entry with `{ locked: true }`: one round trip fewer on a hot write (a State's position).
 */
export const takeAuditLock = sql`pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`

/**
 * Records an entry and its leaf; returns the entry's public form. Inside the caller's transaction
 * it takes no savepoint of its own (a failure fails the caller's transaction, or its savepoint):
 * the lock, one read of the head, and one statement that writes the entry, its commitment and its
 * leaf with the subtrees it completes.
 */
export async function recordAudit(
  db: Db,
  input: AuditInput,
  options: { /** the caller took `takeAuditLock` in an earlier statement */ locked?: boolean } = {},
): Promise<PublicEntry> {
  // alone, an entry is its own transaction, run again if it lost a race (inTransaction)
  if (!db.isTransaction) return inTransaction(db, (trx) => appendEntry(trx, input, false))
  return appendEntry(db, input, options.locked === true)
}

async function appendEntry(trx: Db, input: AuditInput, locked: boolean): Promise<PublicEntry> {
  if (!locked) await sql`select ${takeAuditLock}`.execute(trx)
  const head = await readHead(trx)
  // entries from before the tree (or written behind our back) get their leaves first
  const caughtUp = head.leaves < head.seq
  if (caughtUp) await catchUpTree(trx)
  const row = {
    seq: head.seq + 1,
    at: input.at ?? new Date(),
    public: input.public ?? true,
    actorAccountId: accountIdOf(input.actor),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId === null ? null : String(input.subjectId),
    payload: normalizePayload(input.payload ?? {}),
    requestId: input.requestId ?? null,
  }
  let commitment: Buffer | null = null
  let salt: Buffer | null = null
  if (!row.public) {
    salt = newSalt()
    commitment = commitTo(row, salt)
  }
  const entry = publicForm(row, commitment)
  const leaf = entryLeafHash(entry)
  const entryRow = { ...row, payload: jsonb(row.payload) }
  if (caughtUp) {
    await trx.insertInto('auditEntry').values(entryRow).execute()
    if (salt && commitment) await trx.insertInto('auditCommitment').values({ seq: row.seq, salt, commitment }).execute()
    await appendLeaves(trx, head.seq, [leaf])
    return entry
  }
  const nodes = leafRows(head.seq, [leaf], head.siblings)
  const withEntry = trx.with('entry', (w) => w.insertInto('auditEntry').values(entryRow))
  await (salt && commitment
    ? withEntry.with('commitment', (w) => w.insertInto('auditCommitment').values({ seq: row.seq, salt, commitment }))
    : withEntry
  )
    .insertInto('auditTreeNode')
    .values(nodes)
    .execute()
  return entry
}
