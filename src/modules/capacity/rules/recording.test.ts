import { describe, expect, it } from 'vitest'
import { gapRecordingRefusal } from './recording.ts'

const malawi = { isSecretariat: false, delegations: ['MWI'], groupsOfDelegations: ['african'] }
const secretariat = { isSecretariat: true, delegations: [], groupsOfDelegations: [] }

describe('who records a capacity gap', () => {
  it("lets a State's delegate record its gaps, and the Secretariat any State's", () => {
    expect(gapRecordingRefusal(malawi, { memberStateIso3: 'MWI' }).ok).toBe(true)
    expect(gapRecordingRefusal(secretariat, { memberStateIso3: 'FJI' }).ok).toBe(true)
  })

  it("stops a delegate from recording another State's gap", () => {
    expect(gapRecordingRefusal(malawi, { memberStateIso3: 'FJI' })).toEqual({
      ok: false,
      error: { type: 'forbidden', id: 'capacity_not_your_state' },
    })
  })

  it("lets a delegate record a gap of their State's regional group, and of no other group", () => {
    expect(gapRecordingRefusal(malawi, { regionalGroup: 'african' }).ok).toBe(true)
    expect(gapRecordingRefusal(malawi, { regionalGroup: 'weog' })).toEqual({
      ok: false,
      error: { type: 'forbidden', id: 'capacity_not_your_group' },
    })
    expect(gapRecordingRefusal(secretariat, { regionalGroup: 'weog' }).ok).toBe(true)
  })

  it('gives a participant without a delegation no gap to record', () => {
    const nobody = { isSecretariat: false, delegations: [], groupsOfDelegations: [] }
    expect(gapRecordingRefusal(nobody, { memberStateIso3: 'MWI' }).ok).toBe(false)
    expect(gapRecordingRefusal(nobody, { regionalGroup: 'african' }).ok).toBe(false)
  })
})
