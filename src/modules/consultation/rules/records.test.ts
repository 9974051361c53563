// One record of an import file: what each kind of speaker becomes, each refusal with its reason,
// and (fast-check) that no record, however odd, makes the check throw or lets through a text the
// platform would refuse.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Utf8Text } from '../../../core/formats/utf8-text.ts'
import { checkRecord, type Resolver, TEXT_MAX } from './records.ts'

const world: Resolver = {
  memberStates: new Map([
    ['KEN', { name: 'Kenya', regionalGroup: 'african', ldc: false, lldc: false, sids: false }],
    ['NPL', { name: 'Nepal', regionalGroup: 'asia-pacific', ldc: true, lldc: true, sids: false }],
  ]),
  organizations: new Map([['internet society', { id: 12, stakeholderGroup: 'technical_community' }]]),
  stakeholderGroups: ['civil_society', 'private_sector', 'technical_community', 'academia'],
  questionIds: [41, 42],
  languages: ['en', 'fr'],
}

const base = {
  external_id: 'A-1',
  submitted_at: '2026-03-01T10:00:00Z',
  speaker_kind: 'individual',
  speaker_name: 'Amara Diallo',
  language: 'en',
  text: 'Open consultations should stay open.',
}

const refusal = (fields: Record<string, unknown>) => {
  const result = checkRecord({ ...base, ...fields }, 7, world)
  return result.ok ? null : result.reason
}

