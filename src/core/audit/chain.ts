// The hash chain of the audit log, as pure functions. Each entry's content (who, what, about
// which subject, with which data) is hashed into `contentHash`; the entry's `hash` covers its
// sequence number, time, visibility, content hash and the previous entry's hash. A public copy of
// the log can therefore drop the content of restricted entries and still be verified end to end.
import { sha256 } from '../auth/crypto.ts'
import { canonicalJson } from './canonical-json.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface EntryContent {
  actorAccountId: number | null
  action: string
  subjectType: string
  subjectId: string | null
  payload: Record<string, unknown>
  requestId: string | null
}

export interface ChainedEntry extends Partial<EntryContent> {
  seq: number
  at: string
  public: boolean
  contentHash: string
  prevHash: string
  hash: string
}

export function contentHash(content: EntryContent): string {
  return sha256(
    canonicalJson({
      actorAccountId: content.actorAccountId,
      action: content.action,
      subjectType: content.subjectType,
      subjectId: content.subjectId,
      payload: content.payload,
      requestId: content.requestId,
    }),
  )
}

export function entryHash(entry: Pick<ChainedEntry, 'seq' | 'at' | 'public' | 'contentHash' | 'prevHash'>): string {
  return sha256(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      public: entry.public,
      contentHash: entry.contentHash,
      prevHash: entry.prevHash,
    }),
  )
}

function hasContent(entry: ChainedEntry): entry is ChainedEntry & EntryContent {
  return entry.action !== undefined && entry.payload !== undefined && entry.subjectType !== undefined
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expectedSeq: number }
  | { kind: 'content_changed'; seq: number }
  | { kind: 'entry_changed'; seq: number }
  | { kind: 'broken_link'; seq: number }

/** Checks entries in order. Stops at the first problem, since later hashes cannot be trusted. */
export class ChainVerifier {
  #expectedSeq = 1
  #prevHash = GENESIS_HASH
  count = 0
  problem: ChainProblem | null = null

  push(entry: ChainedEntry): boolean {
    if (this.problem) return false
    const problem = this.#check(entry)
    if (problem) {
      this.problem = problem
      return false
    }
    this.#expectedSeq = entry.seq + 1
    this.#prevHash = entry.hash
    this.count++
    return true
  }

  get headHash(): string {
    return this.#prevHash
  }

  #check(entry: ChainedEntry): ChainProblem | null {
    if (entry.seq !== this.#expectedSeq) return { kind: 'gap', seq: entry.seq, expectedSeq: this.#expectedSeq }
    if (entry.prevHash !== this.#prevHash) return { kind: 'broken_link', seq: entry.seq }
    if (hasContent(entry) && contentHash(entry) !== entry.contentHash)
      return { kind: 'content_changed', seq: entry.seq }
    if (entryHash(entry) !== entry.hash) return { kind: 'entry_changed', seq: entry.seq }
    return null
  }
}
