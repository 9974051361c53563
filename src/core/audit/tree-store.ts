// The audit log's Merkle tree in the database: complete subtrees are stored as entries are
// appended (one leaf and, on average, one interior node per entry), so the root of any size and
// any proof is computed from O(log n) stored hashes in a single read. Entries written before the
// tree existed get their leaves on the next opening (`catchUpTree`).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { inTransaction } from '../db/helpers.ts'
import { commitTo, entryLeafHash, newSalt, normalizePayload, publicForm } from './entry.ts'
import {
  type CompleteSubtree,
  consistencyProof,
  frontier,
  type Hash,
  inclusionProof,
  nodeHash,
  rootHash,
} from './merkle.ts'

/** Serializes appends to the log (a transaction-scoped advisory lock). */
export const AUDIT_LOCK_KEY = 7_263_001

const key = (level: number, position: number) => `${level}:${position}`
const ZERO = Buffer.alloc(32)

/** The number of leaves in the stored tree. */
export async function storedTreeSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auditTreeNode')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('level', '=', 0)
    .executeTakeFirst()
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
}

async function readNodes(db: Db, wanted: { level: number; position: number }[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>()
  if (wanted.length === 0) return found
  for (let i = 0; i < wanted.length; i += 200) {
    const chunk = wanted.slice(i, i + 200)
    const rows = await db
      .selectFrom('auditTreeNode')
      .select(['level', 'position', 'hash'])
      .where((eb) => eb.or(chunk.map((k) => eb.and([eb('level', '=', k.level), eb('position', '=', k.position)]))))
      .execute()
    for (const r of rows) found.set(key(Number(r.level), Number(r.position)), Buffer.from(r.hash))
  }
  return found
}

/**
 * Runs a pure tree computation over the stored subtrees: a first pass records which subtrees it
 * reads (the RFC recursion does not depend on the hashes), one query fetches them, a second pass
 * computes.
 */
export async function withStoredTree<T>(db: Db, compute: (subtree: CompleteSubtree) => T): Promise<T> {
  const wanted = new Map<string, { level: number; position: number }>()
  compute((level, position) => {
    wanted.set(key(level, position), { level, position })
    return ZERO
  })
  const nodes = await readNodes(db, [...wanted.values()])
  return compute((level, position) => {
    const hash = nodes.get(key(level, position))
    if (!hash) throw new Error(`the audit tree has no node ${key(level, position)}`)
    return hash
  })
}

export const storedRoot = (db: Db, size: number) => withStoredTree(db, (t) => rootHash(size, t))
export const storedInclusionProof = (db: Db, index: number, size: number) =>
  withStoredTree(db, (t) => inclusionProof(index, size, t))
export const storedConsistencyProof = (db: Db, from: number, to: number) =>
  withStoredTree(db, (t) => consistencyProof(from, to, t))

/** The stored subtrees that appending `count` leaves at `start` merges with: part of the frontier. */
function leftSiblingsFor(start: number, count: number): { level: number; position: number }[] {
  const stored = new Map(frontier(start).map((n) => [key(n.level, n.position), n]))
  const needed = new Map<string, { level: number; position: number }>()
  for (let i = 0; i < count; i++) {
    let position = start + i
    let level = 0
    while (position % 2 === 1) {
      const left = stored.get(key(level, position - 1))
      if (left) needed.set(key(level, position - 1), left)
      position = (position - 1) / 2
      level++
    }
  }
  return [...needed.values()]
}

/** The rows of `leaves` appended at index `start`: each leaf and every subtree it completes. */
export function leafRows(start: number, leaves: Hash[], known: Map<string, Hash>) {
  const rows: { level: number; position: number; hash: Buffer }[] = []
  leaves.forEach((leaf, i) => {
    let position = start + i
    let level = 0
    let hash = leaf
    known.set(key(level, position), hash)
    rows.push({ level, position, hash })
    while (position % 2 === 1) {
      const left = known.get(key(level, position - 1))
      if (!left) throw new Error(`the audit tree has no node ${key(level, position - 1)}`)
      hash = nodeHash(left, hash)
      position = (position - 1) / 2
      level++
      known.set(key(level, position), hash)
      rows.push({ level, position, hash })
    }
  })
  return rows
}

/** Appends leaves from index `start` (the current size) with every subtree they complete. */
export async function appendLeaves(trx: Db, start: number, leaves: Hash[]): Promise<void> {
  if (leaves.length === 0) return
  // only the left siblings the new leaves merge with are read (none when the first index is even)
  const rows = leafRows(start, leaves, await readNodes(trx, leftSiblingsFor(start, leaves.length)))
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('auditTreeNode')
      .values(rows.slice(i, i + 500))
      .execute()
  }
}

/** The log's head: its last entry, its stored leaves, and the stored subtrees the next leaf merges with. */
export interface LogHead {
  seq: number
  leaves: number
  /** the left siblings of leaf `seq` (valid when `leaves` equals `seq`) */
  siblings: Map<string, Hash>
}

/**
 * Reads the head in one statement: the last entry, the number of leaves, and the left siblings a
 * leaf at index `seq` merges with (level l when the low l+1 bits of `seq` are all ones). Call it
 * holding the append lock, in a statement after the one that took it (a statement's snapshot is
 * taken before it waits).
 */
export async function readHead(trx: Db): Promise<LogHead> {
  const rows = await sql<{
    seq: number
    leaves: number
    level: number | null
    position: number | null
    hash: Uint8Array | null
  }>`
    with head as (
      select coalesce((select max(seq) from audit_entry), 0)::bigint as seq,
        coalesce((select max(position) + 1 from audit_tree_node where level = 0), 0)::bigint as leaves
    )
    select head.seq, head.leaves, n.level, n.position, n.hash from head left join lateral (
      select t.level, t.position, t.hash from generate_series(0, 61) as l
      join audit_tree_node t on t.level = l and t.position = (head.seq >> l) - 1
      where (head.seq + 1) % (1::bigint << (l + 1)) = 0
    ) n on true`.execute(trx)
  const first = rows.rows[0]
  const siblings = new Map<string, Hash>()
  for (const r of rows.rows)
    if (r.level !== null && r.position !== null && r.hash)
      siblings.set(key(Number(r.level), Number(r.position)), Buffer.from(r.hash))
  return { seq: Number(first?.seq ?? 0), leaves: Number(first?.leaves ?? 0), siblings }
}

/**
 * Gives every entry that has no leaf yet its leaf, in order (and a restricted one its salted
 * commitment first): the upgrade of a log written before the tree, and a guard before appending.
 * Returns how many leaves were added.
 */
export async function catchUpTree(db: Db, pageSize = 1000): Promise<number> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
    let added = 0
    for (;;) {
      const size = await storedTreeSize(trx)
      const rows = await trx
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
        .where('auditEntry.seq', '>', size)
        .orderBy('auditEntry.seq')
        .limit(pageSize)
        .execute()
      const leaves: Hash[] = []
      for (const [i, row] of rows.entries()) {
        if (Number(row.seq) !== size + i + 1) throw new Error(`the audit log has a gap before entry ${row.seq}`)
        let commitment = row.commitment
        if (!row.public && !commitment) {
          const salt = newSalt()
          commitment = commitTo({ ...row, payload: normalizePayload(row.payload) }, salt)
          await trx.insertInto('auditCommitment').values({ seq: row.seq, salt, commitment }).execute()
        }
        leaves.push(entryLeafHash(publicForm(row, commitment)))
      }
      await appendLeaves(trx, size, leaves)
      added += leaves.length
      if (rows.length < pageSize) return added
    }
  })
}
