// Formatting through the kept results gives what formatting afresh gives, for every set of values.
import fc from 'fast-check'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { LOCALES } from './locales.ts'
import { Messages } from './messages.ts'

const SOURCE = '{name} and {count, plural, =0 {no State} one {# State} other {# States}}'

function messages() {
  const catalog = Object.fromEntries(LOCALES.map((l) => [l, { 'test.states': SOURCE }]))
  return new Messages([catalog as never])
}

describe('messages formatted through kept results', () => {
  it('a kept result is the text a fresh formatting gives, whatever the values and their order', () => {
    const m = messages()
    const fresh = new IntlMessageFormat(SOURCE, 'en')
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(1000), fc.boolean(), (name, count, reversed) => {
        const values = reversed ? { count, name } : { name, count }
        expect(m.format('en', 'test.states', values)).toBe(String(fresh.format(values)))
        expect(m.format('en', 'test.states', values)).toBe(String(fresh.format(values)))
      }),
    )
  })

  it('a value holding the separators of the key cannot pass for other values', () => {
    const m = messages()
    expect(m.format('en', 'test.states', { name: 'x', count: 2 })).toBe('x and 2 States')
    // without the guard this would be the key of { name: 'x', count: 2 } and answer its text;
    // formatted afresh it lacks its count
    const forged = { name: 'x\u0001count\u00022' }
    expect(() => m.format('en', 'test.states', forged)).toThrow()
  })
})
