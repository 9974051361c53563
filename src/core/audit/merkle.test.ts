// The Merkle tree against the RFC 6962 test vectors of Certificate Transparency (as kept in
// transparency-dev/merkle: 8 leaves, the root of every size, inclusion and consistency proofs),
// then every proof of trees up to 40 leaves verified, and tampered proofs refused.
import { describe, expect, it } from 'vitest'
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  frontier,
  type Hash,
  inclusionProof,
  leafHash,
  memoryTree,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts'

const h = (hex: string) => Buffer.from(hex, 'hex')
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
// [leaf index (0-based), tree size, audit path]
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
]
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
]

const leaves = LEAVES.map((d) => leafHash(h(d)))
const tree = memoryTree(leaves)
const hex = (xs: Hash[]) => xs.map((x) => x.toString('hex'))

function randomLeaves(n: number): Hash[] {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)))
}

describe('the Merkle tree (RFC 6962 vectors)', () => {
  it('gives the root of every size from 0 to 8', () => {
    ROOTS.forEach((root, size) => {
      expect(rootHash(size, tree).toString('hex')).toBe(root)
    })
    expect(EMPTY_ROOT.toString('hex')).toBe(ROOTS[0])
  })

  it.each(INCLUSION)('gives and verifies the audit path of leaf %i in a tree of %i', (index, size, path) => {
    expect(hex(inclusionProof(index, size, tree))).toEqual(path)
    expect(verifyInclusion(index, size, leaves[index] as Hash, path.map(h), h(ROOTS[size] as string))).toBe(true)
  })

  it.each(CONSISTENCY)('gives and verifies the consistency proof from %i to %i', (from, to, path) => {
    expect(hex(consistencyProof(from, to, tree))).toEqual(path)
    expect(verifyConsistency(from, to, h(ROOTS[from] as string), h(ROOTS[to] as string), path.map(h))).toBe(true)
  })

  it('keeps the root of every size while leaves stream past', () => {
    const range = new CompactRange()
    leaves.forEach((leaf, i) => {
      range.push(leaf)
      expect(range.root().toString('hex')).toBe(ROOTS[i + 1])
    })
  })

  it('names the complete subtrees of a tree as its frontier', () => {
    expect(frontier(0)).toEqual([])
    expect(frontier(7)).toEqual([
      { level: 2, position: 0 },
      { level: 1, position: 2 },
      { level: 0, position: 6 },
    ])
  })
})

describe('the Merkle tree’s proofs', () => {
  const all = randomLeaves(40)
  const big = memoryTree(all)
  const root = (n: number) => rootHash(n, big)

  it('verifies the inclusion of every leaf in every tree up to 40 leaves', () => {
    for (let size = 1; size <= 40; size++) {
      for (let i = 0; i < size; i++) {
        expect(verifyInclusion(i, size, all[i] as Hash, inclusionProof(i, size, big), root(size))).toBe(true)
      }
    }
  })

  it('verifies consistency between every pair of sizes up to 40', () => {
    for (let to = 1; to <= 40; to++) {
      for (let from = 1; from <= to; from++) {
        expect(verifyConsistency(from, to, root(from), root(to), consistencyProof(from, to, big))).toBe(true)
      }
    }
  })

  it('refuses a proof for the wrong leaf, index, size or root, and a proof changed by one bit', () => {
    const proof = inclusionProof(5, 13, big)
    expect(verifyInclusion(5, 13, all[6] as Hash, proof, root(13))).toBe(false)
    expect(verifyInclusion(6, 13, all[5] as Hash, proof, root(13))).toBe(false)
    expect(verifyInclusion(5, 14, all[5] as Hash, proof, root(14))).toBe(false)
    expect(verifyInclusion(5, 13, all[5] as Hash, proof, root(12))).toBe(false)
    expect(verifyInclusion(5, 13, all[5] as Hash, proof.slice(1), root(13))).toBe(false)
    expect(verifyInclusion(5, 13, all[5] as Hash, [...proof, root(13)], root(13))).toBe(false)
    expect(verifyInclusion(13, 13, all[5] as Hash, proof, root(13))).toBe(false)
    for (let i = 0; i < proof.length; i++) {
      const bent = proof.map((p, j) => (j === i ? Buffer.from(p.map((byte, k) => (k === 0 ? byte ^ 8 : byte))) : p))
      expect(verifyInclusion(5, 13, all[5] as Hash, bent, root(13))).toBe(false)
    }
  })

  it('refuses a consistency proof between trees that do not extend one another', () => {
    const proof = consistencyProof(7, 19, big)
    expect(verifyConsistency(7, 19, root(7), root(19), proof)).toBe(true)
    const forked = memoryTree([...all.slice(0, 6), leafHash(Buffer.from('forged')), ...all.slice(7)])
    expect(verifyConsistency(7, 19, root(7), rootHash(19, forked), proof)).toBe(false)
    expect(verifyConsistency(7, 19, root(7), root(19), consistencyProof(7, 19, forked))).toBe(false)
    expect(verifyConsistency(7, 19, root(7), root(19), proof.slice(0, -1))).toBe(false)
    expect(verifyConsistency(8, 19, root(7), root(19), proof)).toBe(false)
    expect(verifyConsistency(19, 7, root(19), root(7), proof)).toBe(false)
  })
})
