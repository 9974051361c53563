// The Merkle tree of RFC 6962 / RFC 9162 §2.1, as pure functions: leaf and node hashes, the tree
// hash of any size, inclusion and consistency proofs, and their verification. Trees are read
// through `CompleteSubtree`: the hash of the complete, aligned subtree of 2^level leaves starting
// at leaf `position * 2^level`. Every range the RFC's recursion visits splits into such subtrees,
// so a store that keeps them answers any root or proof with O(log n) reads.
import { createHash } from 'node:crypto'

export type Hash = Buffer

/** The hash of the complete subtree at `level` (0 = a leaf) and `position` within that level. */
export type CompleteSubtree = (level: number, position: number) => Hash

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256()

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Hash {
  return sha256(Buffer.of(0), data)
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return sha256(Buffer.of(1), left, right)
}

/** k, the largest power of two smaller than n (n > 1): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

function log2IfPowerOfTwo(n: number): number | null {
  let level = 0
  let k = 1
  while (k < n) {
    k *= 2
    level++
  }
  return k === n ? level : null
}

/** MTH(D[start:end]) for a range the RFC recursion visits (start aligned to the left part's size). */
export function rangeHash(start: number, end: number, subtree: CompleteSubtree): Hash {
  const size = end - start
  const level = log2IfPowerOfTwo(size)
  if (level !== null && start % size === 0) return subtree(level, start / size)
  const k = splitPoint(size)
  return nodeHash(rangeHash(start, start + k, subtree), rangeHash(start + k, end, subtree))
}

/** The root hash of the tree of the first `size` leaves. */
export function rootHash(size: number, subtree: CompleteSubtree): Hash {
  return size === 0 ? EMPTY_ROOT : rangeHash(0, size, subtree)
}

/** RFC 6962 PATH(m, D[0:n]): the audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, subtree: CompleteSubtree): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError('inclusion proof: index outside the tree')
  const path = (m: number, start: number, end: number): Hash[] => {
    if (end - start === 1) return []
    const k = splitPoint(end - start)
    return m < k
      ? [...path(m, start, start + k), rangeHash(start + k, end, subtree)]
      : [...path(m - k, start + k, end), rangeHash(start, start + k, subtree)]
  }
  return path(index, 0, size)
}

/** RFC 6962 PROOF(m, D[0:n]): the consistency proof from the tree of `from` leaves to `to` leaves. */
export function consistencyProof(from: number, to: number, subtree: CompleteSubtree): Hash[] {
  if (!(from >= 0 && from <= to)) throw new RangeError('consistency proof: sizes out of order')
  if (from === 0 || from === to) return []
  const sub = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    const n = end - start
    if (m === n) return whole ? [] : [rangeHash(start, end, subtree)]
    const k = splitPoint(n)
    return m <= k
      ? [...sub(m, start, start + k, whole), rangeHash(start + k, end, subtree)]
      : [...sub(m - k, start + k, end, false), rangeHash(start, start + k, subtree)]
  }
  return sub(from, 0, to, true)
}

const odd = (x: number) => x % 2 === 1
const half = (x: number) => Math.floor(x / 2)

/** RFC 9162 §2.1.3.2: does `proof` show the leaf hash at `index` in the tree with `root`? */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0 || p.length !== 32) return false
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r)
      while (!odd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && r.equals(root)
}

/** RFC 9162 §2.1.4.2: is the tree of `to` leaves with `toRoot` an extension of the one of `from`? */
export function verifyConsistency(from: number, to: number, fromRoot: Hash, toRoot: Hash, proof: Hash[]): boolean {
  if (!(from >= 0 && from <= to)) return false
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot)
  if (from === 0) return proof.length === 0
  if (proof.some((p) => p.length !== 32)) return false
  const path = log2IfPowerOfTwo(from) !== null ? [fromRoot, ...proof] : proof
  if (path.length === 0) return false
  let fn = from - 1
  let sn = to - 1
  while (odd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr = path[0] as Hash
  let sr = fr
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (!odd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return fr.equals(fromRoot) && sr.equals(toRoot) && sn === 0
}

/** Complete subtrees over leaf hashes held in memory (memoized), for verifiers and tests. */
export function memoryTree(leaves: readonly Hash[]): CompleteSubtree {
  const levels: Hash[][] = [leaves as Hash[]]
  const node = (level: number, position: number): Hash => {
    if (!levels[level]) levels[level] = []
    const row = levels[level] as Hash[]
    const known = row[position]
    if (known) return known
    if (level === 0) throw new RangeError(`no leaf ${position}`)
    const h = nodeHash(node(level - 1, 2 * position), node(level - 1, 2 * position + 1))
    row[position] = h
    return h
  }
  return node
}

/**
 * The compact range of a growing tree: the roots of its complete subtrees, largest first, so the
 * root of every size is known while leaves stream past (used to check each signed checkpoint).
 */
export class CompactRange {
  #stack: { hash: Hash; size: number }[] = []
  size = 0

  push(leaf: Hash): void {
    let top = { hash: leaf, size: 1 }
    for (let last = this.#stack.at(-1); last && last.size === top.size; last = this.#stack.at(-1)) {
      this.#stack.pop()
      top = { hash: nodeHash(last.hash, top.hash), size: last.size * 2 }
    }
    this.#stack.push(top)
    this.size++
  }

  root(): Hash {
    if (this.#stack.length === 0) return EMPTY_ROOT
    let r = (this.#stack.at(-1) as { hash: Hash }).hash
    for (let i = this.#stack.length - 2; i >= 0; i--) r = nodeHash((this.#stack[i] as { hash: Hash }).hash, r)
    return r
  }
}

/**
 * The complete subtrees whose hashes make up the tree of `size` leaves, largest first: one per
 * bit set in `size`. Appending leaf `size` needs only these (its left siblings).
 */
export function frontier(size: number): { level: number; position: number }[] {
  const out: { level: number; position: number }[] = []
  let start = 0
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level
    if (size - start >= width) {
      out.push({ level, position: start / width })
      start += width
    }
  }
  return out
}
