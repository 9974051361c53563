// The processes' public reads on each database, on the demo's WGEC: bodies and their chain,
// a process with its mandate, calls, questions and meetings; calendars that a calendar program
// reads (parsed with ical.js) and an Atom feed that a feed reader reads (parsed with rss-parser).
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { loadDemo } from '../../demo.ts'
import { findBody } from '../bodies/index.ts'
import { listProcesses } from './queries.ts'

describe.each(DATABASE_KINDS)('processes API on %s', (kind) => {
  let runtime: TestRuntime
  let wgecId: number
  let wgecBodyId: number
  const anonymous = () => new TestClient(runtime)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    wgecId = (await listProcesses(runtime.deps.db)).find((p) => p.slug === 'wgec-2016-2018')?.id as number
    wgecBodyId = (await findBody(runtime.deps.db, 'wgec'))?.id as number
  }, 180_000)
  afterAll(() => runtime.close())

  it('lists bodies with the chain they report to', async () => {
    const list = await anonymous().json('/api/v1/bodies')
    expect(list.status).toBe(200)
    expect(list.body.data.map((b: { acronym: string }) => b.acronym)).toEqual(
      expect.arrayContaining(['UNGA', 'ECOSOC', 'CSTD', 'WGEC']),
    )
    const wgec = await anonymous().json(`/api/v1/bodies/${wgecBodyId}`)
    expect(wgec.body.data.reportsTo.map((b: { acronym: string }) => b.acronym)).toEqual(['CSTD', 'ECOSOC', 'UNGA'])
  })

  it('gives a process with its mandate, guiding questions, calls and meetings', async () => {
    const { status, body } = await anonymous().json(`/api/v1/processes/${wgecId}`)
    expect(status).toBe(200)
    const text = JSON.stringify(body)
    expect(text).toContain('A/RES/70/125')
    expect(text).toContain('high level characteristics of enhanced cooperation')
    expect(body.data.meetings).toHaveLength(5)
    expect(body.data.calls[0].closesAt).toBe('2016-11-30T22:59:00.000Z')
    expect((await anonymous().json('/api/v1/processes/999999')).status).toBe(404)
  })

  it('serves an iCalendar file per meeting and per body that a calendar program reads', async () => {
    const process = await anonymous().json(`/api/v1/processes/${wgecId}`)
    const first = process.body.data.meetings.find((m: { number: number }) => m.number === 1)
    const response = await anonymous().request(`/api/v1/meetings/${first.id}.ics`)
    expect(response.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(await response.text()))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(1)
    expect(events[0]?.summary).toContain('First meeting of the Working Group')
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe(new Date(first.startsAt).toISOString())

    expect(events[0]?.description).toContain('Remote participation: https://')

    const body = await anonymous().request(`/api/v1/bodies/${wgecBodyId}.ics?lang=fr`)
    const all = new ICAL.Component(ICAL.parse(await body.text())).getAllSubcomponents('vevent')
    expect(all).toHaveLength(5)
    const description = new ICAL.Event(all[0]).description
    expect(description).toContain('Participation à distance : https://')
    expect(description).toContain('Un sous-titrage en direct est assuré')
  })

  it('publishes the process’s activity as an Atom feed', async () => {
    const response = await anonymous().request(`/api/v1/processes/${wgecId}/feed.atom`)
    expect(response.headers.get('content-type')).toContain('application/atom+xml')
    const feed = await new Parser().parseString(await response.text())
    const titles = feed.items.map((i) => i.title ?? '')
    expect(titles.some((t) => t.includes('Brazil'))).toBe(true)
    expect(titles.some((t) => /meeting/i.test(t))).toBe(true)
    expect(feed.items.every((i) => i.link?.startsWith('http'))).toBe(true)
  })

  it('lets the Secretariat, not a participant, open a process under a body', async () => {
    const fields = {
      bodyId: String(wgecBodyId),
      slug: 'wgec-follow-up',
      title: 'Follow-up of the WGEC recommendations',
      mandateSymbol: 'E/CN.16/2018/CRP.3',
    }
    const { client: participant } = await signUp(runtime, 'Curious Participant')
    const refused = await participant.submit('/processes/new', fields, '/processes')
    expect(refused.response.status).toBe(403)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const created = await secretariat.submit('/processes/new', fields)
    expect(created.response.status).toBe(303)
    const page = await anonymous().get(created.response.headers.get('location') as string)
    expect(page.html).toContain('Follow-up of the WGEC recommendations')
    expect(page.html).toContain('E/CN.16/2018/CRP.3')
  })

  it('offers “recurs each year” on the process form, refusing it without the cycle’s year and keeping what was typed', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const form = (await secretariat.get('/processes/new')).html
    expect(form).toContain('Recurs each year')
    expect(form).toMatch(/name="recurrence" value="none" checked/)
    const fields = {
      bodyId: String(wgecBodyId),
      slug: 'standing-item-2030',
      title: 'Standing item 2030',
      mandateSymbol: 'E/RES/2030/1',
      recurrence: 'annual',
    }
    const refused = await secretariat.submit('/processes/new', fields)
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain('A process that recurs each year needs the year of this cycle.')
    expect(refused.html).toMatch(/name="recurrence" value="annual" checked/)
    expect(refused.html).toContain('value="Standing item 2030"')
    const created = await secretariat.submit('/processes/new', { ...fields, cycleYear: '2030' })
    expect(created.response.status).toBe(303)
    const id = Number((created.response.headers.get('location') as string).split('/').pop())
    const json = await anonymous().json(`/api/v1/processes/${id}`)
    expect(json.body.data).toMatchObject({ recurrence: 'annual', cycleYear: 2030 })
    expect((await anonymous().get(`/processes/${id}`)).html).toContain('Recurs each year (2030)')
  })

  it('shows a body’s members grouped by regional group and by stakeholder group', async () => {
    const page = (await anonymous().get('/bodies/wgec')).html
    for (const group of ['African Group', 'Asia-Pacific Group', 'Civil society', 'Technical community']) {
      expect(page).toContain(group)
    }
    expect(page).toContain('Fonseca Filho')
  })
})
