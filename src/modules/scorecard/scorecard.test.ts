// The scorecard read from a record made through the commands, on each database: the page in
// English and Arabic, the Word file, the JSON API and the open data say the same values; a
// process that does not exist is 404 everywhere; what the record lacks reads "not recorded".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { docxPart } from '../../../test/support/docx.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { modules } from '../index.ts'
import { datasetsOf } from '../open-data/index.ts'
import { addDocument, createBody, createProcess, scheduleMeeting } from '../processes/index.ts'

describe.each(DATABASE_KINDS)('the scorecard on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const visitor = () => new TestClient(runtime)
  const system = () => ({ actor: SYSTEM, now: new Date('2025-06-01T09:00:00Z') })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, system(), { slug: 'cstd', name: 'Commission', acronym: 'CSTD' })
    if (!body.ok) throw new Error('body')
    const process = await createProcess(db, system(), {
      bodyId: body.value.id,
      slug: 'cstd-28',
      title: 'CSTD 2025 session',
      mandateSymbol: 'A/RES/70/125',
      recurrence: 'annual',
      cycleYear: 2025,
    })
    if (!process.ok) throw new Error('process')
    processId = process.value.id
    const meeting = await scheduleMeeting(db, system(), processId, {
      number: 1,
      title: 'Twenty-eighth session',
      startsAt: new Date('2025-09-26T08:00:00Z'),
      endsAt: new Date('2025-09-26T17:00:00Z'),
      venue: 'Geneva',
    })
    if (!meeting.ok) throw new Error('meeting')
    for (const issuedOn of ['2025-08-01', '2025-08-15', '2025-09-20'])
      await addDocument(db, system(), processId, {
        kind: 'background',
        title: `Note of ${issuedOn}`,
        issuedOn,
        meetingId: meeting.value.id,
      })
  }, 120_000)
  afterAll(() => runtime.close())

  it('gives the share of documents issued six weeks ahead and a cycle held in its year, as JSON', async () => {
    const { status, body } = await visitor().json(`/api/v1/scorecard/processes/${processId}`)
    expect(status).toBe(200)
    expect(body.process).toEqual({ id: processId, title: 'CSTD 2025 session' })
    expect(body.years).toContain(2025)
    const indicator = (id: string) =>
      body.characteristics
        .flatMap((c: { indicators: { id: string }[] }) => c.indicators)
        .find((i: { id: string }) => i.id === id)
    const in2025 = (id: string) => indicator(id).values.find((v: { year: number }) => v.year === 2025)
    // 1 August and 15 August are 56 and 42 days before 26 September; 20 September is 6
    expect(in2025('documents_six_weeks')).toMatchObject({ recorded: true, numerator: 2, denominator: 3 })
    expect(in2025('cycles_on_schedule')).toMatchObject({ recorded: true, value: 1 })
    expect(in2025('contributions_public')).toEqual({
      year: 2025,
      recorded: false,
      value: null,
      numerator: null,
      denominator: null,
    })
    expect(in2025('recommendations_adopted').recorded).toBe(false)
  })

  it('shows the page in English and Arabic, with "not recorded" where the record is silent', async () => {
    const english = await visitor().get(`/scorecard/processes/${processId}`)
    expect(english.response.status).toBe(200)
    expect(english.html).toContain('Documents issued at least six weeks before their meeting')
    expect(english.html).toContain('67 % (2 of 3)')
    expect(english.html).toContain('not recorded')
    expect(english.html).toContain('<svg')
    const arabic = await new TestClient(runtime, { 'accept-language': 'ar' }).get(`/scorecard/processes/${processId}`)
    expect(arabic.html).toContain('dir="rtl"')
    expect(arabic.html).toContain('غير مسجّل')
    const platform = await visitor().get('/scorecard')
    expect(platform.response.status).toBe(200)
    expect(platform.html).toContain(`/scorecard/processes/${processId}`)
  })

  it('links the process page to its scorecard', async () => {
    const { html } = await visitor().get(`/processes/${processId}`)
    expect(html).toContain(`href="/scorecard/processes/${processId}"`)
  })

  it('writes the same values to the Word file', async () => {
    const response = await visitor().request(`/scorecard/processes/${processId}/scorecard.docx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    const xml = new TextDecoder().decode(docxPart(await response.arrayBuffer(), 'word/document.xml'))
    expect(xml).toContain('67 % (2 of 3)')
    expect(xml).toContain('Cycles held on schedule')
  })

  it('answers 404 for a process that does not exist, on the page, the Word file and the API', async () => {
    expect((await visitor().get('/scorecard/processes/999999')).response.status).toBe(404)
    expect((await visitor().request('/scorecard/processes/999999/scorecard.docx')).status).toBe(404)
    expect((await visitor().json('/api/v1/scorecard/processes/999999')).status).toBe(404)
    expect((await visitor().json('/api/v1/scorecard/processes/abc')).status).toBe(404)
  })

  it('puts every process’s indicators in the open data, shares within [0, 1]', async () => {
    const dataset = (await datasetsOf(runtime.deps.db, modules)).find((d) => d.name === 'scorecard')
    const rows = dataset?.rows ?? []
    expect(
      rows.some((r) => r.process_id === processId && r.indicator === 'documents_six_weeks' && r.year === 2025),
    ).toBe(true)
    for (const r of rows)
      if (typeof r.value === 'number' && String(r.indicator).match(/share|public|reasoned|six_weeks/))
        expect(r.value).toBeLessThanOrEqual(1)
  })
})
