// Signed checkpoints of the audit log: the installation's Ed25519 key (made on first opening, its
// private half kept in core_secret, which `ecp export` leaves out), and the checkpoints signed
// with it and kept for ever: one an hour when the log grew (a recurring job), one for each report
// or compilation produced, and the first one whenever someone asks and none exists yet.
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { inTransaction } from '../db/helpers.ts'
import { checkpointBody, signedNote } from './note.ts'
import { AUDIT_LOCK_KEY, catchUpTree, storedRoot, storedTreeSize } from './tree-store.ts'

const KEY_SECRET = 'audit.ed25519'

interface SigningKey {
  origin: string
  privateKey: KeyObject
  publicKey: Buffer
}

/**
 * The log's origin (and key name): a schema-less URL, from ECP_PUBLIC_URL when set at
 * installation, else a name made from the key itself (".invalid" never resolves, RFC 2606).
 */
function originFor(publicUrl: string | undefined, publicKey: Buffer): string {
  if (publicUrl) {
    const url = new URL(publicUrl)
    return `${url.host}${url.pathname.replace(/\/$/, '')}/audit-log`
  }
  return `ecp.invalid/${createHash('sha256').update(publicKey).digest('hex').slice(0, 16)}`
}

/** Makes the installation's signing key unless it exists (idempotent; safe under concurrency). */
export async function ensureSigningKey(db: Db, publicUrl?: string): Promise<void> {
  const existing = await db.selectFrom('coreSecret').select('name').where('name', '=', KEY_SECRET).executeTakeFirst()
  if (existing) return
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url')
  const value = JSON.stringify({
    origin: originFor(publicUrl, raw),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  })
  await db
    .insertInto('coreSecret')
    .values({ name: KEY_SECRET, value })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
}

async function signingKey(db: Db): Promise<SigningKey> {
  await ensureSigningKey(db)
  const row = await db.selectFrom('coreSecret').select('value').where('name', '=', KEY_SECRET).executeTakeFirstOrThrow()
  const stored = JSON.parse(row.value) as { origin: string; privateKey: string }
  const privateKey = createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' })
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string }
  return { origin: stored.origin, privateKey, publicKey: Buffer.from(jwk.x, 'base64url') }
}

/** The installation's public key (raw 32 bytes) and the key name its checkpoints are signed with. */
export async function publicSigningKey(db: Db): Promise<{ origin: string; publicKey: Buffer }> {
  const { origin, publicKey } = await signingKey(db)
  return { origin, publicKey }
}

export interface Checkpoint {
  treeSize: number
  rootHash: Buffer
  timestamp: string
  origin: string
  publicKey: Buffer
  signature: Buffer
  /** the signed text (the note body) */
  body: string
  /** the C2SP signed note: body, blank line, signature line */
  note: string
}

type CheckpointRow = {
  treeSize: number
  rootHash: Uint8Array
  at: Date
  origin: string
  publicKey: Uint8Array
  signature: Uint8Array
  body: string
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const publicKey = Buffer.from(row.publicKey)
  const signature = Buffer.from(row.signature)
  return {
    treeSize: Number(row.treeSize),
    rootHash: Buffer.from(row.rootHash),
    timestamp: row.at.toISOString(),
    origin: row.origin,
    publicKey,
    signature,
    body: row.body,
    note: signedNote(row.body, row.origin, publicKey, signature),
  }
}

const COLUMNS = ['treeSize', 'rootHash', 'at', 'origin', 'publicKey', 'signature', 'body'] as const

/** The latest signed checkpoint, or null when none was signed yet. */
export async function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  const row = await db.selectFrom('auditCheckpoint').select(COLUMNS).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row ? toCheckpoint(row) : null
}

/** Every signed checkpoint, oldest first. */
export async function allCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('auditCheckpoint').select(COLUMNS).orderBy('id').execute()
  return rows.map(toCheckpoint)
}

/**
 * Signs a checkpoint of the whole log unless the latest one already covers it; returns the
 * checkpoint that covers the log now. `reason` says why it was signed (kept with it).
 */
export async function signCheckpoint(
  db: Db,
  reason: 'first' | 'hourly' | 'report',
  now = new Date(),
): Promise<Checkpoint> {
  const key = await signingKey(db)
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
    await catchUpTree(trx)
    const size = await storedTreeSize(trx)
    const latest = await latestCheckpoint(trx)
    if (latest && latest.treeSize === size) return latest
    const rootHash = await storedRoot(trx, size)
    const body = checkpointBody(key.origin, size, rootHash, now)
    const signature = sign(null, Buffer.from(body, 'utf8'), key.privateKey)
    const row = { treeSize: size, rootHash, at: now, origin: key.origin, publicKey: key.publicKey, signature, body }
    await trx
      .insertInto('auditCheckpoint')
      .values({ ...row, reason })
      .execute()
    return toCheckpoint(row)
  })
}

/** The checkpoint to publish: the latest, or a first one when none was signed yet. */
export async function publishedCheckpoint(db: Db, now = new Date()): Promise<Checkpoint> {
  return (await latestCheckpoint(db)) ?? signCheckpoint(db, 'first', now)
}

/**
 * The checkpoint a report or compilation carries: the log as it stands when the report is
 * produced (signed now if the log grew since the latest checkpoint). Print its tree size and root.
 * @example const { treeSize, rootHash } = await currentCheckpoint(db) // rootHash in base64
 */
export async function currentCheckpoint(db: Db, now = new Date()): Promise<{ treeSize: number; rootHash: string }> {
  const checkpoint = await signCheckpoint(db, 'report', now)
  return { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('base64') }
}

/** The checkpoint as `GET /api/v1/audit/checkpoint` serves it (docs/audit-log.md). */
export function checkpointJson(c: Checkpoint) {
  return {
    treeSize: c.treeSize,
    rootHash: c.rootHash.toString('base64'),
    timestamp: c.timestamp,
    signature: c.signature.toString('base64'),
    publicKey: c.publicKey.toString('base64'),
    text: c.body,
  }
}
