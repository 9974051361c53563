// RFC 8785 canonical JSON: the RFC's own examples byte for byte, its number table, its refusals,
// and agreement with the RFC author's reference package on random values.
import { readFileSync } from 'node:fs'
import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'

const vectors = new URL('./testdata/jcs/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, vectors), 'utf8')

describe('canonical JSON (RFC 8785)', () => {
  it.each(['arrays', 'french', 'structures', 'unicode', 'values', 'weird'])(
    'gives the RFC example "%s" byte for byte',
    (name) => {
      const input = JSON.parse(read(`${name}.input.json`))
      expect(Buffer.from(canonicalJson(input), 'utf8')).toEqual(Buffer.from(read(`${name}.output.json`), 'utf8'))
    },
  )

  it('serializes numbers as the RFC 8785 appendix B table says', () => {
    const table = JSON.parse(read('numbers.json')) as [string, string][]
    for (const [hex, expected] of table) {
      expect(canonicalJson(Buffer.from(hex, 'hex').readDoubleBE(0))).toBe(expected)
    }
  })

  it('refuses non-finite numbers and lone surrogates', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(RangeError)
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(RangeError)
    expect(() => canonicalJson({ s: 'a\ud800b' })).toThrow(RangeError)
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
  })

  it('agrees with the RFC author’s reference implementation on random values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value))
      }),
    )
  })

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(value))
      }),
    )
  })

  it('survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value))
      }),
    )
  })
})
