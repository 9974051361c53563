// The indicators on small records computed by hand, and their invariants on generated records.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INDICATORS, type IndicatorValue, latestStatus, PLATFORM_INDICATORS, PROCESS_INDICATORS } from './indicators.ts'
import { EMPTY_PROCESS_RECORD, type PlatformRecord, type ProcessRecord } from './record.ts'
import { scorecardOf, trendOf, yearsOf } from './scorecard.ts'

const processIndicator = (id: string) =>
  PROCESS_INDICATORS.find((i) => i.id === id) as (typeof PROCESS_INDICATORS)[number]
const platformIndicator = (id: string) =>
  PLATFORM_INDICATORS.find((i) => i.id === id) as (typeof PLATFORM_INDICATORS)[number]
const value = (v: IndicatorValue) => (v.recorded ? v.value : 'not recorded')
const EMPTY_PLATFORM: PlatformRecord = { reporting: [], emergingIssues: [] }

const contribution = (
  over: Partial<ProcessRecord['contributions'][number]>,
): ProcessRecord['contributions'][number] => ({
  year: 2017,
  status: 'published',
  regionalGroup: 'african',
  stakeholderGroup: 'government',
  ldc: false,
  language: 'en',
  n: 1,
  ...over,
})

describe('the transparency indicators', () => {
  it('count a document issued exactly six weeks before its meeting as on time, and one a day later as late', () => {
    const record = {
      ...EMPTY_PROCESS_RECORD,
      documents: [
        { issuedOn: '2017-08-15', meetingStartsOn: '2017-09-26' }, // 42 days
        { issuedOn: '2017-08-16', meetingStartsOn: '2017-09-26' }, // 41 days
        { issuedOn: '2017-01-01', meetingStartsOn: '2018-01-20' }, // another year's meeting
      ],
    }
    expect(value(processIndicator('documents_six_weeks').compute(record, 2017))).toBe(0.5)
    expect(value(processIndicator('documents_six_weeks').compute(record, 2018))).toBe(1)
    expect(value(processIndicator('documents_six_weeks').compute(record, 2019))).toBe('not recorded')
  })

  it('share the decisions with a reason, and say "not recorded" for a year without a decision', () => {
    const record = {
      ...EMPTY_PROCESS_RECORD,
      decisions: [
        { year: 2018, reasoned: true },
        { year: 2018, reasoned: false },
        { year: 2018, reasoned: false },
      ],
    }
    expect(value(processIndicator('decisions_reasoned').compute(record, 2018))).toBeCloseTo(1 / 3)
    expect(processIndicator('decisions_reasoned').compute(record, 2017)).toEqual({ recorded: false })
  })

  it('leave withdrawn contributions out of the public share and count held and hidden ones against it', () => {
    const record = {
      ...EMPTY_PROCESS_RECORD,
      contributions: [
        contribution({ n: 6 }),
        contribution({ status: 'pending_review', n: 1 }),
        contribution({ status: 'hidden', n: 1 }),
        contribution({ status: 'withdrawn', n: 5 }),
      ],
    }
    expect(processIndicator('contributions_public').compute(record, 2017)).toEqual({
      recorded: true,
      value: 0.75,
      numerator: 6,
      denominator: 8,
    })
  })
})

describe('the inclusiveness and international indicators', () => {
  const record = {
    ...EMPTY_PROCESS_RECORD,
    contributions: [
      contribution({ regionalGroup: 'african', ldc: true, n: 2, language: 'fr' }),
      contribution({ regionalGroup: 'weog', stakeholderGroup: 'civil_society', n: 1 }),
      contribution({ regionalGroup: null, stakeholderGroup: 'individual', n: 1, language: 'es' }),
      contribution({ regionalGroup: 'grulac', status: 'hidden', n: 9, language: 'ar' }),
    ],
  }
  it('count the groups, the languages and the LDC share among published contributions only', () => {
    expect(processIndicator('regional_groups').compute(record, 2017)).toMatchObject({ value: 2, denominator: 5 })
    expect(processIndicator('stakeholder_groups').compute(record, 2017)).toMatchObject({ value: 3, denominator: 8 })
    expect(processIndicator('languages').compute(record, 2017)).toMatchObject({ value: 3, denominator: 6 })
    expect(value(processIndicator('ldc_share').compute(record, 2017))).toBe(0.5)
    expect(value(processIndicator('regions_contributions').compute(record, 2017))).toBe(0.4)
  })
  it('say "not recorded", not zero groups, for a year without a published contribution', () => {
    for (const id of ['regional_groups', 'stakeholder_groups', 'languages', 'ldc_share', 'regions_contributions'])
      expect(processIndicator(id).compute(record, 2016)).toEqual({ recorded: false })
  })
})

