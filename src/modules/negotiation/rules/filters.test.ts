// Cutting a long text into parts: whole sections where they fit, never more than the size.
import { describe, expect, it } from 'vitest'
import { partsOf } from './filters.ts'

const text = (sections: number[]) =>
  sections.flatMap((n, s) => [
    { id: s * 1000, kind: 'heading' },
    ...Array.from({ length: n }, (_, i) => ({ id: s * 1000 + i + 1, kind: 'operative' })),
  ])
const sizes = (parts: { kind: string }[][]) => parts.map((p) => p.filter((x) => x.kind !== 'heading').length)

describe('parts of a long text', () => {
  it('keeps a short text in one part', () => {
    expect(sizes(partsOf(text([10, 20]), 100))).toEqual([30])
  })
  it('ends a part before a section that would not fit', () => {
    expect(sizes(partsOf(text([40, 40, 40]), 100))).toEqual([80, 40])
    expect(partsOf(text([40, 40, 40]), 100)[1]?.[0]).toEqual({ id: 2000, kind: 'heading' })
  })
  it('cuts a section longer than a part at the size', () => {
    expect(sizes(partsOf(text([250]), 100))).toEqual([100, 100, 50])
  })
  it('gives nothing for nothing', () => {
    expect(partsOf([], 100)).toEqual([])
  })
})
