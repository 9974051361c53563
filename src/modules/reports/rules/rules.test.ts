// The report's pure rules: symbols, consecutive numbering, divergent labels, attribution and the
// paragraphs never considered.
import { describe, expect, it } from 'vitest'
import { attributeViews } from './attribution.ts'
import { notConsidered } from './not-considered.ts'
import { divergentLabel, numberRecommendations, splitLabel } from './numbering.ts'
import { isConferenceRoomPaper, symbolProblem } from './symbol.ts'

describe('document symbols', () => {
  it('accepts the symbols the UN issues', () => {
    for (const s of ['E/CN.16/2018/CRP.3', 'A/RES/70/125', 'E/2018/L.5/Rev.1', 'A/HRC/WG.6/30/L.1', 'E/CN.16/2019/2'])
      expect(symbolProblem(s), s).toBeNull()
  })
  it('refuses what is not a symbol, saying why', () => {
    expect(symbolProblem('  ')).toBe('empty')
    expect(symbolProblem('report of the group')).toBe('shape')
    expect(symbolProblem('e/cn.16/2018')).toBe('shape')
    expect(symbolProblem('E//CN.16')).toBe('shape')
    expect(symbolProblem('E/CN.16/2018/CRP.')).toBe('shape')
    expect(symbolProblem('E')).toBe('shape')
    expect(symbolProblem(`E/${'X'.repeat(70)}`)).toBe('tooLong')
  })
  it('recognizes a conference room paper', () => {
    expect(isConferenceRoomPaper('E/CN.16/2018/CRP.3')).toBe(true)
    expect(isConferenceRoomPaper('E/CN.16/2018/3')).toBe(false)
  })
})

describe('numbering recommendations', () => {
  const p = (id: number, kind: 'preambular' | 'operative', label: string | null) => ({ id, kind, label })
  it('numbers operative recommendations 1, 2, 3 whatever their negotiated labels, and leaves preambular ones unnumbered', () => {
    const numbered = numberRecommendations([
      p(1, 'preambular', null),
      p(2, 'operative', '1.'),
      p(3, 'operative', '3.'),
      p(4, 'operative', '3 bis'),
    ])
    expect(numbered.map((n) => n.number)).toEqual([null, 1, 2, 3])
    expect(numbered.map((n) => n.originalLabel)).toEqual([null, '1.', '3.', '3 bis'])
  })
  it('reads the base and suffix of a label', () => {
    expect(splitLabel('2 bis')).toEqual({ base: '2', suffix: 'bis' })
    expect(splitLabel('12.')).toEqual({ base: '12', suffix: null })
    expect(splitLabel('(a)')).toEqual({ base: null, suffix: null })
    expect(splitLabel(null)).toEqual({ base: null, suffix: null })
  })
  it('puts a divergent view beside the new number of the recommendation it followed', () => {
    const numbered = numberRecommendations([p(1, 'operative', '1.'), p(2, 'operative', '3.')])
    expect(divergentLabel('3 bis', numbered)).toBe('2 bis')
    expect(divergentLabel('3 tres', numbered)).toBe('2 tres')
    // the paragraph it followed was not adopted: the label stays as negotiated
    expect(divergentLabel('7 bis', numbered)).toBe('7 bis')
    expect(divergentLabel('4.', numbered)).toBe('4.')
  })
})

describe('attributing divergent views', () => {
  it('gives the first view of a group to some participants and the next to other participants, as the 2018 report did', () => {
    const leads = attributeViews(
      [
        { id: 1, alternativeGroup: 'g2' },
        { id: 2, alternativeGroup: 'g2' },
        { id: 3, alternativeGroup: null },
      ],
      new Map(),
    )
    expect(leads).toEqual([{ kind: 'some' }, { kind: 'other' }, { kind: 'some' }])
  })
  it('names the States that asked, leaves unattributed what the body wants unattributed', () => {
    const leads = attributeViews(
      [
        { id: 1, alternativeGroup: null },
        { id: 2, alternativeGroup: null },
      ],
      new Map([
        [1, { attribution: 'states' as const, memberStates: ['BRA', 'EGY'] }],
        [2, { attribution: 'unattributed' as const, memberStates: [] }],
      ]),
    )
    expect(leads).toEqual([{ kind: 'states', states: ['BRA', 'EGY'] }, { kind: 'none' }])
  })
  it('never attributes a view to States when none is named', () => {
    const leads = attributeViews(
      [{ id: 1, alternativeGroup: null }],
      new Map([[1, { attribution: 'states' as const, memberStates: [] }]]),
    )
    expect(leads).toEqual([{ kind: 'some' }])
  })
})

describe('paragraphs not considered', () => {
  it('lists the top-level paragraphs never declared on, not the decided, deleted, sub-paragraphs or headings', () => {
    const rows = [
      { id: 1, kind: 'operative', parentId: null, status: 'adopted' },
      { id: 2, kind: 'operative', parentId: null, status: 'bracketed' },
      { id: 3, kind: 'operative', parentId: 2, status: 'proposed' },
      { id: 4, kind: 'preambular', parentId: null, status: 'agreed_ad_ref' },
      { id: 5, kind: 'operative', parentId: null, status: 'deleted' },
      { id: 6, kind: 'heading', parentId: null, status: 'proposed' },
      { id: 7, kind: 'operative', parentId: null, status: 'no_consensus' },
    ]
    expect(notConsidered(rows).map((r) => r.id)).toEqual([2, 4])
  })
})
