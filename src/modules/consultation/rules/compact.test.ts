// The rebuild's small helpers: FNV-1a against the published test vectors, interning that gives
// each distinct string one code in order of first sight, and work cut into chunks in order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Codes, fnv, inChunks } from './compact.ts'

describe('the FNV-1a hash', () => {
  it('gives the published 32-bit values (offset basis for the empty string)', () => {
    expect(fnv('')).toBe(0x811c9dc5)
    expect(fnv('a')).toBe(0xe40c292c)
    expect(fnv('foobar')).toBe(0xbf9cf968)
  })

  it('is an unsigned 32-bit integer for any string, and tells apart strings that differ in order', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const h = fnv(text)
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true)
      }),
    )
    expect(fnv('ab')).not.toBe(fnv('ba'))
  })
})

describe('interned codes', () => {
  it('numbers distinct strings from 0 in order of first sight and gives a repeated one its first code', () => {
    const codes = new Codes()
    expect(['weog', 'african', 'weog', 'grulac', 'african'].map((v) => codes.code(v))).toEqual([0, 1, 0, 2, 1])
    expect(codes.values).toEqual(['weog', 'african', 'grulac'])
  })

  it('reads back every string from its code', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 })), (strings) => {
        const codes = new Codes()
        const coded = strings.map((s) => codes.code(s))
        expect(coded.map((c) => codes.values[c])).toEqual(strings)
        expect(codes.values.length).toBe(new Set(strings).size)
      }),
    )
  })
})

describe('work in chunks', () => {
  it('hands over the items in order, in chunks of the size asked and a shorter last one', async () => {
    const seen: number[][] = []
    await inChunks([1, 2, 3, 4, 5, 6, 7], 3, async (chunk) => void seen.push(chunk))
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6], [7]])
  })

  it('calls nothing for no items, and waits for each chunk before the next', async () => {
    const calls: string[] = []
    await inChunks([], 10, async () => void calls.push('called'))
    expect(calls).toEqual([])
    await inChunks(['a', 'b'], 1, async ([item]) => {
      calls.push(`start ${item}`)
      await new Promise((resolve) => setTimeout(resolve, item === 'a' ? 20 : 0))
      calls.push(`end ${item}`)
    })
    expect(calls).toEqual(['start a', 'end a', 'start b', 'end b'])
  })
})
