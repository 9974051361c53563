// Verifies the log in the database (`ecp audit verify` without a file): every entry's public form
// is rebuilt from its row and must give the stored leaf, and the recomputed tree must give the
// root of every signed checkpoint, each signature checked. A row changed behind the application's
// back (the append-only trigger disabled) is found here.
import type { Db } from '../db/database.ts'
import { allCheckpoints } from './checkpoint.ts'
import { entryLeafHash } from './entry.ts'
import { readPublicEntries } from './log-read.ts'
import { CompactRange, type Hash } from './merkle.ts'
import { openSignedNote } from './note.ts'
import { storedRoot, storedTreeSize } from './tree-store.ts'

export type StoredLogProblem =
  | { kind: 'leaf_changed'; seq: number }
  | { kind: 'tree_incomplete'; entries: number; leaves: number }
  | { kind: 'checkpoint_mismatch'; treeSize: number }
  | { kind: 'bad_signature'; treeSize: number }

export interface StoredLogVerdict {
  count: number
  problem: StoredLogProblem | null
  root: Hash
}

async function storedLeaves(db: Db, start: number, end: number): Promise<Map<number, Buffer>> {
  const rows = await db
    .selectFrom('auditTreeNode')
    .select(['position', 'hash'])
    .where('level', '=', 0)
    .where('position', '>=', start)
    .where('position', '<', end)
    .execute()
  return new Map(rows.map((r) => [Number(r.position), Buffer.from(r.hash)]))
}

export async function verifyAuditLog(db: Db, onProgress?: (count: number) => void): Promise<StoredLogVerdict> {
  const checkpoints = await allCheckpoints(db)
  const bySize = new Map(checkpoints.map((c) => [c.treeSize, c]))
  const range = new CompactRange()
  const done = (problem: StoredLogProblem | null): StoredLogVerdict => ({
    count: range.size,
    problem,
    root: range.root(),
  })
  for (const c of checkpoints) {
    if (openSignedNote(c.note, c.origin, c.publicKey) === null)
      return done({ kind: 'bad_signature', treeSize: c.treeSize })
  }
  const leaves = await storedTreeSize(db)
  let page = new Map<number, Buffer>()
  for await (const { index, entry } of readPublicEntries(db)) {
    if (index % 1000 === 0 || !page.has(index)) page = await storedLeaves(db, index, index + 1000)
    const leaf = entryLeafHash(entry)
    if (!page.get(index)?.equals(leaf)) {
      return done(
        index < leaves
          ? { kind: 'leaf_changed', seq: entry.seq }
          : { kind: 'tree_incomplete', entries: index + 1, leaves },
      )
    }
    range.push(leaf)
    const signed = bySize.get(range.size)
    if (signed && !signed.rootHash.equals(range.root()))
      return done({ kind: 'checkpoint_mismatch', treeSize: range.size })
    if (onProgress && range.size % 1000 === 0) onProgress(range.size)
  }
  if (range.size !== leaves) return done({ kind: 'tree_incomplete', entries: range.size, leaves })
  if (!(await storedRoot(db, leaves)).equals(range.root()))
    return done({ kind: 'checkpoint_mismatch', treeSize: leaves })
  for (const c of checkpoints) {
    if (c.treeSize > range.size) return done({ kind: 'checkpoint_mismatch', treeSize: c.treeSize })
  }
  return done(null)
}
