import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kmeans, silhouette } from './kmeans.ts'

const points = (xy: Array<[number, number]>, weight?: number[]) => ({
  x: Float64Array.from(xy, (p) => p[0]),
  y: Float64Array.from(xy, (p) => p[1]),
  ...(weight ? { weight: Float64Array.from(weight) } : {}),
})

describe('k-means', () => {
  it('splits two pairs of points into the pairs, centres at their means (hand-computed)', () => {
    const run = kmeans(
      points([
        [0, 0],
        [0, 1],
        [10, 0],
        [10, 1],
      ]),
      2,
    )
    const centres = [
      [run.centers[0], run.centers[1]],
      [run.centers[2], run.centers[3]],
    ].sort((a, b) => (a[0] as number) - (b[0] as number))
    expect(centres).toEqual([
      [0, 0.5],
      [10, 0.5],
    ])
    expect(run.labels[0]).toBe(run.labels[1])
    expect(run.labels[2]).toBe(run.labels[3])
    expect(run.labels[0]).not.toBe(run.labels[2])
    expect(run.inertia).toBeCloseTo(1, 9) // four points, each 0.5 away: 4 x 0.25
  })

  it('weights points: a heavy point pulls its centre (hand-computed: (0·3 + 4·1) / 4 = 1)', () => {
    const run = kmeans(
      points(
        [
          [0, 0],
          [4, 0],
          [100, 0],
        ],
        [3, 1, 1],
      ),
      2,
    )
    const left = Math.min(run.centers[0] as number, run.centers[2] as number)
    expect(left).toBe(1)
  })

  it('never leaves a group empty when there are as many distinct points as groups', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 30 }), (xs) => {
        const run = kmeans(points(xs.map((x) => [x, 0])), 3)
        expect(new Set(run.labels).size).toBe(3)
      }),
    )
  })
})

describe('silhouette', () => {
  it('scores two tight pairs far apart at 0.89975 (hand-computed)', () => {
    // point 0: a = 1, b = (10 + 11) / 2 = 10.5, s = 1 − 1/10.5; point 1: a = 1, b = 9.5, s = 1 − 1/9.5
    const expected = (1 - 1 / 10.5 + (1 - 1 / 9.5)) / 2
    const p = points([
      [0, 0],
      [1, 0],
      [10, 0],
      [11, 0],
    ])
    expect(silhouette(p, Int32Array.of(0, 0, 1, 1), 2)).toBeCloseTo(expected, 12)
  })

  it('scores a wrong split lower than the right one', () => {
    const p = points([
      [0, 0],
      [1, 0],
      [10, 0],
      [11, 0],
    ])
    expect(silhouette(p, Int32Array.of(0, 1, 0, 1), 2)).toBeLessThan(0)
  })

  it('counts a weighted point as that many participants at one place', () => {
    const weighted = silhouette(
      points(
        [
          [0, 0],
          [1, 0],
          [10, 0],
        ],
        [2, 1, 1],
      ),
      Int32Array.of(0, 0, 1),
      2,
    )
    const spelled = silhouette(
      points([
        [0, 0],
        [0, 0],
        [1, 0],
        [10, 0],
      ]),
      Int32Array.of(0, 0, 0, 1),
      2,
    )
    expect(weighted).toBeCloseTo(spelled, 12)
  })

  it('lies between −1 and 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), fc.integer({ min: 0, max: 2 })),
          {
            minLength: 2,
            maxLength: 25,
          },
        ),
        (rows) => {
          const s = silhouette(
            points(rows.map(([x, y]) => [x, y])),
            Int32Array.from(rows, (r) => r[2]),
            3,
          )
          expect(s).toBeGreaterThanOrEqual(-1)
          expect(s).toBeLessThanOrEqual(1)
        },
      ),
    )
  })
})
