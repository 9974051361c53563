import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clusterSignatures, pairwiseQuality, UnionFind } from './clusters.ts'
import { generateContributions } from './generate.ts'
import {
  bandKeys,
  bucketId,
  DEFAULT_METHOD,
  mix32,
  shingles,
  signature,
  signatureBytes,
  signatureFromBytes,
  similarity,
} from './minhash.ts'

const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`)
const text = (indexes: number[]) => indexes.map((i) => vocabulary[i % vocabulary.length]).join(' ')

function jaccard(a: Uint32Array, b: Uint32Array) {
  const sa = new Set(a)
  const sb = new Set(b)
  const inter = [...sa].filter((x) => sb.has(x)).length
  return inter / (sa.size + sb.size - inter)
}

describe('MinHash signatures', () => {
  it('are equal for equal texts, whatever their case and punctuation', () => {
    expect(similarity(signature('Keep the Internet open, for all.'), signature('keep the internet open for all'))).toBe(
      1,
    )
  })

  it('estimate the Jaccard similarity of the shingle sets within 0.15', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(399), { minLength: 30, maxLength: 120 }),
        fc.array(fc.nat(399), { maxLength: 40 }),
        fc.nat(),
        (base, edit, at) => {
          const a = text(base)
          const changed = [...base]
          changed.splice(at % base.length, edit.length, ...edit)
          const b = text(changed)
          const truth = jaccard(shingles(a, 3), shingles(b, 3))
          expect(Math.abs(similarity(signature(a), signature(b)) - truth)).toBeLessThan(0.15)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('survive being stored as bytes', () => {
    const sig = signature('one two three four five')
    expect([...signatureFromBytes(signatureBytes(sig))]).toEqual([...sig])
  })

  it('put near-identical texts in a shared band and unrelated ones in none', () => {
    const base = Array.from({ length: 100 }, (_, i) => i)
    const near = [...base.slice(0, 50), 999, ...base.slice(51)]
    const other = Array.from({ length: 100 }, (_, i) => i + 200)
    const keys = (t: string) => bandKeys(signature(t), DEFAULT_METHOD)
    const shared = (x: number[], y: number[]) => x.some((k, band) => k === y[band])
    expect(shared(keys(text(base)), keys(text(near)))).toBe(true)
    expect(shared(keys(text(base)), keys(text(other)))).toBe(false)
  })
})

describe('clustering', () => {
  it('joins near-duplicates, transitively, and leaves unrelated texts alone', () => {
    const base = Array.from({ length: 80 }, (_, i) => i)
    const texts = [
      text(base),
      text([...base.slice(0, 40), 301, ...base.slice(41)]),
      text([...base, 350, 351]),
      text(base.map((i) => i + 100)),
    ]
    const { roots } = clusterSignatures(
      texts.map((t) => signature(t)),
      DEFAULT_METHOD,
    )
    expect(roots[0]).toBe(roots[1])
    expect(roots[0]).toBe(roots[2])
    expect(roots[3]).not.toBe(roots[0])
  })

  it("lists each band's bucket under the id an arrival probes, with the first text that fell in it", () => {
    const texts = [...generateContributions({ total: 60, seed: 4 })].map((g) => g.text)
    const signatures = texts.map((t) => signature(t))
    const { buckets } = clusterSignatures(signatures, DEFAULT_METHOD)
    const listed = new Map<number, number>()
    buckets.ids.forEach((id, i) => {
      listed.set(id, buckets.texts[i] as number)
    })
    expect(listed.size).toBe(buckets.ids.length)
    signatures.forEach((sig, t) => {
      for (const [band, key] of bandKeys(sig).entries()) {
        const first = listed.get(bucketId(band, key))
        expect(first).toBeDefined()
        expect(first).toBeLessThanOrEqual(t)
      }
    })
  })

  it('union-find gives every member of a chain one root', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(49), fc.nat(49)), { maxLength: 100 }), (pairs) => {
        const sets = new UnionFind(50)
        for (const [a, b] of pairs) sets.union(a, b)
        for (const [a, b] of pairs) expect(sets.find(a)).toBe(sets.find(b))
      }),
    )
  })

  it('scores pairwise precision and recall against the truth', () => {
    expect(pairwiseQuality([1, 1, 1, null], [1, 1, null, null])).toMatchObject({ precision: 1 / 3, recall: 1 })
    expect(pairwiseQuality([1, 1, null, null], [1, 1, 1, null])).toMatchObject({ precision: 1, recall: 1 / 3 })
  })
})

describe('the hash finalizer and bucket ids', () => {
  it('is MurmurHash3’s fmix32: 0 stays 0, 1 becomes 0x514e28b7, and -1 is read as 0xffffffff', () => {
    expect(mix32(0)).toBe(0)
    expect(mix32(1)).toBe(0x514e28b7)
    expect(mix32(-1)).toBe(mix32(0xffffffff))
  })

  it('gives an unsigned 32-bit value, and different values for different inputs (it is a bijection)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (a, b) => {
        const h = mix32(a)
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true)
        if (a !== b) expect(mix32(b)).not.toBe(h)
      }),
    )
  })

  it('gives each band and key its own bucket id, a safe integer', () => {
    expect(bucketId(0, 0xffffffff)).not.toBe(bucketId(1, 0))
    expect(bucketId(3, 7)).toBe(3 * 2 ** 32 + 7)
    fc.assert(
      fc.property(
        fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 0xffffffff })),
        fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 0xffffffff })),
        ([band1, key1], [band2, key2]) => {
          expect(Number.isSafeInteger(bucketId(band1, key1))).toBe(true)
          expect(bucketId(band1, key1) === bucketId(band2, key2)).toBe(band1 === band2 && key1 === key2)
        },
      ),
    )
  })
})
