// The balance of participation on each database: a body of four States and one organization, a
// process whose first meeting Kenya, Malawi and the organization attended and whose call Brazil
// and a person answered. The page, its CSV and the API give the figures worked out by hand; an
// unknown scope, a bad id and a meeting nobody's attendance was recorded for are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, type TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { createOrganization } from '../actors/index.ts'
import { addBodyMember, createBody } from '../bodies/index.ts'
import { modules } from '../index.ts'
import { datasetsOf } from '../open-data/index.ts'
import {
  changeProcessState,
  createProcess,
  guidingQuestions,
  openCall,
  recordAttendance,
  scheduleMeeting,
} from '../processes/index.ts'
import type { balanceJson } from './serialize.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
const DAY = 86_400_000

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

interface Row {
  group: string
  count: number
  share: number
  ratio: number | null
}
const row = (rows: Row[], group: string) => rows.find((r) => r.group === group)

describe.each(DATABASE_KINDS)('balance of participation on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let bodyId: number
  let processId: number
  let callId: number
  let attended: number
  let empty: number

  async function contribute(client: TestClient, fields: Record<string, string>, call = callId) {
    await client.get(`/calls/${call}/contribute`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    const response = await client.request(`/calls/${call}/contribute`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    expect(response.status).toBe(303)
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const apc = must(
      await createOrganization(db, system(), {
        name: { en: 'APC' },
        stakeholderGroup: 'civil_society',
        headquarters: 'ZAF',
      }),
    ).id
    bodyId = must(await createBody(db, system(), { slug: 'wg', name: 'Working Group' })).id
    for (const iso3 of ['KEN', 'MWI', 'BRA', 'FRA'])
      must(await addBodyMember(db, system(), bodyId, { standing: 'member', memberStateIso3: iso3 }))
    must(await addBodyMember(db, system(), bodyId, { standing: 'member', organizationId: apc }))
    processId = must(
      await createProcess(db, system(), {
        bodyId,
        slug: 'p',
        title: 'Process',
        mandateSymbol: 'A/RES/1',
        questions: ['What should be done?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const [meeting1, meeting2] = [1, 2].map((n) => ({
      number: n,
      title: `Meeting ${n}`,
      startsAt: new Date(`2026-0${n}-10T09:00:00Z`),
      endsAt: new Date(`2026-0${n}-10T17:00:00Z`),
      venue: 'Geneva',
    }))
    attended = must(await scheduleMeeting(db, system(), processId, meeting1 as NonNullable<typeof meeting1>)).id
    empty = must(await scheduleMeeting(db, system(), processId, meeting2 as NonNullable<typeof meeting2>)).id
    must(
      await recordAttendance(db, system(), attended, {
        entries: [
          { memberStateIso3: 'KEN', mode: 'in_person', representatives: [] },
          { memberStateIso3: 'MWI', mode: 'remote', representatives: [] },
          { organizationId: apc, mode: 'in_person', representatives: [] },
        ],
      }),
    )
    const [question] = await guidingQuestions(db, processId)
    const now = Date.now()
    callId = must(
      await openCall(db, system(), processId, {
        title: 'Call for contributions',
        opensAt: new Date(now - DAY),
        closesAt: new Date(now + 10 * DAY),
        eligibility: 'everyone',
        languages: ['en', 'fr'],
        moderation: 'immediate',
        questionIds: [question?.id as number],
      }),
    ).id
    const { client: brazil } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'BRA',
    })
    await contribute(brazil, { speaker: 'member_state:BRA', language: 'en', [`answers.${question?.id}`]: 'Brazil.' })
    const { client: person } = await signUp(runtime, 'Awa Diallo')
    await contribute(person, { speaker: 'self', language: 'fr', [`answers.${question?.id}`]: 'Une personne.' })
  }, 180_000)
  afterAll(() => runtime.close())

  async function api(query: string) {
    const response = await runtime.app.request(`/api/v1/balance?${query}`)
    return { status: response.status, body: (await response.json()) as ReturnType<typeof balanceJson> }
  }

  it('measures a process against its body: everyone who attended or contributed, a State once', async () => {
    const { status, body } = await api(`scope=process&id=${processId}`)
    expect(status).toBe(200)
    expect(body.reference).toBe('body_composition')
    // KEN, MWI, BRA, APC (ZAF: african), the person
    expect(body.participants).toBe(5)
    expect(body.byKind).toEqual({ memberStates: 3, organizations: 1, individuals: 1 })
    expect(body.coverage).toMatchObject({ states: 3, of: 193 })
    // regions: african 3, grulac 1 of 4 known; the body: african 3 (KEN, MWI, ZAF), grulac 1, weog 1 of 5
    expect(row(body.regionalGroups.rows, 'african')).toMatchObject({ count: 3, share: 0.75 })
    expect(row(body.regionalGroups.rows, 'african')?.ratio).toBeCloseTo(1.25, 10)
    expect(row(body.regionalGroups.rows, 'grulac')?.ratio).toBeCloseTo(1.25, 10)
    expect(row(body.regionalGroups.rows, 'weog')).toMatchObject({ count: 0, ratio: 0 })
    expect(row(body.regionalGroups.rows, 'african')).toMatchObject({ baseline: 0.44 })
    // stakeholders: governments 3 of 5 against 4 of 5 members (0.75); civil society 1/5 against 1/5
    expect(row(body.stakeholderGroups.rows, 'government')?.ratio).toBeCloseTo(0.75, 10)
    expect(row(body.stakeholderGroups.rows, 'civil_society')?.ratio).toBeCloseTo(1, 10)
    expect(row(body.stakeholderGroups.rows, 'individual')).toMatchObject({ count: 1, ratio: null })
    // Malawi: LDC and LLDC; 1 of the 4 with a region against 1 of the body's 5
    expect(body.development[0]).toMatchObject({ flag: 'ldc', count: 1, base: 4 })
    expect(body.development[0]?.ratio).toBeCloseTo(1.25, 10)
    // en (Brazil) and fr (the person): ln 2 / ln 6
    expect(body.languages.evenness).toBeCloseTo(Math.LN2 / Math.log(6), 10)
    expect(body.regionalGroups.evenness).toBeCloseTo(
      (-(0.75 * Math.log(0.75)) - 0.25 * Math.log(0.25)) / Math.log(5),
      10,
    )
  })

  it('measures a call by its published contributions and a meeting by its attendance', async () => {
    const call = await api(`scope=call&id=${callId}`)
    expect(call.status).toBe(200)
    expect(call.body.participants).toBe(2)
    expect(row(call.body.languages.rows, 'fr')).toMatchObject({ count: 1, share: 0.5 })
    const meeting = await api(`scope=meeting&id=${attended}`)
    expect(meeting.status).toBe(200)
    expect(meeting.body.participants).toBe(3)
    expect(meeting.body.byKind).toEqual({ memberStates: 2, organizations: 1, individuals: 0 })
    const year = await api('scope=year&id=2026')
    expect(year.status).toBe(200)
    expect(year.body.reference).toBe('un_membership')
    // KEN and MWI attended in 2026; Brazil and the person contributed this year
    expect(year.body.participants).toBeGreaterThanOrEqual(3)
    const body = await api(`scope=body&id=${bodyId}`)
    expect(body.body.participants).toBe(5)
    expect(body.body.trendOf).toBe('processes')
  })

  it('counts a person who wrote to two calls in two languages once, in each language, in the process and its body', async () => {
    const body = must(await createBody(db, system(), { slug: 'two-calls', name: 'Two calls' })).id
    const process = must(
      await createProcess(db, system(), {
        bodyId: body,
        slug: 'two-calls',
        title: 'Two calls',
        mandateSymbol: 'A/RES/2',
        questions: ['Anything?'],
      }),
    ).id
    must(await changeProcessState(db, system(), process, { to: 'active' }))
    const [question] = await guidingQuestions(db, process)
    const calls = []
    for (const title of ['First call', 'Second call'])
      calls.push(
        must(
          await openCall(db, system(), process, {
            title,
            opensAt: new Date(Date.now() - DAY),
            closesAt: new Date(Date.now() + 10 * DAY),
            eligibility: 'everyone',
            languages: ['en', 'fr'],
            moderation: 'immediate',
            questionIds: [question?.id as number],
          }),
        ).id,
      )
    const { client: person } = await signUp(runtime, 'Nadia Haddad')
    await contribute(person, { speaker: 'self', language: 'fr', [`answers.${question?.id}`]: 'Oui.' }, calls[0])
    await contribute(person, { speaker: 'self', language: 'en', [`answers.${question?.id}`]: 'Yes.' }, calls[1])
    for (const query of [`scope=process&id=${process}`, `scope=body&id=${body}`]) {
      const { status, body: balance } = await api(query)
      expect(status, query).toBe(200)
      expect(balance.participants, query).toBe(1)
      expect(balance.byKind.individuals, query).toBe(1)
      expect(row(balance.stakeholderGroups.rows, 'individual')?.count, query).toBe(1)
      expect(row(balance.languages.rows, 'fr')?.count, query).toBe(1)
      expect(row(balance.languages.rows, 'en')?.count, query).toBe(1)
    }
    const first = await api(`scope=call&id=${calls[0]}`)
    expect(first.body.participants).toBe(1)
    expect(row(first.body.languages.rows, 'en')?.count ?? 0).toBe(0)
  })

  it('refuses an unknown scope, a bad id, an unknown process, a year out of range and a meeting without attendance', async () => {
    expect((await api('scope=planet&id=1')).status).toBe(400)
    expect((await api('scope=process&id=abc')).status).toBe(400)
    expect((await api('scope=process&id=0')).status).toBe(400)
    expect((await api('scope=process')).status).toBe(400)
    const unknown = await api('scope=process&id=999999')
    expect(unknown).toMatchObject({ status: 404, body: { id: 'process_not_found' } })
    expect(await api('scope=year&id=1990')).toMatchObject({ status: 404, body: { id: 'balance_year_out_of_range' } })
    const nobody = await api(`scope=meeting&id=${empty}`)
    expect(nobody).toMatchObject({ status: 404, body: { id: 'attendance_not_recorded' } })
    expect((await runtime.app.request(`/balance/meeting/${empty}`)).status).toBe(404)
    expect((await runtime.app.request('/balance/planet/1')).status).toBe(404)
    expect((await runtime.app.request('/balance/process/abc')).status).toBe(404)
    expect((await runtime.app.request('/balance/process/999999/balance.csv')).status).toBe(404)
  })

  it('shows the page with a chart and a table beside it, in Arabic right to left, linked from the process', async () => {
    const page = await runtime.app.request(`/balance/process/${processId}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<svg')
    expect(html).toContain('id="regional-groups-table"')
    expect(html).toContain(`/balance/call/${callId}`)
    expect(html).toContain(`/balance/meeting/${attended}`)
    expect(html).not.toContain(`/balance/meeting/${empty}"`)
    expect(html).toContain('1.25')
    const arabic = await (await runtime.app.request(`/balance/process/${processId}?lang=ar`)).text()
    expect(arabic).toContain('dir="rtl"')
    expect(arabic).toContain('توازن المشاركة')
    const processPage = await (await runtime.app.request(`/processes/${processId}`)).text()
    expect(processPage).toContain(`/balance/process/${processId}`)
    expect(processPage).toContain(`/balance/call/${callId}`)
    const meetingPage = await (await runtime.app.request(`/meetings/${attended}`)).text()
    expect(meetingPage).toContain(`/balance/meeting/${attended}`)
    expect(await (await runtime.app.request(`/meetings/${empty}`)).text()).not.toContain(`/balance/meeting/${empty}`)
  })

  it('describes the API in the OpenAPI document, with its query and its answer', async () => {
    const doc = (await (await runtime.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { operationId: string; parameters: { name: string }[] } }>
      components: { schemas: Record<string, { properties: Record<string, unknown> }> }
    }
    const get = doc.paths['/api/v1/balance']?.get ?? doc.paths['/balance']?.get
    expect(get?.operationId).toBe('getBalance')
    expect(get?.parameters.map((p) => p.name).sort()).toEqual(['id', 'scope'])
    expect(Object.keys(doc.components.schemas.Balance?.properties ?? {})).toEqual(
      expect.arrayContaining(['regionalGroups', 'development', 'stakeholderGroups', 'languages', 'coverage', 'trend']),
    )
  })

  it('puts the process’s balance and this year’s in the open data, the rows of the CSV', async () => {
    const dataset = (await datasetsOf(db, modules)).find((d) => d.name === 'balance_of_participation')
    const rows = dataset?.rows ?? []
    expect(rows).toContainEqual(
      expect.objectContaining({
        scope: 'process',
        id: processId,
        grouping: 'regionalGroups',
        group: 'african',
        count: 3,
      }),
    )
    expect(rows.some((r) => r.scope === 'year' && r.id === new Date().getUTCFullYear())).toBe(true)
    expect(dataset?.primaryKey).toEqual(['scope', 'id', 'grouping', 'group'])
  })

  it('gives the same figures as CSV', async () => {
    const response = await runtime.app.request(`/balance/process/${processId}/balance.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const csv = await response.text()
    expect(csv.split('\n')[0]).toContain('grouping,group,count,share')
    expect(csv).toContain('regionalGroups,african,3,0.75,0.2798,0.6,1.25,0.44')
    expect(csv).toContain('coverage,un_member_states,3')
  })
})
