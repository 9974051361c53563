// Campaigns from signatures: distinct texts whose signatures share a band bucket are compared
// with the bucket's first text, and joined (union-find) when their estimated similarity reaches
// the threshold. Comparing with one representative per bucket keeps the work linear in the number
// of texts, however large a campaign grows.
import { bucketId, type Method, mix32, similarity } from './minhash.ts'

/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  readonly parent: Int32Array
  readonly size: Int32Array
  constructor(n: number) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n).fill(1)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }
  find(x: number): number {
    let i = x
    while (this.parent[i] !== i) {
      const p = this.parent[i] as number
      this.parent[i] = this.parent[p] as number
      i = p
    }
    return i
  }
  union(a: number, b: number): void {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number)
  }
}

/** Per band, the first text of each bucket: bucket ids (band and key, see bucketId) and texts. */
export interface Buckets {
  ids: Float64Array
  texts: Int32Array
}

/**
 * Groups signatures (one per distinct text) into near-duplicate components. Returns, per text,
 * the index of its component's root, and per band and text the representative it was compared
 * with (the first text of its bucket), which incremental assignment keeps as the bucket's entry:
 * in bucket id order when the texts are fewer than 2^21. Typed arrays throughout: at a million
 * contributions there are six million buckets, too many to be an object each.
 */
export function clusterSignatures(
  signatures: Uint32Array[],
  method: Pick<Method, 'threshold' | 'bands' | 'rows'>,
): { roots: Int32Array; buckets: Buckets } {
  const n = signatures.length
  const { bands, rows } = method
  const sets = new UnionFind(n)
  // every text's band keys, band by band (keys[band * n + text])
  const keys = new Uint32Array(n * bands)
  for (let t = 0; t < n; t++) {
    const sig = signatures[t] as Uint32Array
    for (let band = 0; band < bands; band++) {
      let h = mix32(band + 1)
      for (let r = 0; r < rows; r++) h = mix32(h ^ (sig[band * rows + r] as number))
      keys[band * n + t] = h
    }
  }
  const ids = new Float64Array(n * bands)
  const texts = new Int32Array(n * bands)
  let found = 0
  const bucket = (band: number, key: number, text: number) => {
    ids[found] = bucketId(band, key)
    texts[found++] = text
  }
  const join = (representative: number, text: number) => {
    if (similarity(signatures[representative] as Uint32Array, signatures[text] as Uint32Array) >= method.threshold)
      sets.union(representative, text)
  }
  // 2^21 texts fit beside a 32-bit key in a float64's 53 exact bits; beyond, a Map per band
  const order = new Float64Array(n)
  for (let band = 0; band < bands; band++) {
    if (n < 2 ** 21) {
      for (let i = 0; i < n; i++) order[i] = (keys[band * n + i] as number) * 2 ** 21 + i
      order.sort()
      let currentKey = -1
      let representative = -1
      for (let j = 0; j < n; j++) {
        const v = order[j] as number
        const key = Math.floor(v / 2 ** 21)
        const text = v - key * 2 ** 21
        if (key !== currentKey) {
          currentKey = key
          representative = text
          bucket(band, key, text)
        } else join(representative, text)
      }
    } else {
      const first = new Map<number, number>()
      for (let text = 0; text < n; text++) {
        const key = keys[band * n + text] as number
        const representative = first.get(key)
        if (representative === undefined) {
          first.set(key, text)
          bucket(band, key, text)
        } else join(representative, text)
      }
    }
  }
  const roots = new Int32Array(n)
  for (let i = 0; i < n; i++) roots[i] = sets.find(i)
  return { roots, buckets: { ids: ids.subarray(0, found), texts: texts.subarray(0, found) } }
}

/** Pairwise precision and recall of "same group" against the truth (labels: null = alone). */
export function pairwiseQuality(
  found: (number | null)[],
  truth: (number | null)[],
): { precision: number; recall: number; truePairs: number; foundPairs: number } {
  const pairs = (labels: (number | null)[]) => {
    const groups = new Map<number, number[]>()
    labels.forEach((l, i) => {
      if (l === null) return
      const g = groups.get(l) ?? []
      g.push(i)
      groups.set(l, g)
    })
    return groups
  }
  const count = (groups: Map<number, number[]>) =>
    [...groups.values()].reduce((s, g) => s + (g.length * (g.length - 1)) / 2, 0)
  const foundGroups = pairs(found)
  // pairs in both: for each found group, count pairs by their true label
  let both = 0
  for (const members of foundGroups.values()) {
    const byTruth = new Map<number, number>()
    for (const i of members) {
      const t = truth[i]
      if (t === null || t === undefined) continue
      byTruth.set(t, (byTruth.get(t) ?? 0) + 1)
    }
    for (const k of byTruth.values()) both += (k * (k - 1)) / 2
  }
  const foundPairs = count(foundGroups)
  const truePairs = count(pairs(truth))
  return {
    precision: foundPairs === 0 ? 1 : both / foundPairs,
    recall: truePairs === 0 ? 1 : both / truePairs,
    truePairs,
    foundPairs,
  }
}
