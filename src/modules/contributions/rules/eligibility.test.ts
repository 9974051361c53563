// Who may answer a call and in which voice: a delegate for their State, a representative for their
// organization, anyone for themselves, narrowed by the call's eligibility; and the form's keys.
import { describe, expect, it } from 'vitest'
import { parseSpeakerKey, sameSpeaker, speakerKey, speakersFor } from './eligibility.ts'

const voices = { delegations: ['BRA', 'KEN'], organizations: [7, 12] }
const body = { memberStates: new Set(['KEN']), organizations: new Set([12]) }

describe('speakersFor', () => {
  it('offers every State and organization the person speaks for when the call is open to accredited voices', () => {
    expect(speakersFor(voices, 'accredited_stakeholders', body).map(speakerKey)).toEqual([
      'member_state:BRA',
      'member_state:KEN',
      'organization:7',
      'organization:12',
    ])
  })

  it('offers only the body’s members when the call is for members, and no personal voice', () => {
    expect(speakersFor(voices, 'members', body).map(speakerKey)).toEqual(['member_state:KEN', 'organization:12'])
  })

  it('adds the person’s own voice, last, only when the call is open to everyone', () => {
    expect(speakersFor(voices, 'everyone', body).map(speakerKey).at(-1)).toBe('self')
    expect(speakersFor({ delegations: [], organizations: [] }, 'everyone', body)).toEqual([{ speakingFor: 'self' }])
    expect(speakersFor({ delegations: [], organizations: [] }, 'accredited_stakeholders', body)).toEqual([])
  })
})

describe('speaker keys', () => {
  it('reads back every key it writes', () => {
    for (const s of speakersFor(voices, 'everyone', body)) expect(parseSpeakerKey(speakerKey(s))).toEqual(s)
  })

  it('refuses keys a form could not have sent', () => {
    for (const key of ['', 'self:1', 'member_state:', 'member_state:bra', 'member_state:BRAZ', 'organization:0'])
      expect(parseSpeakerKey(key)).toBeNull()
    expect(parseSpeakerKey('organization:12abc')).toBeNull()
    expect(parseSpeakerKey('organization:12345678901234567')).toBeNull()
    expect(parseSpeakerKey('government:BRA')).toBeNull()
  })
})

describe('sameSpeaker', () => {
  it('tells voices apart by kind and by whom they speak for', () => {
    const bra = { speakingFor: 'member_state', memberStateIso3: 'BRA' } as const
    expect(sameSpeaker(bra, { speakingFor: 'member_state', memberStateIso3: 'BRA' })).toBe(true)
    expect(sameSpeaker(bra, { speakingFor: 'member_state', memberStateIso3: 'KEN' })).toBe(false)
    expect(sameSpeaker(bra, { speakingFor: 'self' })).toBe(false)
    expect(
      sameSpeaker(
        { speakingFor: 'organization', organizationId: 7 },
        { speakingFor: 'organization', organizationId: 12 },
      ),
    ).toBe(false)
    expect(sameSpeaker({ speakingFor: 'self' }, { speakingFor: 'self' })).toBe(true)
  })
})
