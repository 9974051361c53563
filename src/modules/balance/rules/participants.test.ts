// Participants from sightings: a State counts once however often it appears, an organization is
// placed by its headquarters, a person speaking for themselves keeps what was recorded with them.
import { describe, expect, it } from 'vitest'
import { balanceOf, trendPoint } from './balance.ts'
import { countBy, countLanguages, flagCounts, participantsFrom, type Resolver } from './participants.ts'

const STATES: Record<string, { regionalGroup: string; ldc: boolean; lldc: boolean; sids: boolean; member: boolean }> = {
  KEN: { regionalGroup: 'african', ldc: false, lldc: false, sids: false, member: true },
  MWI: { regionalGroup: 'african', ldc: true, lldc: true, sids: false, member: true },
  BRA: { regionalGroup: 'grulac', ldc: false, lldc: false, sids: false, member: true },
  FRA: { regionalGroup: 'weog', ldc: false, lldc: false, sids: false, member: true },
  VAT: { regionalGroup: 'weog', ldc: false, lldc: false, sids: false, member: false },
}
const resolve: Resolver = {
  state: (iso3) => STATES[iso3],
  organization: (id) => (id === 7 ? { stakeholderGroup: 'civil_society', headquartersIso3: 'KEN' } : undefined),
}
const state = (iso3: string, language?: string) => ({ memberStateIso3: iso3, organizationId: null, language })

describe('participants from what was recorded', () => {
  it('counts a State once across contributions, positions and attendance, with every language it wrote in', () => {
    const people = participantsFrom([state('KEN', 'en'), state('KEN'), state('KEN', 'fr'), state('BRA', 'es')], resolve)
    expect(people.map((p) => p.key)).toEqual(['state:KEN', 'state:BRA'])
    expect(people[0]?.languages).toEqual(['en', 'fr'])
    expect(countLanguages(people)).toEqual({ en: 1, fr: 1, es: 1 })
  })

  it('places an organization by its headquarters and a person by what was recorded with them', () => {
    const people = participantsFrom(
      [
        { memberStateIso3: null, organizationId: 7 },
        {
          memberStateIso3: null,
          organizationId: null,
          individual: 'account:3',
          stakeholderGroup: 'individual',
          recorded: { regionalGroup: 'grulac', ldc: false, lldc: false, sids: false },
        },
        { memberStateIso3: null, organizationId: null },
      ],
      resolve,
    )
    expect(people).toHaveLength(2)
    expect(people[0]).toMatchObject({
      kind: 'organization',
      stakeholderGroup: 'civil_society',
      regionalGroup: 'african',
    })
    expect(people[1]).toMatchObject({ kind: 'individual', stakeholderGroup: 'individual', regionalGroup: 'grulac' })
  })

  it('counts a class of people the database counted as that many, in every language they wrote in', () => {
    const recorded = { regionalGroup: 'african', ldc: true, lldc: false, sids: false }
    const people = participantsFrom(
      [
        state('KEN', 'en'),
        {
          memberStateIso3: null,
          organizationId: null,
          people: 3,
          languages: ['en', 'fr'],
          stakeholderGroup: 'individual',
          recorded,
        },
        {
          memberStateIso3: null,
          organizationId: null,
          people: 2,
          languages: ['ar'],
          stakeholderGroup: 'individual',
          recorded: { ...recorded, regionalGroup: null },
        },
        {
          memberStateIso3: null,
          organizationId: null,
          people: 0,
          languages: ['zh'],
          stakeholderGroup: 'individual',
          recorded,
        },
      ],
      resolve,
    )
    expect(people).toHaveLength(3)
    expect(countLanguages(people)).toEqual({ en: 4, fr: 3, ar: 2 })
    // the five people and Kenya; LDC among the four with a known region: the three people
    expect(flagCounts(people)).toEqual({ base: 4, counts: { ldc: 3, lldc: 0, sids: 0 } })
    const b = balanceOf(people, { membership: [], composition: null })
    expect(b.participants).toBe(6)
    expect(b.byKind).toEqual({ memberStates: 1, organizations: 0, individuals: 5 })
    expect(b.regionalGroups.rows.find((r) => r.group === 'african')).toMatchObject({ count: 4, share: 1 })
  })

  it('measures a process against its body by hand: ratios 1.25, coverage 3 of 4, the LDC share a quarter', () => {
    const membership = participantsFrom(
      ['KEN', 'MWI', 'BRA', 'FRA'].map((s) => state(s)),
      resolve,
    )
    const composition = participantsFrom(
      [...['KEN', 'MWI', 'BRA', 'FRA'].map((s) => state(s)), { memberStateIso3: null, organizationId: 7 }],
      resolve,
    )
    const took = participantsFrom(
      [state('KEN'), state('MWI'), state('BRA', 'en'), { memberStateIso3: null, organizationId: 7 }, state('VAT')],
      resolve,
    )
    const b = balanceOf(took, { membership, composition })
    // regions: african 3 (KEN, MWI, the organization), grulac 1, weog 1 (the observer) of 5
    expect(b.regionalGroups.rows.find((r) => r.group === 'african')).toMatchObject({ count: 3, share: 0.6 })
    // composition: african 3 of 5 -> 0.6 / 0.6
    expect(b.regionalGroups.rows.find((r) => r.group === 'african')?.ratio).toBeCloseTo(1, 12)
    expect(b.coverage).toEqual({ states: 3, of: 4, share: 0.75 })
    expect(flagCounts(took)).toEqual({ base: 5, counts: { ldc: 1, lldc: 1, sids: 0 } })
    // ldc: 1/5 against 1/5 of the composition
    expect(b.development[0]?.ratio).toBeCloseTo(1, 12)
    // governments 4 of 5 (0.8) against 4 of 5 members
    expect(b.stakeholderGroups.rows.find((r) => r.group === 'government')).toMatchObject({ count: 4, ratio: 1 })
    expect(b.byKind).toEqual({ memberStates: 4, organizations: 1, individuals: 0 })
  })
})

