// Which paragraphs a reader asked to see (the query read into a filter, each filter applied),
// the sections of the table of contents, and cutting a long text into parts: whole sections
// where they fit, never more than the size.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMPTY_TALLY } from './consensus.ts'
import { isFiltered, NO_FILTER, parseFilter, partsOf, passes, sectionsOf } from './filters.ts'

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

const query = (params: string) => {
  const search = new URLSearchParams(params)
  return (name: string) => search.get(name) ?? undefined
}

describe('the filter a reader asks for', () => {
  it('reads open, bracketed and mine when set to 1, and since as a revision number', () => {
    expect(parseFilter(query('open=1&bracketed=1&mine=1&since=3'))).toEqual({
      open: true,
      bracketed: true,
      mine: true,
      since: 3,
    })
    expect(parseFilter(query('since=0')).since).toBe(0)
  })

  it('ignores what is not 1 and a since that is not a whole revision number', () => {
    expect(parseFilter(query('open=true&bracketed=yes&mine=0'))).toEqual(NO_FILTER)
    for (const since of ['', '-1', '1.5', 'abc', '1e3x', '99999999999999999999'])
      expect(parseFilter(query(`since=${encodeURIComponent(since)}`)).since, since).toBeNull()
  })

  it('gives, for any query, a since that is null or a safe whole number from 0', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('open', 'bracketed', 'mine', 'since'), fc.string()), (params) => {
        const f = parseFilter((name) => params[name])
        expect(f.since === null || (Number.isSafeInteger(f.since) && f.since >= 0)).toBe(true)
        expect(f.open).toBe(params.open === '1')
        expect(isFiltered(f)).toBe(f.open || f.bracketed || f.mine || f.since !== null)
      }),
    )
  })

  it('is no filter at all when nothing is asked', () => {
    expect(parseFilter(query(''))).toEqual(NO_FILTER)
    expect(isFiltered(NO_FILTER)).toBe(false)
  })
})

describe('a paragraph passing the filters', () => {
  const paragraph = { id: 1, kind: 'operative', text: 'Decides to act', status: 'bracketed' as const }
  const none = { delegations: [] }

  it('lets everything through, headings included, when no filter is asked', () => {
    expect(passes({ ...paragraph, kind: 'heading' }, NO_FILTER, none)).toBe(true)
  })

  it('keeps headings and narrative out once a filter is asked', () => {
    const open = { ...NO_FILTER, open: true }
    expect(passes({ ...paragraph, kind: 'heading' }, open, none)).toBe(false)
    expect(passes({ ...paragraph, kind: 'narrative' }, open, none)).toBe(false)
    expect(passes(paragraph, open, none)).toBe(true)
  })

  it('shows as open what is proposed or bracketed, and as bracketed only what is bracketed', () => {
    const open = { ...NO_FILTER, open: true }
    const bracketed = { ...NO_FILTER, bracketed: true }
    expect(passes({ ...paragraph, status: 'proposed' }, open, none)).toBe(true)
    expect(passes({ ...paragraph, status: 'adopted' }, open, none)).toBe(false)
    expect(passes({ ...paragraph, status: 'proposed' }, bracketed, none)).toBe(false)
    expect(passes(paragraph, bracketed, none)).toBe(true)
  })

  it('shows as mine only what a State the reader speaks for objects to', () => {
    const mine = { ...NO_FILTER, mine: true }
    const tally = { ...EMPTY_TALLY, objecting: ['KEN'] }
    expect(passes(paragraph, mine, { tally, delegations: ['KEN'] })).toBe(true)
    expect(passes(paragraph, mine, { tally, delegations: ['BRA'] })).toBe(false)
    expect(passes(paragraph, mine, { delegations: ['KEN'] })).toBe(false)
  })

  it('shows since a revision what changed in text or status, or was added after it', () => {
    const since = { ...NO_FILTER, since: 2 }
    const before = new Map([[1, { text: 'Decides to act', status: 'bracketed' }]])
    expect(passes(paragraph, since, { delegations: [], before })).toBe(false)
    expect(passes({ ...paragraph, text: 'Decides to act now' }, since, { delegations: [], before })).toBe(true)
    expect(passes({ ...paragraph, status: 'agreed_ad_ref' }, since, { delegations: [], before })).toBe(true)
    expect(passes({ ...paragraph, id: 2 }, since, { delegations: [], before })).toBe(true)
  })
})

describe('the sections of a text', () => {
  it('cuts at top-level headings, keeping what comes before the first as a section without one', () => {
    const items = [
      { id: 1, kind: 'preambular', parentId: null },
      { id: 2, kind: 'heading', parentId: null },
      { id: 3, kind: 'operative', parentId: null },
      { id: 4, kind: 'operative', parentId: 3 },
      { id: 5, kind: 'narrative', parentId: null },
      { id: 6, kind: 'heading', parentId: 3 },
      { id: 7, kind: 'heading', parentId: null },
    ]
    const sections = sectionsOf(items)
    expect(sections.map((s) => [s.heading?.id ?? null, s.paragraphs.map((p) => p.id)])).toEqual([
      [null, [1]],
      [2, [3, 4]],
      [7, []],
    ])
  })

  it('has no section for an empty text', () => {
    expect(sectionsOf([])).toEqual([])
  })
})
