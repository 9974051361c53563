// The groups a participant counts in for bridging come from what they speak for.
import { describe, expect, it } from 'vitest'
import { declaredGroups, isRegionalGroup, isStakeholderGroup } from './declared.ts'

describe('a participant’s declared groups', () => {
  it('are a delegation’s electoral group and "government", before any organization', () => {
    expect(
      declaredGroups(
        [{ electoralGroup: 'african' }],
        [{ stakeholderGroup: 'civil_society', headquartersGroup: 'weog' }],
      ),
    ).toEqual({ regionalGroup: 'african', stakeholderGroup: 'government' })
  })

  it('are an organization’s stakeholder group and its headquarters’ region without a delegation', () => {
    expect(declaredGroups([], [{ stakeholderGroup: 'technical_community', headquartersGroup: null }])).toEqual({
      regionalGroup: null,
      stakeholderGroup: 'technical_community',
    })
    expect(declaredGroups([], [])).toEqual({ regionalGroup: null, stakeholderGroup: null })
  })

  it('knows the groups by ecp’s names only', () => {
    expect(isStakeholderGroup('government')).toBe(true)
    expect(isStakeholderGroup('civil_society')).toBe(true)
    expect(isStakeholderGroup('civilSociety')).toBe(false)
    expect(isRegionalGroup('grulac')).toBe(true)
    expect(isRegionalGroup('government')).toBe(false)
  })
})
