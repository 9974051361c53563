// The attendance form read as the API's input: absent rows left out, a mode taken from the
// people when none is chosen, each line one person with a function after the first comma.
import { describe, expect, it } from 'vitest'
import { attendanceFromForm } from './attendance-form.ts'

describe('attendanceFromForm', () => {
  it('reads each delegation row, leaving out the absent and splitting names from functions', () => {
    expect(
      attendanceFromForm({
        KEN: {
          mode: 'in_person',
          inPerson: 'Amina Odhiambo, Head of delegation, Nairobi\n\n',
          remote: 'Joseph Mwangi',
        },
        BRA: { mode: '' },
        'org-12': { remote: 'Ana Silva' },
      }),
    ).toEqual({
      entries: [
        {
          memberStateIso3: 'KEN',
          mode: 'in_person',
          representatives: [
            { name: 'Amina Odhiambo', function: 'Head of delegation, Nairobi', mode: 'in_person' },
            { name: 'Joseph Mwangi', mode: 'remote' },
          ],
        },
        { organizationId: '12', mode: 'remote', representatives: [{ name: 'Ana Silva', mode: 'remote' }] },
      ],
    })
  })

  it('gives nothing for a missing or malformed form', () => {
    expect(attendanceFromForm(undefined)).toEqual({ entries: [] })
    expect(attendanceFromForm('x')).toEqual({ entries: [] })
    expect(attendanceFromForm({ KEN: 'x' })).toEqual({ entries: [] })
  })
})
