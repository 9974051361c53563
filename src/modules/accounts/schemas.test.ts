// Where sign-in may send a person next: only a path of this site, whatever is typed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeNextPath } from './schemas.ts'

const ORIGIN = 'https://ecp.example.org'

describe('the address followed after sign-in', () => {
  it.each([
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['https://evil.example'],
    ['javascript:alert(1)'],
    ['/\u202e/evil'],
    [''],
  ])('refuses %j', (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe('/account')
  })

  it('keeps a path of this site with its query and fragment', () => {
    expect(safeNextPath('/processes/2?tab=calls#x', ORIGIN)).toBe('/processes/2?tab=calls#x')
  })

  it('never leads to another origin, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 10 }), (tail, head) => {
        for (const next of [tail, `/${tail}`, `/${head}/${tail}`, `//${tail}`]) {
          const path = safeNextPath(next, ORIGIN)
          expect(path.startsWith('/')).toBe(true)
          expect(path.startsWith('//')).toBe(false)
          expect(new URL(path, ORIGIN).origin).toBe(ORIGIN)
          // it can go in a Location header
          expect(() => new Headers({ location: path })).not.toThrow()
        }
      }),
    )
  })
})
