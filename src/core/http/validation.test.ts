// How a refused field is explained: a field left blank is "required" whatever its type, and a
// field typed wrong says so; both with the path beside which the form shows the reason.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { forSchema } from './forms.ts'
import { idSchema } from './ids.ts'
import { parseWith } from './validation.ts'

const Transmission = z.object({ toProcessId: idSchema(), note: z.string().optional() })

describe('form validation', () => {
  it('calls a blank id field required, not of the wrong type', () => {
    const parsed = parseWith(Transmission, forSchema({ toProcessId: '  ', note: 'x' }))
    expect(parsed).toEqual({ ok: false, issues: [{ path: 'toProcessId', code: 'validation.required' }] })
  })

  it('calls an id typed as letters of the wrong type', () => {
    const parsed = parseWith(Transmission, forSchema({ toProcessId: 'CSTD' }))
    expect(parsed).toEqual({ ok: false, issues: [{ path: 'toProcessId', code: 'validation.invalidType' }] })
  })

  it('finds the field in a nested value too', () => {
    const Nested = z.object({ body: z.object({ parentId: idSchema() }) })
    expect(parseWith(Nested, { body: {} })).toEqual({
      ok: false,
      issues: [{ path: 'body.parentId', code: 'validation.required' }],
    })
    expect(parseWith(Nested, { body: { parentId: 'x' } })).toEqual({
      ok: false,
      issues: [{ path: 'body.parentId', code: 'validation.invalidType' }],
    })
  })
})