describe('a record of an import file', () => {
  it('makes an individual speak for themself, on the first guiding question by default', () => {
    const result = checkRecord(base, 3, world)
    expect(result).toEqual({
      ok: true,
      value: {
        externalId: 'A-1',
        submittedAt: new Date('2026-03-01T10:00:00Z'),
        language: 'en',
        questionId: 41,
        text: 'Open consultations should stay open.',
        sourceLine: 3,
        regionalGroup: null,
        ldc: false,
        lldc: false,
        sids: false,
        speakingFor: 'self',
        memberStateIso3: null,
        organizationId: null,
        contributorName: 'Amara Diallo',
        stakeholderGroup: 'individual',
      },
    })
  })

  it('gives a Member State speaker its English name, group and development status, whatever the case of the code', () => {
    const result = checkRecord({ ...base, speaker_kind: 'member_state', country: 'npl', question: '2' }, 1, world)
    expect(result.ok && result.value).toMatchObject({
      speakingFor: 'member_state',
      memberStateIso3: 'NPL',
      contributorName: 'Nepal',
      stakeholderGroup: 'government',
      regionalGroup: 'asia-pacific',
      ldc: true,
      lldc: true,
      sids: false,
      questionId: 42,
    })
  })

  it('links an organization the platform knows by name, ignoring case, and takes its stakeholder group', () => {
    const result = checkRecord({ ...base, speaker_kind: 'organization', organization: 'Internet SOCIETY' }, 1, world)
    expect(result.ok && result.value).toMatchObject({
      speakingFor: 'organization',
      organizationId: 12,
      contributorName: 'Internet SOCIETY',
      stakeholderGroup: 'technical_community',
    })
  })

  it('files an unknown organization under the stakeholder group the record names, else civil society', () => {
    const named = checkRecord(
      { ...base, speaker_kind: 'organization', organization: 'Tech Forum', stakeholder_group: 'academia' },
      1,
      world,
    )
    expect(named.ok && [named.value.organizationId, named.value.stakeholderGroup]).toEqual([null, 'academia'])
    const silent = checkRecord({ ...base, speaker_kind: 'organization', organization: 'Tech Forum' }, 1, world)
    expect(silent.ok && silent.value.stakeholderGroup).toBe('civil_society')
  })

  it('places an individual in the country given, and trims every field', () => {
    const result = checkRecord(
      { ...base, external_id: '  A-2 ', country: ' ken ', text: '\n  Spaced text.  ', speaker_name: ' Ana ' },
      1,
      world,
    )
    expect(result.ok && result.value).toMatchObject({
      externalId: 'A-2',
      regionalGroup: 'african',
      memberStateIso3: null,
      text: 'Spaced text.',
      contributorName: 'Ana',
    })
  })

  it('reads numbers and dates given as JSON values, not only as strings', () => {
    const result = checkRecord({ ...base, external_id: 1234, question: 2 }, 1, world)
    expect(result.ok && [result.value.externalId, result.value.questionId]).toEqual(['1234', 42])
  })

  it('refuses each field that is missing or wrong, with the reason the rejects file shows', () => {
    expect(refusal({ external_id: ' ' })).toBe('external_id is empty')
    expect(refusal({ external_id: null })).toBe('external_id is empty')
    expect(refusal({ external_id: 'x'.repeat(201) })).toBe('external_id is longer than 200 characters')
    expect(refusal({ submitted_at: '1 March 2026' })).toBe('submitted_at is not an ISO 8601 date')
    // days that do not exist, which JavaScript's Date would read as early March or 1 May
    expect(refusal({ submitted_at: '2026-02-30' })).toBe('submitted_at is not an ISO 8601 date')
    expect(refusal({ submitted_at: '2025-02-29T12:00Z' })).toBe('submitted_at is not an ISO 8601 date')
    expect(refusal({ submitted_at: '2026-04-31T10:00:00+02:00' })).toBe('submitted_at is not an ISO 8601 date')
    expect(refusal({ submitted_at: '2026-13-01' })).toBe('submitted_at is not an ISO 8601 date')
    expect(refusal({ speaker_kind: 'company' })).toBe('speaker_kind is not individual, organization or member_state')
    expect(refusal({ country: 'XXX' })).toBe('country XXX is not the ISO alpha-3 code of a Member State')
    expect(refusal({ language: 'de' })).toBe('language is not one of ar zh en fr ru es')
    expect(refusal({ language: 'ar' })).toBe('the call does not take contributions in ar')
    expect(refusal({ question: '3' })).toBe('question 3 is not a guiding question of the call')
    expect(refusal({ question: '0' })).toBe('question 0 is not a guiding question of the call')
    expect(refusal({ question: '1.5' })).toBe('question 1.5 is not a guiding question of the call')
    expect(refusal({ question: 'one' })).toBe('question one is not a guiding question of the call')
    expect(refusal({ text: '   ' })).toBe('text is empty')
    expect(refusal({ text: 'x'.repeat(TEXT_MAX + 1) })).toBe(`text is longer than ${TEXT_MAX} characters`)
    expect(refusal({ speaker_kind: 'member_state' })).toBe('a member_state speaker needs its country')
    expect(refusal({ speaker_kind: 'organization' })).toBe('an organization speaker needs its organization')
    expect(refusal({ speaker_kind: 'organization', organization: 'X', stakeholder_group: 'press' })).toBe(
      'stakeholder_group press is not known',
    )
    expect(refusal({ speaker_name: '' })).toBe('an individual speaker needs a speaker_name')
  })

  it('refuses a NUL character in any field, naming the field, since the database cannot store it', () => {
    expect(refusal({ text: 'Open\u0000ed.' })).toBe('text holds a NUL character')
    expect(refusal({ speaker_name: 'A\u0000' })).toBe('speaker_name holds a NUL character')
    expect(refusal({ organization: '\u0000', speaker_kind: 'organization' })).toBe('organization holds a NUL character')
  })

  it('takes the 29th of February in a leap year and a time with an offset', () => {
    expect(refusal({ submitted_at: '2024-02-29' })).toBeNull()
    const result = checkRecord({ ...base, submitted_at: '2026-04-30T23:30:00+02:00' }, 1, world)
    expect(result.ok && result.value.submittedAt.toISOString()).toBe('2026-04-30T21:30:00.000Z')
  })

  it('reads a date written as toISOString writes it to the same instant, and refuses one on a day the month lacks', () => {
    for (const at of ['2026-11-01T09:30:05.123Z', '1999-12-31T23:59:59.999Z', '2024-02-29T00:00:00.000Z']) {
      const result = checkRecord({ ...base, submitted_at: at }, 1, world)
      expect(result.ok && result.value.submittedAt.getTime()).toBe(new Date(at).getTime())
    }
    for (const at of ['2026-02-29T10:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-13-01T10:00:00.000Z'])
      expect(refusal({ submitted_at: at })).toBe('submitted_at is not an ISO 8601 date')
  })

  it('reads any date of the toISOString form as Date and the calendar do, whatever its digits', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const at = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        two(19),
        two(39),
        two(29),
        two(69),
        two(69),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([y, mo, d, h, mi, s, ms]) =>
          `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`,
      )
    fc.assert(
      fc.property(at, (iso) => {
        const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
        const day = new Date(Date.UTC(y, m - 1, d))
        const exists = day.getUTCMonth() === m - 1 && day.getUTCDate() === d
        const date = new Date(iso)
        const result = checkRecord({ ...base, submitted_at: iso }, 1, world)
        if (exists && !Number.isNaN(date.getTime()))
          expect(result.ok && result.value.submittedAt.getTime()).toBe(date.getTime())
        else expect(result).toEqual({ ok: false, reason: 'submitted_at is not an ISO 8601 date' })
      }),
      { numRuns: 5000 },
    )
  })

  it('takes a text of exactly the limit, and an external id of exactly 200 characters', () => {
    expect(refusal({ text: 'x'.repeat(TEXT_MAX), external_id: 'y'.repeat(200) })).toBeNull()
  })

  it('takes a speaker kind left empty as an individual', () => {
    const result = checkRecord({ ...base, speaker_kind: '' }, 1, world)
    expect(result.ok && result.value.speakingFor).toBe('self')
  })

  it('never throws on any record, and what it takes has a known language, question and a text within the limit', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean())
    const field = (known: string[]) => fc.oneof(fc.constantFrom(...known), value)
    fc.assert(
      fc.property(
        fc.record({
          external_id: field(['A-1', '']),
          submitted_at: field(['2026-03-01', '2026-03-01T10:00', 'yesterday']),
          speaker_kind: field(['individual', 'organization', 'member_state', '']),
          speaker_name: field(['Ana', '']),
          organization: field(['Internet Society', 'Tech Forum', '']),
          country: field(['KEN', 'npl', 'XXX', '']),
          language: field(['en', 'fr', 'ar', 'xx']),
          question: field(['1', '2', '3', '']),
          text: field(['Some text.', ' ', '']),
        }),
        (fields) => {
          const result = checkRecord(fields, 1, world)
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0)
            return
          }
          expect(world.languages).toContain(result.value.language)
          expect(world.questionIds).toContain(result.value.questionId)
          expect(String(result.value.text)).toBe(String(result.value.text).trim())
          expect(String(result.value.text).length).toBeGreaterThan(0)
          expect(Number.isNaN(result.value.submittedAt.getTime())).toBe(false)
        },
      ),
    )
  })

  it('checks a text read as UTF-8 bytes as it checks the same text as a string', () => {
    // white space at either end (ASCII and beyond: no-break, ideographic, line separator, BOM),
    // NUL, empty, and lengths about the limit in characters of one, two and three bytes
    const piece = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u3000',
      '\u2028',
      '\ufeff',
      '\u0000',
      'a',
      'é',
      '合',
      '😀',
      '',
    )
    const long = fc
      .constantFrom('x', 'é', '合')
      .chain((c) => fc.integer({ min: TEXT_MAX - 2, max: TEXT_MAX + 2 }).map((n) => c.repeat(n)))
    const text = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
      long,
    )
    fc.assert(
      fc.property(text, fc.array(piece, { maxLength: 3 }), (t, around) => {
        const padded = `${around.join('')}${t}${around.join('')}`
        // the bytes inside a larger buffer, as a CSV reader keeps them
        const bytes = Buffer.from(`,${padded},`)
        const asBytes = checkRecord({ ...base, text: new Utf8Text(bytes, 1, bytes.length - 1) }, 1, world)
        const asString = checkRecord({ ...base, text: padded }, 1, world)
        if (!asString.ok) expect(asBytes).toEqual(asString)
        else expect(asBytes.ok && { ...asBytes.value, text: String(asBytes.value.text) }).toEqual(asString.value)
      }),
      { numRuns: 2000 },
    )
  })
})
