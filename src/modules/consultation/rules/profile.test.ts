// A campaign's profile: who its speakers are and its signals of coordination.
import { describe, expect, it } from 'vitest'
import { addMember, isNewAccount, type MemberFacts, profileOf } from './profile.ts'

const at = (iso: string) => new Date(iso)
const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  submittedAt: at('2026-12-01T10:00:10Z'),
  contributorName: 'A. Person',
  stakeholderGroup: 'civil_society',
  regionalGroup: 'african',
  ldc: false,
  lldc: false,
  sids: false,
  language: 'en',
  accountCreatedAt: null,
  ...over,
})

describe('a campaign’s profile', () => {
  it('counts speakers per stakeholder group and region under their own names, and LDC/LLDC/SIDS', () => {
    const p = profileOf([
      member({ ldc: true }),
      member({ contributorName: 'B', stakeholderGroup: 'private_sector', regionalGroup: null, sids: true }),
    ])
    expect(p.groups).toEqual({ civil_society: 1, private_sector: 1 })
    expect(p.regions).toEqual({ african: 1, none: 1 })
    expect([p.ldc, p.lldc, p.sids]).toEqual([1, 0, 1])
  })

  it('finds the busiest minute and the members whose metadata another repeats', () => {
    const p = profileOf([
      member(),
      member({ submittedAt: at('2026-12-01T10:00:50Z'), contributorName: ' a. person ' }),
      member({ submittedAt: at('2026-12-01T10:05:00Z'), contributorName: 'Someone else' }),
    ])
    expect(p.peakPerMinute).toBe(2)
    expect(p.identicalMetadata).toBe(2)
  })

  it('counts accounts made in the week before as new, and platform submissions', () => {
    const fresh = member({ accountCreatedAt: at('2026-11-28T00:00:00Z') })
    const old = member({ contributorName: 'C', accountCreatedAt: at('2026-10-01T00:00:00Z') })
    expect(isNewAccount(fresh)).toBe(true)
    expect(isNewAccount(old)).toBe(false)
    expect(isNewAccount(member())).toBe(false)
    const p = profileOf([fresh, old, member({ contributorName: 'D' })])
    expect([p.newAccounts, p.platform]).toEqual([1, 2])
  })

  it('adds an arriving member to a stored profile without a second key for its group', () => {
    const stored = profileOf([member()])
    expect(addMember(stored, member({ contributorName: 'E' })).groups).toEqual({ civil_society: 2 })
  })
})
