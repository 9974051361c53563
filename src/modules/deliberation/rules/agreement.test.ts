// The parts of Polis's agreement measures that analyze.test.ts does not reach: divisiveness across
// opinion groups, the two-proportion z statistic and the statements that set a group apart
// (repness), each against figures worked out by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { divisiveness, type GroupCounts, representative, twoProportionZ } from './agreement.ts'

/** Counts of two groups (or one) over statements, each cell as [agree, disagree, seen]. */
function counts(cells: [number, number, number][][]): GroupCounts {
  const statements = cells[0]?.length ?? 0
  const flat = cells.flat()
  return {
    groups: cells.length,
    statements,
    agree: Float64Array.from(flat, (c) => c[0]),
    disagree: Float64Array.from(flat, (c) => c[1]),
    seen: Float64Array.from(flat, (c) => c[2]),
  }
}

describe('divisiveness', () => {
  it('is the gap between the groups’ smoothed agreement: 9/10 against 1/10 is 0.8, equal groups 0', () => {
    const split = counts([
      [
        [8, 0, 8],
        [3, 0, 3],
      ],
      [
        [0, 8, 8],
        [3, 0, 3],
      ],
    ])
    const score = divisiveness(split)
    expect(score[0]).toBeCloseTo(0.8, 12)
    expect(score[1]).toBe(0)
  })

  it('is 0 with one group, however it voted', () => {
    expect(
      Array.from(
        divisiveness(
          counts([
            [
              [9, 0, 9],
              [0, 9, 9],
            ],
          ]),
        ),
      ),
    ).toEqual([0, 0])
  })
})

describe('the two-proportion z statistic', () => {
  it('gives 4.045 for 9 of 9 against 0 of 9 (each plus one: 1 against 0.1, pooled 0.55)', () => {
    // (1 - 0.1) / sqrt(0.55 × 0.45 × (1/10 + 1/10))
    expect(twoProportionZ(9, 9, 0, 9)).toBeCloseTo(4.0452, 3)
  })

  it('is 0 for equal rates and when everyone agreed (no spread), never NaN', () => {
    expect(twoProportionZ(3, 6, 3, 6)).toBe(0)
    expect(twoProportionZ(5, 5, 7, 7)).toBe(0)
    expect(twoProportionZ(0, 0, 0, 0)).toBe(0)
  })

  it('changes sign when the two sides swap, for any counts', () => {
    const side = fc.integer({ min: 0, max: 200 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))
    fc.assert(
      fc.property(side, side, ([s1, n1], [s2, n2]) => {
        const z = twoProportionZ(s1, n1, s2, n2)
        expect(Number.isFinite(z)).toBe(true)
        expect(z + twoProportionZ(s2, n2, s1, n1)).toBeCloseTo(0, 9)
      }),
    )
  })
})

describe('the statements that set a group apart', () => {
  // group 0 agrees with statement 0 (9 of 10) where group 1 does not (1 of 10); both split on statement 1
  const twoGroups = counts([
    [
      [9, 1, 10],
      [5, 5, 10],
    ],
    [
      [1, 9, 10],
      [5, 5, 10],
    ],
  ])

  it('finds the statement a group agrees with more than the others, with its rate and score', () => {
    const found = representative(twoGroups, 0)
    // rate 10/12; ratio (10/12) ÷ (2/12) = 5; z of the rate 2√11 (10/11 − 1/2) = 2.7136;
    // z of the ratio (10/11 − 2/11) ÷ √(12/22 × 10/22 × 2/11) = 3.4254; score 5 × 3.4254 × 0.8333 × 2.7136
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ statement: 0, direction: 'agree' })
    expect(found[0]?.rate).toBeCloseTo(10 / 12, 12)
    expect(found[0]?.score).toBeCloseTo(38.73, 1)
  })

  it('finds for the other group the same statement as one it disagrees with', () => {
    expect(representative(twoGroups, 1).map((r) => [r.statement, r.direction])).toEqual([[0, 'disagree']])
  })

  it('passes over a statement the group split on, or never saw', () => {
    const unseen = counts([
      [
        [0, 0, 0],
        [5, 5, 10],
      ],
      [
        [3, 0, 3],
        [0, 10, 10],
      ],
    ])
    expect(representative(unseen, 0)).toEqual([])
  })

  it('lists agreements first, each kind by score, and no more than asked', () => {
    const three = counts([
      [
        [9, 1, 10],
        [8, 2, 10],
        [0, 10, 10],
      ],
      [
        [1, 9, 10],
        [0, 10, 10],
        [10, 0, 10],
      ],
    ])
    const found = representative(three, 0)
    expect(found.map((r) => [r.statement, r.direction])).toEqual([
      [1, 'agree'],
      [0, 'agree'],
      [2, 'disagree'],
    ])
    // the disagreement scores highest of all, and still comes last
    expect(found[2]?.score).toBeGreaterThan(found[0]?.score as number)
    expect(representative(three, 0, 2).map((r) => r.statement)).toEqual([1, 0])
  })
})
