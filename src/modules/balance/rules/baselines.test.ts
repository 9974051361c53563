// The published baselines drawn beside our shares: one per grouping, named in the groups our own
// figures use (a baseline keyed by a group we do not have would be drawn against nothing), with
// shares that are parts of a whole and a source to cite.
import { describe, expect, it } from 'vitest'
import { REGION_CATEGORIES, STAKEHOLDER_CATEGORIES } from './balance.ts'
import { BASELINES, baselineFor } from './baselines.ts'

const CATEGORIES = { regionalGroups: REGION_CATEGORIES, stakeholderGroups: STAKEHOLDER_CATEGORIES }

describe('the published baselines', () => {
  it('gives the IGF 2022 figures for the regional groups and for the stakeholder groups', () => {
    expect(baselineFor('regionalGroups')?.shares.african).toBe(0.44)
    expect(baselineFor('stakeholderGroups')?.shares.government).toBe(0.29)
    expect(baselineFor('regionalGroups')?.participants).toBe(5120)
  })

  it('holds at most one baseline per grouping, so the one drawn is never a matter of order', () => {
    const groupings = BASELINES.map((b) => b.grouping)
    expect(new Set(groupings).size).toBe(groupings.length)
  })

  it('names only groups our own figures have', () => {
    for (const baseline of BASELINES)
      expect(Object.keys(baseline.shares).filter((g) => !CATEGORIES[baseline.grouping].includes(g))).toEqual([])
  })

  it('has shares between 0 and 1 that add up to no more than the whole (92 % and 99 % as published)', () => {
    const sums = BASELINES.map((b) => Object.values(b.shares).reduce((a, s) => a + s, 0))
    expect(sums[0]).toBeCloseTo(0.92, 10)
    expect(sums[1]).toBeCloseTo(0.99, 10)
    for (const baseline of BASELINES)
      for (const share of Object.values(baseline.shares)) expect(share > 0 && share <= 1).toBe(true)
  })

  it('cites a title and an https address for each', () => {
    for (const { source } of BASELINES) {
      expect(source.title.length).toBeGreaterThan(10)
      expect(new URL(source.url).protocol).toBe('https:')
    }
  })
})