describe('collaboration, effectiveness and sustainability', () => {
  it('count a proposal as collaborative when its parties span two regional or two stakeholder groups', () => {
    const record = {
      ...EMPTY_PROCESS_RECORD,
      proposals: [
        { year: 2017, regionalGroups: ['weog', 'african'], stakeholderGroups: ['government'] },
        { year: 2017, regionalGroups: [], stakeholderGroups: ['government', 'civil_society'] },
        { year: 2017, regionalGroups: ['weog', 'weog'], stakeholderGroups: ['government'] },
      ],
    }
    expect(value(processIndicator('proposals_across_groups').compute(record, 2017))).toBeCloseTo(2 / 3)
  })

  it('follow the recommendations from adoption to their latest follow-up, year by year', () => {
    const at = (s: string) => new Date(s)
    const record: ProcessRecord = {
      ...EMPTY_PROCESS_RECORD,
      report: { year: 2018, recommendations: [1, 2, 3, 4] },
      followUps: [
        { paragraphId: 1, year: 2019, status: 'under_way', recordedAt: at('2019-03-01') },
        { paragraphId: 1, year: 2019, status: 'implemented', recordedAt: at('2019-06-01') },
        { paragraphId: 2, year: 2020, status: 'implemented', recordedAt: at('2020-01-01') },
        { paragraphId: 1, year: 2020, status: 'superseded', recordedAt: at('2020-02-01') },
      ],
    }
    const adopted = processIndicator('recommendations_adopted')
    const implemented = processIndicator('recommendations_implemented')
    expect([2017, 2018, 2019].map((y) => value(adopted.compute(record, y)))).toEqual([0, 4, 4])
    expect(value(implemented.compute(record, 2018))).toBe('not recorded')
    expect(value(implemented.compute(record, 2019))).toBe(0.25)
    expect(value(implemented.compute(record, 2020))).toBe(0.25)
    expect(latestStatus(record.followUps, 1)).toBe('superseded')
    expect(adopted.compute(EMPTY_PROCESS_RECORD, 2018)).toEqual({ recorded: false })
  })

  it('hold a cycle on schedule when a meeting of it started in its year', () => {
    const record = {
      ...EMPTY_PROCESS_RECORD,
      cycles: [
        { year: 2024, meetingYears: [2024] },
        { year: 2025, meetingYears: [2026] },
      ],
    }
    const indicator = processIndicator('cycles_on_schedule')
    expect([2024, 2025, 2026].map((y) => value(indicator.compute(record, y)))).toEqual([1, 0, 'not recorded'])
  })
})

describe('the platform indicators', () => {
  const platform: PlatformRecord = {
    reporting: [
      {
        year: 2025,
        deadline: '2025-03-31',
        invited: [1, 2, 3, 4],
        reports: [
          {
            organizationId: 1,
            firstSubmittedOn: '2025-03-31',
            regionalGroup: 'weog',
            characteristics: ['transparency'],
          },
          { organizationId: 2, firstSubmittedOn: '2025-04-01', regionalGroup: 'african', characteristics: [] },
          { organizationId: 3, firstSubmittedOn: null, regionalGroup: 'grulac', characteristics: [] },
        ],
      },
    ],
    emergingIssues: [
      { raisedOn: '2025-02-01', status: 'active' },
      { raisedOn: '2025-05-01', status: 'proposed' },
      { raisedOn: '2024-05-01', status: 'declined' },
    ],
  }
  it('count a report submitted on the deadline as on time and one the day after as late', () => {
    expect(value(platformIndicator('annual_reports_on_time').compute(platform, 2025))).toBe(0.25)
    expect(value(platformIndicator('annual_reports_on_time').compute(platform, 2024))).toBe('not recorded')
  })
  it('count emerging issues raised in the year and the share taken up into the taxonomy', () => {
    expect(value(platformIndicator('emerging_issues_raised').compute(platform, 2025))).toBe(2)
    expect(value(platformIndicator('emerging_issues_taken_up').compute(platform, 2025))).toBe(0.5)
    expect(value(platformIndicator('emerging_issues_taken_up').compute(platform, 2023))).toBe('not recorded')
  })
  it('cover the regions of the organizations that reported, and show the self-reports beside', () => {
    expect(value(platformIndicator('regions_annual_reports').compute(platform, 2025))).toBe(0.4)
    const card = scorecardOf(null, platform)
    expect(card.years).toEqual([2024, 2025])
    const transparency = card.characteristics.find((c) => c.characteristic === 'transparency')
    expect(transparency?.selfReported.values).toEqual([null, { organizations: 1, reports: 2 }])
    expect(transparency?.indicators.map((i) => i.id)).toEqual([])
  })
})

