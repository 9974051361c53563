// Co-sponsorship needs consent: answered once, withdrawn only once accepted.
import { describe, expect, it } from 'vitest'
import { cosponsorshipTransition } from './cosponsorship.ts'

describe('a co-sponsorship request', () => {
  it('is accepted or declined by the one asked, and an accepted one may be withdrawn', () => {
    expect(cosponsorshipTransition('requested', 'accept')).toEqual({ ok: true, value: 'accepted' })
    expect(cosponsorshipTransition('requested', 'decline')).toEqual({ ok: true, value: 'declined' })
    expect(cosponsorshipTransition('accepted', 'withdraw')).toEqual({ ok: true, value: 'withdrawn' })
  })

  it('refuses a second answer, a withdrawal before consent, and anything after a decline or withdrawal', () => {
    const refusals = [
      ['accepted', 'accept', 'cosponsorship_accepted'],
      ['accepted', 'decline', 'cosponsorship_accepted'],
      ['requested', 'withdraw', 'cosponsorship_requested'],
      ['declined', 'accept', 'cosponsorship_declined'],
      ['withdrawn', 'accept', 'cosponsorship_withdrawn'],
      ['withdrawn', 'withdraw', 'cosponsorship_withdrawn'],
    ] as const
    for (const [from, answer, id] of refusals)
      expect(cosponsorshipTransition(from, answer), `${from} + ${answer}`).toEqual({
        ok: false,
        error: { type: 'conflict', id },
      })
  })
})
