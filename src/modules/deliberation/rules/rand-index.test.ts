import { describe, expect, it } from 'vitest'
import { adjustedRandIndex } from './rand-index.ts'

describe('adjusted Rand index', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1)
  })
  it('matches a hand-computed case: (1 − 0.4) / (2 − 0.4) = 0.375', () => {
    // index: pairs within table cells = 1; rows {0,0,0},{1,1}: 3 + 1 = 4; cols {a,a},{b,b,b}: 1 + 3 = 4
    // expected = 4 x 4 / 10 = 1.6; max = 4 -> (1 − 1.6) / (4 − 1.6) = −0.25
    expect(adjustedRandIndex([0, 0, 0, 1, 1], [0, 1, 1, 0, 1])).toBeCloseTo((1 - 1.6) / (4 - 1.6), 12)
  })
  it('ignores unlabelled items', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, -1], [1, 1, 0, 0, 0])).toBe(1)
  })
})