describe('a point of a trend', () => {
  it('summarizes a balance: participants, States and their coverage, evenness and the LDC share', () => {
    const membership = participantsFrom(
      ['KEN', 'MWI', 'BRA', 'FRA'].map((s) => state(s)),
      resolve,
    )
    const took = participantsFrom([state('KEN'), state('MWI'), { memberStateIso3: null, organizationId: 7 }], resolve)
    const point = trendPoint('2017', balanceOf(took, { membership, composition: null }))
    // african 3 of 3: one group only, so evenness 0; governments 2 and civil society 1 of 8 groups
    expect(point).toMatchObject({ label: '2017', participants: 3, states: 2, coverage: 0.5, regionalEvenness: 0 })
    // H = -(2/3 ln 2/3 + 1/3 ln 1/3) = 0.6365, over ln 8 (the eight stakeholder categories) = 2.0794
    expect(point.stakeholderEvenness).toBeCloseTo(0.3061, 4)
    // MWI of 3 participants
    expect(point.ldcShare).toBeCloseTo(1 / 3, 12)
  })

  it('has no coverage, no evenness and no LDC share when no one took part and nothing is known', () => {
    const point = trendPoint('empty', balanceOf([], { membership: [], composition: null }))
    expect(point).toEqual({
      label: 'empty',
      participants: 0,
      states: 0,
      coverage: 0,
      regionalEvenness: null,
      stakeholderEvenness: null,
      ldcShare: 0,
    })
  })
})

describe('counting participants by a key', () => {
  it('counts each key once per participant and leaves out those without one', () => {
    const people = participantsFrom(
      [state('KEN'), state('MWI'), state('BRA'), { memberStateIso3: null, organizationId: 7 }, state('VAT')],
      resolve,
    )
    expect(countBy(people, (p) => p.regionalGroup)).toEqual({ african: 3, grulac: 1, weog: 1 })
    expect(countBy(people, (p) => (p.kind === 'organization' ? null : p.kind))).toEqual({ member_state: 4 })
    expect(countBy([], (p) => p.kind)).toEqual({})
  })
})
