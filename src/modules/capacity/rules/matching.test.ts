import { describe, expect, it } from 'vitest'
import { suggestOffers } from './matching.ts'

describe('matching offers to capacity gaps', () => {
  const offers = [
    { id: 1, issueSlugs: ['cybersecurity'], regions: ['african'] },
    { id: 2, issueSlugs: ['cybersecurity'], regions: [] },
    { id: 3, issueSlugs: ['cybersecurity'], regions: ['grulac'] },
    { id: 4, issueSlugs: ['spam'], regions: ['african'] },
  ]

  it('suggests offers on the gap’s issue that serve its region, or every region', () => {
    expect(
      suggestOffers({ issueSlug: 'cybersecurity', regionalGroup: 'african' }, offers, new Set()).map((o) => o.id),
    ).toEqual([1, 2])
  })

  it('does not suggest an offer already matched', () => {
    expect(
      suggestOffers({ issueSlug: 'cybersecurity', regionalGroup: 'african' }, offers, new Set([1])).map((o) => o.id),
    ).toEqual([2])
  })

  it('suggests only worldwide offers where the region is unknown', () => {
    expect(
      suggestOffers({ issueSlug: 'cybersecurity', regionalGroup: null }, offers, new Set()).map((o) => o.id),
    ).toEqual([2])
  })
})
