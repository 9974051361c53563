// Opinion groups from the participants' places: well-separated clouds come out as their own
// groups, largest first; participants not eligible stay outside every group; too few places make
// no groups; a warm start from the previous run's base centres keeps the groups where they were.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_GROUPS, opinionGroups } from './groups.ts'
import { seededRandom } from './pca.ts'

/** Clouds of points around centres, 0.3 across, in order: cloud 0's points, then cloud 1's. */
function clouds(centres: [number, number, number][], seed = 7) {
  const random = seededRandom(seed)
  const x: number[] = []
  const y: number[] = []
  const cloud: number[] = []
  centres.forEach(([cx, cy, count], c) => {
    for (let i = 0; i < count; i++) {
      x.push(cx + (random() - 0.5) * 0.3)
      y.push(cy + (random() - 0.5) * 0.3)
      cloud.push(c)
    }
  })
  return { place: { x: Float64Array.from(x), y: Float64Array.from(y) }, cloud, n: x.length }
}

const everyone = (n: number) => new Uint8Array(n).fill(1)

describe('opinion groups', () => {
  it('finds two far-apart clouds as two groups, the larger one first, with its centre', () => {
    const { place, cloud, n } = clouds([
      [5, 5, 12],
      [-5, -5, 30],
    ])
    const groups = opinionGroups(place, everyone(n))
    expect(groups.k).toBe(2)
    // the cloud of 30 is group 0, the cloud of 12 group 1
    expect(Array.from(groups.labels)).toEqual(cloud.map((c) => (c === 1 ? 0 : 1)))
    expect(groups.centers[0]).toBeCloseTo(-5, 0)
    expect(groups.centers[1]).toBeCloseTo(-5, 0)
    expect(groups.centers[2]).toBeCloseTo(5, 0)
    expect(groups.silhouette).toBeGreaterThan(0.9)
  })

  it('finds three clouds as three groups', () => {
    const { place, cloud, n } = clouds([
      [0, 8, 20],
      [8, -4, 15],
      [-8, -4, 10],
    ])
    const groups = opinionGroups(place, everyone(n))
    expect(groups.k).toBe(3)
    expect(Array.from(groups.labels)).toEqual(cloud)
  })

  it('leaves out the participants not eligible (too few votes), with the label -1', () => {
    const { place, n } = clouds([
      [5, 5, 10],
      [-5, -5, 10],
    ])
    const eligible = everyone(n)
    eligible[0] = 0
    eligible[15] = 0
    const groups = opinionGroups(place, eligible)
    expect(groups.labels[0]).toBe(-1)
    expect(groups.labels[15]).toBe(-1)
    expect(Array.from(groups.labels).filter((label) => label === -1)).toHaveLength(2)
  })

  it('makes no group of fewer than three eligible participants', () => {
    const { place, n } = clouds([
      [5, 5, 2],
      [-5, -5, 3],
    ])
    const eligible = Uint8Array.from([1, 0, 1, 0, 0])
    const groups = opinionGroups(place, eligible)
    expect(groups.k).toBe(0)
    expect(Array.from(groups.labels)).toEqual(new Array(n).fill(-1))
    expect(groups.centers).toHaveLength(0)
  })

  it('keeps every participant in the same group when warm-started from the previous base centres', () => {
    const { place, n } = clouds([
      [4, 0, 25],
      [-4, 0, 25],
      [0, 6, 10],
    ])
    const first = opinionGroups(place, everyone(n))
    const again = opinionGroups(place, everyone(n), first.baseCenters)
    expect(Array.from(again.labels)).toEqual(Array.from(first.labels))
    expect(again.k).toBe(first.k)
  })

  it('labels each eligible participant with a group in 0..k-1, groups no smaller than the next, for any places', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })),
          {
            maxLength: 60,
          },
        ),
        (points) => {
          const place = { x: Float64Array.from(points, (p) => p[0]), y: Float64Array.from(points, (p) => p[1]) }
          const groups = opinionGroups(place, everyone(points.length))
          expect(groups.k === 0 || (groups.k >= 2 && groups.k <= MAX_GROUPS)).toBe(true)
          expect(groups.centers).toHaveLength(2 * groups.k)
          const sizes = new Array(groups.k).fill(0)
          for (const label of groups.labels) {
            if (groups.k === 0) expect(label).toBe(-1)
            else {
              expect(label).toBeGreaterThanOrEqual(0)
              expect(label).toBeLessThan(groups.k)
              sizes[label] += 1
            }
          }
          for (let g = 1; g < groups.k; g++) expect(sizes[g - 1]).toBeGreaterThanOrEqual(sizes[g])
        },
      ),
      { numRuns: 60 },
    )
  })
})
