// A body's composition: members grouped in the page's order and sorted in the reader's language,
// and seats filled against the body's rules per constituency.
import { describe, expect, it } from 'vitest'
import {
  groupBy,
  type OrganizationMember,
  overFilled,
  type StateMember,
  seatCounts,
  seatsBelowFilled,
} from './composition.ts'

const states: StateMember[] = [
  { iso3: 'KEN', name: 'Kenya', regionalGroup: 'african' },
  { iso3: 'DZA', name: 'Algeria', regionalGroup: 'african' },
  { iso3: 'BRA', name: 'Brazil', regionalGroup: 'grulac' },
  { iso3: 'XXX', name: 'Observer', regionalGroup: null },
]
const orgs: OrganizationMember[] = [
  { id: 1, slug: 'a', name: 'Article 19', stakeholderGroup: 'civil_society' },
  { id: 2, slug: 'b', name: 'ICC', stakeholderGroup: 'private_sector' },
  { id: 3, slug: 'c', name: 'APC', stakeholderGroup: 'civil_society' },
]

describe('groupBy', () => {
  it('keeps the given order of groups, leaves out empty ones, puts the ungrouped last and sorts by name', () => {
    const grouped = groupBy(states, (s) => s.regionalGroup, ['weog', 'grulac', 'african'], new Intl.Collator('en'))
    expect(grouped.map((g) => [g.key, g.items.map((s) => s.iso3)])).toEqual([
      ['grulac', ['BRA']],
      ['african', ['DZA', 'KEN']],
      [null, ['XXX']],
    ])
  })
})

describe('seatCounts', () => {
  it('counts seats filled against the rules, including a group the rules give no seats', () => {
    expect(seatCounts({ memberStateSeats: 43, stakeholderSeats: { civil_society: 5 } }, states, orgs)).toEqual([
      { group: 'member_states', seats: 43, filled: 4 },
      { group: 'private_sector', seats: null, filled: 1 },
      { group: 'civil_society', seats: 5, filled: 2 },
    ])
  })

  it('lists a constituency the rules provide even when nobody fills it', () => {
    expect(seatCounts({ memberStateSeats: null, stakeholderSeats: { technical_community: 3 } }, [], [])).toEqual([
      { group: 'member_states', seats: null, filled: 0 },
      { group: 'technical_community', seats: 3, filled: 0 },
    ])
  })
})

describe('one row per constituency', () => {
  it('orders the WGEC’s constituencies Member States first, then stakeholder groups in their fixed order', () => {
    const rules = {
      memberStateSeats: 22,
      stakeholderSeats: {
        intergovernmental_organization: 4,
        civil_society: 5,
        technical_community: 5,
        private_sector: 4,
        academic_community: 2,
      },
    }
    const counts = seatCounts(rules, states, orgs)
    expect(counts.map((c) => c.group)).toEqual([
      'member_states',
      'private_sector',
      'civil_society',
      'technical_community',
      'academic_community',
      'intergovernmental_organization',
    ])
    expect(new Set(counts.map((c) => c.group)).size).toBe(counts.length)
    expect(counts.find((c) => c.group === 'civil_society')).toEqual({ group: 'civil_society', seats: 5, filled: 2 })
  })
})

describe('overFilled and seatsBelowFilled', () => {
  const counts = seatCounts({ memberStateSeats: 4, stakeholderSeats: { civil_society: 3 } }, states, orgs)

  it('refuses a member beyond the seats the rules provide, and only in that constituency', () => {
    expect(overFilled(counts, 'member_states')).toBe(true)
    expect(overFilled(counts, 'civil_society')).toBe(false)
    expect(overFilled(counts, 'private_sector')).toBe(false)
  })

  it('names the constituencies new rules would leave with more members than seats', () => {
    expect(seatsBelowFilled({ memberStateSeats: 3, stakeholderSeats: { civil_society: 1 } }, counts)).toEqual([
      'member_states',
      'civil_society',
    ])
    expect(seatsBelowFilled({ memberStateSeats: 4, stakeholderSeats: { civil_society: 2 } }, counts)).toEqual([])
  })
})
