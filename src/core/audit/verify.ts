// Verifies a copy of the audit log against signed checkpoints, as an outsider would: every line's
// strict schema, its place in the order, the Merkle root recomputed at each checkpoint's size,
// and each checkpoint's Ed25519 signature by the one trusted key. Pure: the CLI and the database
// check feed it entries and checkpoints.
import { z } from 'zod'
import { AuditEntrySchema, entryLeafHash } from './entry.ts'
import { CompactRange, type Hash } from './merkle.ts'
import { openSignedNote, parseCheckpointBody, signedNote } from './note.ts'

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

/** The checkpoint JSON of `GET /api/v1/audit/checkpoint`. */
export const CheckpointJsonSchema = z.strictObject({
  treeSize: z.number().int().nonnegative(),
  rootHash: base64,
  timestamp: z.string(),
  signature: base64,
  publicKey: base64,
  text: z.string(),
})
export type CheckpointJson = z.infer<typeof CheckpointJsonSchema>

/** One line of an exported log (and one item of the entries endpoint's `data`). */
export const LogLineSchema = z.strictObject({ index: z.number().int().nonnegative(), entry: AuditEntrySchema })

export type LogProblem =
  | { kind: 'malformed_entry'; index: number; detail: string }
  | { kind: 'out_of_order'; index: number; detail: string }
  | { kind: 'truncated'; entries: number; treeSize: number }
  | { kind: 'unanchored_entries'; entries: number; treeSize: number }
  | { kind: 'root_mismatch'; treeSize: number }
  | { kind: 'bad_checkpoint'; detail: string }
  | { kind: 'no_checkpoint' }

export interface LogVerdict {
  problem: LogProblem | null
  entries: number
  root: Hash
}

/** A checkpoint whose signature verifies with `trustedKey`; a problem otherwise. */
export function openCheckpoint(
  json: CheckpointJson,
  trustedKey: Buffer,
): { treeSize: number; rootHash: Buffer; origin: string } | LogProblem {
  const body = parseCheckpointBody(json.text)
  const bad = (detail: string): LogProblem => ({ kind: 'bad_checkpoint', detail })
  if (!body) return bad('its text is not a checkpoint (origin, tree size, root hash, time)')
  if (!Buffer.from(json.publicKey, 'base64').equals(trustedKey)) return bad('it is signed by another key')
  const signature = Buffer.from(json.signature, 'base64')
  const note = signedNote(json.text, body.origin, trustedKey, signature)
  if (openSignedNote(note, body.origin, trustedKey) === null) return bad('its signature does not verify')
  if (body.treeSize !== json.treeSize || body.rootHash.toString('base64') !== json.rootHash)
    return bad('its tree size or root hash differs from its signed text')
  if (body.timestamp !== json.timestamp) return bad('its time differs from its signed text')
  return { treeSize: body.treeSize, rootHash: body.rootHash, origin: body.origin }
}

/** Reads log lines in order, keeping the root of every size a checkpoint may ask for. */
export class LogVerifier {
  readonly #range = new CompactRange()
  readonly #roots = new Map<number, Hash>()
  readonly #wanted: Set<number>
  problem: LogProblem | null = null

  /** `sizes`: the tree sizes of the checkpoints the log will be compared with. */
  constructor(sizes: number[]) {
    this.#wanted = new Set(sizes)
    if (this.#wanted.has(0)) this.#roots.set(0, this.#range.root())
  }

  get count(): number {
    return this.#range.size
  }

  push(raw: unknown): boolean {
    if (this.problem) return false
    const index = this.#range.size
    const parsed = LogLineSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.join('.') || 'line'
      this.problem = { kind: 'malformed_entry', index, detail: `${where}: ${issue?.message ?? 'invalid'}` }
      return false
    }
    const { index: claimed, entry } = parsed.data
    if (claimed !== index || entry.seq !== index + 1) {
      const detail = `found index ${claimed} (seq ${entry.seq}) where index ${index} belongs`
      this.problem = { kind: 'out_of_order', index, detail }
      return false
    }
    this.#range.push(entryLeafHash(entry))
    if (this.#wanted.has(this.#range.size)) this.#roots.set(this.#range.size, this.#range.root())
    return true
  }

  /** Compares the log read with each (verified) checkpoint; the largest must cover every entry. */
  finish(checkpoints: { treeSize: number; rootHash: Buffer }[]): LogVerdict {
    const verdict = (problem: LogProblem | null): LogVerdict => ({
      problem: this.problem ?? problem,
      entries: this.count,
      root: this.#range.root(),
    })
    if (this.problem) return verdict(null)
    if (checkpoints.length === 0) return verdict({ kind: 'no_checkpoint' })
    for (const c of checkpoints) {
      if (c.treeSize > this.count) return verdict({ kind: 'truncated', entries: this.count, treeSize: c.treeSize })
      const root = this.#roots.get(c.treeSize)
      if (!root?.equals(c.rootHash)) return verdict({ kind: 'root_mismatch', treeSize: c.treeSize })
    }
    const largest = Math.max(...checkpoints.map((c) => c.treeSize))
    if (largest < this.count) return verdict({ kind: 'unanchored_entries', entries: this.count, treeSize: largest })
    return verdict(null)
  }
}

/** A problem in words, for the CLI. */
export function describeProblem(p: LogProblem): string {
  switch (p.kind) {
    case 'malformed_entry':
      return `entry at index ${p.index} is not a valid entry (${p.detail})`
    case 'out_of_order':
      return `entries out of order, missing or inserted at index ${p.index}: ${p.detail}`
    case 'truncated':
      return `the log is truncated: ${p.entries} entries, but a signed checkpoint covers ${p.treeSize}`
    case 'unanchored_entries':
      return `${p.entries - p.treeSize} entries after the signed checkpoint of size ${p.treeSize} are covered by no signature (appended?)`
    case 'root_mismatch':
      return `the entries do not give the root hash signed for tree size ${p.treeSize}: entries were changed, reordered, removed or inserted`
    case 'bad_checkpoint':
      return `the checkpoint is not trustworthy: ${p.detail}`
    case 'no_checkpoint':
      return 'no signed checkpoint to compare with: pass --checkpoint FILE|URL (the instance’s /api/v1/audit/checkpoint)'
  }
}
