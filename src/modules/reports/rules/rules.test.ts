// The report's pure rules: symbols, consecutive numbering, divergent labels, attribution and the
// paragraphs never considered.
import { describe, expect, it } from 'vitest'
import { arrange } from './arrange.ts'
import { attributeViews } from './attribution.ts'
import { authorsOfChanges } from './authorship.ts'
import { currentStatus, tallyForYear, yearByYear } from './follow-up.ts'
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

describe('follow-up of recommendations', () => {
  const at = (iso: string) => new Date(iso)
  const records = [
    { id: 1, paragraphId: 10, year: 2019, status: 'not_started' as const, recordedAt: at('2019-03-01T00:00:00Z') },
    { id: 2, paragraphId: 10, year: 2019, status: 'under_way' as const, recordedAt: at('2019-09-01T00:00:00Z') },
    { id: 3, paragraphId: 10, year: 2020, status: 'implemented' as const, recordedAt: at('2020-05-01T00:00:00Z') },
    { id: 4, paragraphId: 11, year: 2020, status: 'superseded' as const, recordedAt: at('2020-05-01T00:00:00Z') },
  ]
  it('keeps the latest record of each year, newest year first, and never loses the earlier years', () => {
    expect(yearByYear(records.filter((r) => r.paragraphId === 10)).map((r) => r.id)).toEqual([3, 2])
  })
  it('says a recommendation without any record has not started', () => {
    expect(currentStatus([])).toBe('not_started')
    expect(currentStatus(records.filter((r) => r.paragraphId === 10))).toBe('implemented')
  })
  it('tallies a year for the synthesis, counting recommendations without a record as not started', () => {
    expect(tallyForYear([10, 11, 12], records, 2020)).toEqual({
      not_started: 1,
      under_way: 0,
      implemented: 1,
      superseded: 1,
    })
    expect(tallyForYear([10, 11, 12], records, 2019)).toEqual({
      not_started: 2,
      under_way: 1,
      implemented: 0,
      superseded: 0,
    })
  })
})

describe('arranging the negotiated text for the report', () => {
  // the 2018 WGEC report's shape: recommendations, a deleted 3, a "2 bis" and "2 tres" answering each other
  const text = [
    { id: 1, parentId: null, kind: 'preambular', label: null, text: 'Recalling the Tunis Agenda,', status: 'adopted' },
    {
      id: 2,
      parentId: null,
      kind: 'operative',
      label: '1.',
      text: 'Enhanced cooperation should respect ...',
      status: 'adopted',
    },
    {
      id: 3,
      parentId: null,
      kind: 'operative',
      label: '2.',
      text: 'Enhanced cooperation should be ...',
      status: 'deleted',
    },
    { id: 4, parentId: null, kind: 'operative', label: '3.', text: 'Governments should ...', status: 'adopted' },
    {
      id: 5,
      parentId: null,
      kind: 'operative',
      label: '3 bis',
      text: 'a UN body is needed',
      status: 'no_consensus',
      alternativeGroup: 'g3',
    },
    {
      id: 6,
      parentId: null,
      kind: 'narrative',
      label: null,
      text: '- could take an evolutionary form',
      status: 'proposed',
    },
    {
      id: 7,
      parentId: null,
      kind: 'operative',
      label: '3 tres',
      text: 'no new body is needed',
      status: 'no_consensus',
      alternativeGroup: 'g3',
    },
    { id: 8, parentId: null, kind: 'operative', label: '4.', text: 'Capacity building [in LDCs]', status: 'bracketed' },
    { id: 9, parentId: null, kind: 'operative', label: '5.', text: 'Stakeholders should ...', status: 'adopted' },
    { id: 10, parentId: 9, kind: 'operative', label: '(a)', text: 'in their respective roles;', status: 'adopted' },
  ]
  const arranged = arrange(text, new Map())

  it('numbers the adopted recommendations consecutively, keeping their lettered parts with them', () => {
    expect(arranged.recommendations.map((r) => [r.id, r.label, r.originalLabel])).toEqual([
      [1, null, null],
      [2, '1.', '1.'],
      [4, '2.', '3.'],
      [9, '3.', '5.'],
    ])
    expect(arranged.recommendations.at(-1)?.continuation).toEqual(['(a) in their respective roles;'])
  })

  it('puts 3 bis and 3 tres beside the new number 2, to some and other participants, with the bullets that follow', () => {
    expect(arranged.divergentViews.map((v) => [v.label, v.lead.kind])).toEqual([
      ['2 bis', 'some'],
      ['2 tres', 'other'],
    ])
    expect(arranged.divergentViews[0]?.continuation).toEqual(['- could take an evolutionary form'])
  })

  it('labels a divergent view with a plain number after the recommendation it followed, never with a number a recommendation has', () => {
    const plain = arrange(
      [
        { id: 1, parentId: null, kind: 'operative', label: '1.', text: 'a', status: 'adopted' },
        { id: 2, parentId: null, kind: 'operative', label: '2.', text: 'b', status: 'no_consensus' },
        { id: 3, parentId: null, kind: 'operative', label: '3.', text: 'c', status: 'no_consensus' },
        { id: 4, parentId: null, kind: 'operative', label: '4.', text: 'd', status: 'adopted' },
        { id: 5, parentId: null, kind: 'preambular', label: null, text: 'Noting', status: 'no_consensus' },
      ],
      new Map(),
    )
    expect(plain.divergentViews.map((v) => [v.label, v.originalLabel])).toEqual([
      ['1 bis', '2.'],
      ['1 ter', '3.'],
      [null, null],
    ])
  })

  it('lists the bracketed paragraph as not considered, not the deleted one', () => {
    expect(arranged.notConsidered.map((p) => [p.id, p.status])).toEqual([[8, 'bracketed']])
  })
})

describe('who made each change between two revisions', () => {
  const join = (names: string[]) => names.join(' and ')
  const window = { after: new Date('2026-05-01T00:00:00Z'), upTo: new Date('2026-05-10T12:00:00Z') }
  const amendments = [
    { paragraphId: 1, delegation: 'Brazil', decidedAt: new Date('2026-05-03T10:00:00.123Z') },
    { paragraphId: 1, delegation: 'Egypt', decidedAt: new Date('2026-05-04T10:00:00Z') },
    { paragraphId: 1, delegation: 'Brazil', decidedAt: new Date('2026-05-05T10:00:00Z') },
    // before the earlier revision: it made that one, not this change
    { paragraphId: 2, delegation: 'Chile', decidedAt: new Date('2026-04-30T10:00:00Z') },
    // after the later revision: not in it yet
    { paragraphId: 3, delegation: 'Kenya', decidedAt: new Date('2026-05-11T10:00:00Z') },
  ]
  const authorOf = authorsOfChanges(amendments, window, 'Chair', join)
  it('names the delegations whose amendments were incorporated between the revisions, once each, on the last date', () => {
    expect(authorOf(1)).toEqual({ author: 'Brazil and Egypt', date: '2026-05-05T10:00:00Z' })
  })
  it('gives the Chair and the later revision’s date to changes no amendment in the window made', () => {
    expect(authorOf(2)).toEqual({ author: 'Chair', date: '2026-05-10T12:00:00Z' })
    expect(authorOf(3)).toEqual({ author: 'Chair', date: '2026-05-10T12:00:00Z' })
  })
})