describe('the scorecard', () => {
  it('gives the change between the last two recorded years as the trend', () => {
    expect(trendOf([{ recorded: false }])).toBeNull()
    expect(
      trendOf([
        { recorded: true, value: 0.5, numerator: 1, denominator: 2 },
        { recorded: false },
        { recorded: true, value: 0.75, numerator: 3, denominator: 4 },
      ]),
    ).toBe(0.25)
  })

  const yearArb = fc.integer({ min: 2015, max: 2030 })
  const dateArb = fc
    .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
  const groups = fc.constantFrom('african', 'asia-pacific', 'eastern-european', 'grulac', 'weog', null)
  const processArb: fc.Arbitrary<ProcessRecord> = fc.record({
    documents: fc.array(fc.record({ issuedOn: dateArb, meetingStartsOn: dateArb })),
    decisions: fc.array(fc.record({ year: yearArb, reasoned: fc.boolean() })),
    contributions: fc.array(
      fc.record({
        year: yearArb,
        status: fc.constantFrom('published', 'pending_review', 'withdrawn', 'hidden'),
        regionalGroup: groups,
        stakeholderGroup: fc.constantFrom('government', 'civil_society', 'individual'),
        ldc: fc.boolean(),
        language: fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es'),
        n: fc.integer({ min: 1, max: 1000 }),
      }),
    ),
    proposals: fc.array(
      fc.record({
        year: yearArb,
        regionalGroups: fc.array(fc.constantFrom('african', 'weog')),
        stakeholderGroups: fc.array(fc.constantFrom('government', 'civil_society')),
      }),
    ),
    report: fc.option(fc.record({ year: yearArb, recommendations: fc.uniqueArray(fc.nat(20)) }), { nil: null }),
    followUps: fc.array(
      fc.record({
        paragraphId: fc.nat(20),
        year: yearArb,
        status: fc.constantFrom('under_way', 'implemented', 'superseded'),
        recordedAt: fc.date({ noInvalidDate: true }),
      }),
    ),
    cycles: fc.array(fc.record({ year: yearArb, meetingYears: fc.array(yearArb) })),
  })
  const platformArb: fc.Arbitrary<PlatformRecord> = fc.record({
    reporting: fc.array(
      fc.record({
        year: yearArb,
        deadline: dateArb,
        invited: fc.uniqueArray(fc.nat(10)),
        reports: fc.array(
          fc.record({
            organizationId: fc.nat(10),
            firstSubmittedOn: fc.option(dateArb, { nil: null }),
            regionalGroup: groups,
            characteristics: fc.array(fc.constantFrom('transparency', 'effectiveness')),
          }),
        ),
      }),
    ),
    emergingIssues: fc.array(
      fc.record({ raisedOn: dateArb, status: fc.constantFrom('active', 'proposed', 'declined') }),
    ),
  })

  it('keeps every share in [0, 1], every count within what it is out of, and one value per year', () => {
    fc.assert(
      fc.property(processArb, platformArb, (process, platform) => {
        const card = scorecardOf(process, platform)
        expect(card.years.length).toBeLessThanOrEqual(12)
        const rows = card.characteristics.flatMap((c) => c.indicators)
        expect(rows.map((r) => r.id).sort()).toEqual(INDICATORS.map((i) => i.id).sort())
        for (const row of rows) {
          expect(row.values).toHaveLength(card.years.length)
          for (const v of row.values) {
            if (!v.recorded) continue
            expect(Number.isFinite(v.value)).toBe(true)
            if (row.kind === 'share') {
              expect(v.value).toBeGreaterThanOrEqual(0)
              expect(v.value).toBeLessThanOrEqual(1)
            } else {
              expect(v.value).toBeGreaterThanOrEqual(0)
              if (v.denominator !== null) expect(v.value).toBeLessThanOrEqual(v.denominator)
            }
          }
        }
      }),
    )
  })

  it('takes its years from the record alone: an empty record has none', () => {
    expect(yearsOf(EMPTY_PROCESS_RECORD, EMPTY_PLATFORM)).toEqual([])
    expect(scorecardOf(EMPTY_PROCESS_RECORD, EMPTY_PLATFORM).characteristics).toHaveLength(7)
  })
})
