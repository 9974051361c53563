// The accreditation request's state machine: who may decide, when, and the appeal allowed once.
import { describe, expect, it } from 'vitest'
import { decide, mayDecide, REASON_MAX, type RequestFacts } from './lifecycle.ts'

const REQUESTER = 1
const REVIEWER = 2
const SECOND = 3
const pending: RequestFacts = { status: 'pending', requesterAccountId: REQUESTER, refusedBy: null, appealed: false }
const refused: RequestFacts = { ...pending, status: 'refused', refusedBy: REVIEWER }
const appealed: RequestFacts = { ...refused, status: 'appealed', appealed: true }

describe('an accreditation decision', () => {
  it('approves or refuses a pending request, a refusal only with a reason', () => {
    expect(decide(pending, { kind: 'approve', by: REVIEWER })).toEqual({
      ok: true,
      value: { status: 'approved', onAppeal: false },
    })
    expect(decide(pending, { kind: 'refuse', by: REVIEWER, reason: 'No mandate shown' })).toEqual({
      ok: true,
      value: { status: 'refused', onAppeal: false },
    })
    expect(decide(pending, { kind: 'refuse', by: REVIEWER, reason: '   ' })).toMatchObject({
      ok: false,
      error: { type: 'invalid', issues: [{ path: 'reason', code: 'validation.required' }] },
    })
    expect(decide(pending, { kind: 'refuse', by: REVIEWER, reason: 'x'.repeat(REASON_MAX + 1) })).toMatchObject({
      ok: false,
      error: { type: 'invalid', issues: [{ path: 'reason', code: 'validation.tooLong' }] },
    })
  })

  it('lets nobody decide their own request (four eyes), though the platform itself may', () => {
    expect(decide(pending, { kind: 'approve', by: REQUESTER })).toMatchObject({
      ok: false,
      error: { id: 'own_request' },
    })
    expect(mayDecide(pending, REQUESTER)).toBe(false)
    expect(mayDecide(pending, REVIEWER)).toBe(true)
    expect(decide(pending, { kind: 'approve', by: null }).ok).toBe(true)
  })

  it('refuses a second decision on a request already decided (a double click)', () => {
    for (const status of ['approved', 'refused', 'withdrawn'] as const)
      expect(decide({ ...pending, status }, { kind: 'approve', by: REVIEWER })).toMatchObject({
        ok: false,
        error: { type: 'conflict', id: 'accreditation_already_decided' },
      })
  })

  it('takes one appeal of a refusal, from the requester, with a reason', () => {
    expect(decide(refused, { kind: 'appeal', by: REQUESTER, reason: 'Here is our charter' })).toEqual({
      ok: true,
      value: { status: 'appealed', onAppeal: false },
    })
    expect(decide(refused, { kind: 'appeal', by: SECOND, reason: 'On their behalf' })).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
    expect(decide(pending, { kind: 'appeal', by: REQUESTER, reason: 'Early' })).toMatchObject({
      ok: false,
      error: { id: 'accreditation_not_refused' },
    })
    expect(decide({ ...refused, appealed: true }, { kind: 'appeal', by: REQUESTER, reason: 'Again' })).toMatchObject({
      ok: false,
      error: { id: 'accreditation_already_appealed' },
    })
    expect(decide(refused, { kind: 'appeal', by: REQUESTER, reason: '' })).toMatchObject({
      ok: false,
      error: { type: 'invalid' },
    })
  })

  it('has the appeal decided by someone other than the person who refused', () => {
    expect(decide(appealed, { kind: 'approve', by: REVIEWER })).toMatchObject({
      ok: false,
      error: { id: 'appeal_same_decider' },
    })
    expect(decide(appealed, { kind: 'approve', by: SECOND })).toEqual({
      ok: true,
      value: { status: 'approved', onAppeal: true },
    })
    expect(decide(appealed, { kind: 'refuse', by: SECOND, reason: 'Still no mandate' })).toEqual({
      ok: true,
      value: { status: 'refused', onAppeal: true },
    })
  })

  it('lets the requester withdraw a pending request, or an appeal (the refusal then stands), and nobody else', () => {
    expect(decide(pending, { kind: 'withdraw', by: REQUESTER })).toEqual({
      ok: true,
      value: { status: 'withdrawn', onAppeal: false },
    })
    expect(decide(appealed, { kind: 'withdraw', by: REQUESTER })).toEqual({
      ok: true,
      value: { status: 'refused', onAppeal: true },
    })
    expect(decide(pending, { kind: 'withdraw', by: REVIEWER })).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
    expect(decide({ ...pending, status: 'approved' }, { kind: 'withdraw', by: REQUESTER })).toMatchObject({
      ok: false,
      error: { id: 'accreditation_already_decided' },
    })
  })
})
