// The measures of balance, checked against figures worked out by hand, and their properties over
// any counts (fast-check): shares sum to 1, evenness stays within [0, 1], a participation that
// mirrors the reference has every ratio equal to 1.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distribution, effectiveGroups, evenness, flagShares, shannon } from './measures.ts'

describe('the measures of balance, by hand', () => {
  it('gives the entropy of two equal groups as ln 2 and of one group as 0', () => {
    expect(shannon([5, 5])).toBeCloseTo(Math.LN2, 12)
    expect(shannon([7])).toBe(0)
    expect(shannon([7, 0, 0])).toBe(0)
    expect(shannon([])).toBe(0)
  })

  it('computes H, evenness and effective groups for 44/21/15/8/4 (the IGF 2022 shares)', () => {
    const counts = [44, 21, 15, 8, 4]
    // p = 0.4783, 0.2283, 0.1630, 0.0870, 0.0435; -p ln p = 0.3528 + 0.3372 + 0.2957 + 0.2124 + 0.1363
    expect(shannon(counts)).toBeCloseTo(1.3344, 3)
    // 1.3344 / ln 5 (1.6094)
    expect(evenness(counts, 5)).toBeCloseTo(0.8291, 3)
    // e^1.3344
    expect(effectiveGroups(counts)).toBeCloseTo(3.797, 2)
  })

  it('gives evenness 1 when every group of the grouping is equally present and less when one is absent', () => {
    expect(evenness([3, 3, 3, 3, 3], 5)).toBeCloseTo(1, 12)
    // two of five groups, equally: ln 2 / ln 5 = 0.4307
    expect(evenness([3, 3, 0, 0, 0], 5)).toBeCloseTo(0.4307, 4)
    expect(evenness([], 5)).toBeNull()
    expect(evenness([4], 1)).toBeNull()
  })

  it('compares each share with the composition when there is one, else with the membership', () => {
    const d = distribution(
      { african: 3, grulac: 1 },
      ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'],
      { membership: { african: 54, 'asia-pacific': 54, 'eastern-european': 23, grulac: 33, weog: 29 } },
    )
    expect(d.total).toBe(4)
    const african = d.rows.find((r) => r.group === 'african')
    // 0.75 / (54 / 193) = 2.6806
    expect(african?.share).toBe(0.75)
    expect(african?.ratio).toBeCloseTo(2.6806, 4)
    expect(d.rows.find((r) => r.group === 'weog')?.ratio).toBe(0)
    const withBody = distribution({ african: 3, grulac: 1 }, ['african', 'grulac', 'weog'], {
      membership: { african: 54, grulac: 33, weog: 29 },
      composition: { african: 3, grulac: 1, weog: 1 },
    })
    // 0.75 / 0.6 = 1.25 and 0.25 / 0.2 = 1.25
    expect(withBody.rows.map((r) => r.ratio)).toEqual([1.25, 1.25, 0])
    expect(withBody.rows[0]?.compositionShare).toBe(0.6)
  })

  it('leaves the ratio unknown for a group the reference does not have, and when nobody took part', () => {
    const d = distribution({ individual: 1, government: 1 }, ['government', 'individual'], {
      composition: { government: 4 },
    })
    expect(d.rows.find((r) => r.group === 'individual')?.ratio).toBeNull()
    expect(d.rows.find((r) => r.group === 'government')?.ratio).toBe(0.5)
    const empty = distribution({}, ['a', 'b'], { membership: { a: 1, b: 1 } })
    expect(empty.rows.every((r) => r.share === 0 && r.ratio === null)).toBe(true)
    expect(empty.effectiveGroups).toBe(0)
  })

  it('adds a group seen outside the categories after them', () => {
    const d = distribution({ en: 2, pt: 1 }, ['ar', 'en'])
    expect(d.rows.map((r) => r.group)).toEqual(['ar', 'en', 'pt'])
  })

  it('measures overlapping statuses each against its own reference share', () => {
    const rows = flagShares(
      ['ldc', 'sids'],
      { base: 4, counts: { ldc: 1 } },
      { membership: { base: 193, counts: { ldc: 44, sids: 38 } } },
    )
    // 0.25 / (44 / 193) = 1.0966
    expect(rows[0]?.ratio).toBeCloseTo(1.0966, 4)
    expect(rows[1]).toMatchObject({ count: 0, share: 0, ratio: 0 })
  })
})

const countsArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.nat({ max: 1000 }))

describe('the measures of balance, for any counts', () => {
  it('gives shares that sum to 1 whenever someone took part', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const d = distribution(counts, ['a', 'b', 'c'])
        const sum = d.rows.reduce((s, r) => s + r.share, 0)
        return d.total === 0 ? sum === 0 : Math.abs(sum - 1) < 1e-9
      }),
    )
  })

  it('keeps evenness within [0, 1] and the effective number of groups within [1, k]', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const d = distribution(counts, ['a', 'b', 'c', 'd', 'e', 'f'])
        if (d.total === 0) return d.evenness === null && d.effectiveGroups === 0
        return (
          d.evenness !== null &&
          d.evenness >= 0 &&
          d.evenness <= 1 &&
          d.effectiveGroups >= 1 - 1e-9 &&
          d.effectiveGroups <= 6 + 1e-9
        )
      }),
    )
  })

  it('gives every represented group a ratio of 1 when the participation mirrors the membership', () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 20 }), (membership, factor) => {
        const participation = Object.fromEntries(Object.entries(membership).map(([g, n]) => [g, n * factor]))
        const d = distribution(participation, ['a', 'b', 'c', 'd', 'e', 'f'], { membership })
        return d.rows.every((r) => (r.membershipShare ?? 0) === 0 || Math.abs((r.ratio ?? 0) - 1) < 1e-9)
      }),
    )
  })
})
