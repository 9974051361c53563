// Appends to the audit log inside the caller's transaction, so an entry exists exactly when the
// change it records was committed. Entries are serialized by a transaction-scoped advisory lock.
import { sql } from 'kysely'
import { type Actor, accountIdOf } from '../auth/actor.ts'
import type { Db } from '../db/database.ts'
import { inTransaction, jsonb } from '../db/helpers.ts'
import { type ChainedEntry, ChainVerifier, contentHash, entryHash, GENESIS_HASH } from './chain.ts'

const AUDIT_LOCK_KEY = 7_263_001

export interface AuditInput {
  actor: Actor
  /** a verb in the domain's words: "organization.created", "accreditation.approved" */
  action: string
  subjectType: string
  subjectId: string | number | null
  payload?: Record<string, unknown>
  /** restricted entries (sign-ins, account changes) publish only their hashes */
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

export async function recordAudit(db: Db, input: AuditInput): Promise<ChainedEntry> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
    const last = await trx
      .selectFrom('auditEntry')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const at = input.at ?? new Date()
    const content = {
      actorAccountId: accountIdOf(input.actor),
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId === null ? null : String(input.subjectId),
      payload: input.payload ?? {},
      requestId: input.requestId ?? null,
    }
    const head = {
      seq: (last?.seq ?? 0) + 1,
      at: at.toISOString(),
      public: input.public ?? true,
      contentHash: contentHash(content),
      prevHash: last?.hash ?? GENESIS_HASH,
    }
    const hash = entryHash(head)
    await trx
      .insertInto('auditEntry')
      .values({ ...content, ...head, at, payload: jsonb(content.payload), hash })
      .execute()
    return { ...content, ...head, hash }
  })
}

type AuditRow = {
  seq: number
  at: Date
  actorAccountId: number | null
  action: string
  subjectType: string
  subjectId: string | null
  payload: Record<string, unknown>
  contentHash: string
  public: boolean
  requestId: string | null
  prevHash: string
  hash: string
}

/** An entry as the chain sees it; `redact` drops a restricted entry's content (its hash stays). */
export function toChainedEntry(row: AuditRow, { redact }: { redact: boolean }): ChainedEntry {
  const head = {
    seq: row.seq,
    at: row.at.toISOString(),
    public: row.public,
    contentHash: row.contentHash,
    prevHash: row.prevHash,
    hash: row.hash,
  }
  if (redact && !row.public) return head
  return {
    ...head,
    actorAccountId: row.actorAccountId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
    requestId: row.requestId,
  }
}

/** Reads the log in order, in pages, without holding it all in memory. */
export async function* readAuditLog(db: Db, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0
  for (;;) {
    const rows = await db
      .selectFrom('auditEntry')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    yield* rows as AuditRow[]
    if (rows.length < pageSize) return
    after = rows[rows.length - 1]?.seq ?? after
  }
}

export async function verifyAuditLog(db: Db, onProgress?: (count: number) => void): Promise<ChainVerifier> {
  const verifier = new ChainVerifier()
  for await (const row of readAuditLog(db)) {
    if (!verifier.push(toChainedEntry(row, { redact: false }))) break
    if (onProgress && verifier.count % 1000 === 0) onProgress(verifier.count)
  }
  return verifier
}

export async function auditLogSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auditEntry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
