// An audit entry's public form, the bytes its Merkle leaf hashes, and the salted commitment a
// restricted entry publishes instead of its content. The public form is what
// `GET /api/v1/audit/entries` serves and what every verifier reads; its schema is strict (an
// unknown or missing member is a forgery, not an extension).
import { createHmac, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from './canonical-json.ts'
import { type Hash, leafHash } from './merkle.ts'

/** Who did what to which subject: the content of an entry, public or committed to. */
export interface EntryContent {
  actorAccountId: number | null
  action: string
  subjectType: string
  subjectId: string | null
  payload: Record<string, unknown>
  requestId: string | null
}

const base64Of32 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/)
  .describe('base64 of 32 bytes')

const iso = z.iso.datetime({ offset: false, precision: 3 })

export const PublicEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: iso,
  public: z.literal(true),
  actorAccountId: z.number().int().nullable(),
  action: z.string().min(1),
  subjectType: z.string().min(1),
  subjectId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
})

export const RestrictedEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: iso,
  public: z.literal(false),
  commitment: base64Of32,
})

/** The public form of an entry: a public entry whole, a restricted one as its commitment only. */
export const AuditEntrySchema = z.discriminatedUnion('public', [PublicEntrySchema, RestrictedEntrySchema])
export type PublicEntry = z.infer<typeof AuditEntrySchema>

/** The bytes of the entry's leaf: its RFC 8785 canonical JSON, in UTF-8. */
export function entryBytes(entry: PublicEntry): Buffer {
  return Buffer.from(canonicalJson(entry), 'utf8')
}

/** The entry's Merkle leaf hash: SHA-256(0x00 || canonical bytes). */
export function entryLeafHash(entry: PublicEntry): Hash {
  return leafHash(entryBytes(entry))
}

/** The canonical bytes of a restricted entry's content (the message its commitment authenticates). */
export function contentBytes(content: EntryContent): Buffer {
  return Buffer.from(
    canonicalJson({
      actorAccountId: content.actorAccountId,
      action: content.action,
      subjectType: content.subjectType,
      subjectId: content.subjectId,
      payload: content.payload,
      requestId: content.requestId,
    }),
    'utf8',
  )
}

/** HMAC-SHA-256 of the canonical content under the entry's own salt. */
export function commitTo(content: EntryContent, salt: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(contentBytes(content)).digest()
}

/** A fresh 32-byte salt: kept private, it makes a restricted entry's commitment unguessable. */
export function newSalt(): Buffer {
  return randomBytes(32)
}

/** Makes a payload what jsonb will give back: plain JSON, strings well-formed. */
export function normalizePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload, (_, v) => (typeof v === 'string' ? v.toWellFormed() : v)))
}

export interface StoredEntry extends EntryContent {
  seq: number
  at: Date
  public: boolean
}

/** The public form of a stored entry (a restricted one needs its commitment). */
export function publicForm(row: StoredEntry, commitment: Uint8Array | null): PublicEntry {
  const head = { seq: Number(row.seq), at: row.at.toISOString() }
  if (!row.public) {
    if (!commitment) throw new Error(`audit entry ${row.seq} is restricted but has no commitment`)
    return { ...head, public: false, commitment: Buffer.from(commitment).toString('base64') }
  }
  return {
    ...head,
    public: true,
    actorAccountId: row.actorAccountId === null ? null : Number(row.actorAccountId),
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
    requestId: row.requestId,
  }
}
