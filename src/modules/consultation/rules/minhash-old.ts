// MinHash signatures over word shingles, and locality-sensitive hashing by bands: two texts whose
// shingle sets have Jaccard similarity s share at least one band with probability 1-(1-s^r)^b.
// Defaults: 3-word shingles, 128 permutations; 16 bands of 4 rows (over the first 64) find a pair
// at s = 0.8 with probability > 0.999 and at s = 0.5 with 0.64; candidates are then verified on
// all 128 values against the call's threshold.
import { words } from './normalize.ts'

export interface Method {
  /** words per shingle */
  shingle: number
  /** estimated Jaccard similarity at or above which two texts are in one campaign */
  threshold: number
  permutations: number
  bands: number
  /** rows (signature values) per band */
  rows: number
}

export const DEFAULT_METHOD: Method = { shingle: 3, threshold: 0.8, permutations: 128, bands: 16, rows: 4 }

/** murmur3's 32-bit finalizer: spreads every input bit over the output */
export function mix32(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over a string's UTF-16 units */
function hashWord(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// the permutations h_i(x) = a_i * x + b_i (mod 2^32), a_i odd, fixed so signatures are stable
const MAX_PERMUTATIONS = 256
const A = new Uint32Array(MAX_PERMUTATIONS)
const B = new Uint32Array(MAX_PERMUTATIONS)
for (let i = 0; i < MAX_PERMUTATIONS; i++) {
  A[i] = (mix32(i * 2 + 1) | 1) >>> 0
  B[i] = mix32(i * 2 + 2)
}

/** The shingle hashes of a text (a short text is one shingle of all its words). */
export function shingles(text: string | string[], size: number): Uint32Array {
  const hashes = (typeof text === 'string' ? words(text) : text).map(hashWord)
  const count = Math.max(1, hashes.length - size + 1)
  // a repeated shingle changes no minimum: no need to remove repeats
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c
    const end = Math.min(i + size, hashes.length)
    for (let j = i; j < end; j++) h = mix32(h ^ (hashes[j] as number))
    out[i] = mix32(h)
  }
  return out
}

/** The MinHash signature of a text (or its normalized words): per permutation, the least permuted shingle hash. */
export function signature(
  text: string | string[],
  method: Pick<Method, 'shingle' | 'permutations'> = DEFAULT_METHOD,
): Uint32Array {
  const set = shingles(text, method.shingle)
  const sig = new Uint32Array(method.permutations)
  const n = set.length
  for (let i = 0; i < method.permutations; i++) {
    const a = A[i] as number
    const b = B[i] as number
    let least = 0xffffffff
    for (let s = 0; s < n; s++) {
      const v = (Math.imul(a, set[s] as number) + b) >>> 0
      if (v < least) least = v
    }
    sig[i] = least
  }
  return sig
}

/** Estimated Jaccard similarity: the share of equal signature values. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++
  return n === 0 ? 0 : same / n
}

/** One 32-bit key per band; keys of different bands never meet (the band is mixed in). */
export function bandKeys(sig: Uint32Array, method: Pick<Method, 'bands' | 'rows'> = DEFAULT_METHOD): number[] {
  const keys: number[] = []
  for (let band = 0; band < method.bands; band++) {
    let h = mix32(band + 1)
    for (let r = 0; r < method.rows; r++) h = mix32(h ^ (sig[band * method.rows + r] as number))
    keys.push(h)
  }
  return keys
}

/** A band key as one integer that also names its band (for a table keyed by call and bucket). */
export function bucketId(band: number, key: number): number {
  return band * 0x1_0000_0000 + key
}

/** Signature bytes to store (little-endian uint32s) and back. */
export function signatureBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength).slice()
}
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes)
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2)
}
