// The compilation's head counts: by stakeholder group, regional group, development status and
// language, whether counted item by item or added up from the database's groups.
import { describe, expect, it } from 'vitest'
import { type Counted, summarize, summaryFromGroups } from './summary.ts'

const item = (over: Partial<Counted> = {}): Counted => ({
  stakeholderGroup: 'civil_society',
  regionalGroup: 'african',
  ldc: false,
  lldc: false,
  sids: false,
  language: 'en',
  ...over,
})

describe('summarize', () => {
  it('counts each contribution once per heading, and a State in several development groups in each', () => {
    const s = summarize([
      item(),
      item({ stakeholderGroup: 'private_sector', language: 'fr', ldc: true, lldc: true }),
      item({ regionalGroup: null, language: 'fr', sids: true }),
    ])
    expect(s.total).toBe(3)
    expect(s.byStakeholderGroup).toEqual({ civil_society: 2, private_sector: 1 })
    expect(s.byRegionalGroup).toEqual({ african: 2 })
    expect(s.byDevelopmentStatus).toEqual({ ldc: 1, lldc: 1, sids: 1 })
    expect(s.byLanguage).toEqual({ en: 1, fr: 2 })
  })

  it('gives zeros, not missing numbers, for an empty compilation', () => {
    expect(summarize([])).toEqual({
      total: 0,
      byStakeholderGroup: {},
      byRegionalGroup: {},
      byDevelopmentStatus: { ldc: 0, lldc: 0, sids: 0 },
      byLanguage: {},
    })
  })
})

describe('summaryFromGroups', () => {
  it('adds up grouped rows to the same summary as counting the items one by one', () => {
    const items = [
      item(),
      item(),
      item({ stakeholderGroup: 'academic_community', regionalGroup: null, ldc: true, language: 'ar' }),
      item({ sids: true, language: 'es' }),
    ]
    const groups = [
      { ...item(), n: 2 },
      { ...item({ stakeholderGroup: 'academic_community', regionalGroup: null, ldc: true, language: 'ar' }), n: 1 },
      { ...item({ sids: true, language: 'es' }), n: 1 },
    ]
    expect(summaryFromGroups(groups)).toEqual(summarize(items))
  })
})
