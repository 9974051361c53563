// The campaign finder on generated data with known campaigns (edited, reordered, typo'd and
// extended copies of templates, unique texts in six scripts): pairwise precision and recall of
// "same campaign" must both reach 0.95. The bench prints the same figures at scale.
import { describe, expect, it } from 'vitest'
import { clusterSignatures, pairwiseQuality } from './clusters.ts'
import { generateContributions } from './generate.ts'
import { DEFAULT_METHOD, signature } from './minhash.ts'
import { textHash, words } from './normalize.ts'

function campaignsOf(texts: string[]): (number | null)[] {
  const index = new Map<string, number>()
  const signatures: Uint32Array[] = []
  const textOf = texts.map((t) => {
    const w = words(t)
    const hash = textHash(w)
    let i = index.get(hash)
    if (i === undefined) {
      i = signatures.length
      index.set(hash, i)
      signatures.push(signature(w))
    }
    return i
  })
  const { roots } = clusterSignatures(signatures, DEFAULT_METHOD)
  const size = new Map<number, number>()
  for (const t of textOf) size.set(roots[t] as number, (size.get(roots[t] as number) ?? 0) + 1)
  return textOf.map((t) => ((size.get(roots[t] as number) ?? 0) >= 2 ? (roots[t] as number) : null))
}

describe('campaign quality on generated consultations', () => {
  it.each([1, 2, 3])('finds the known campaigns with precision and recall >= 0.95 (seed %i)', (seed) => {
    const generated = [...generateContributions({ total: 2000, seed })]
    expect(new Set(generated.map((g) => g.language)).size).toBe(6)
    const quality = pairwiseQuality(
      campaignsOf(generated.map((g) => g.text)),
      generated.map((g) => g.campaign),
    )
    expect(quality.precision).toBeGreaterThanOrEqual(0.95)
    expect(quality.recall).toBeGreaterThanOrEqual(0.95)
  })

  it('would fail a finder that merges everything', () => {
    const generated = [...generateContributions({ total: 500, seed: 4 })]
    const quality = pairwiseQuality(
      generated.map(() => 1),
      generated.map((g) => g.campaign),
    )
    expect(quality.precision).toBeLessThan(0.95)
  })
})
