// Calendars and feeds as outside tools read them, on each database: iCalendar parsed by ical.js
// (stable UIDs whatever the address, SEQUENCE, a valid empty calendar, no property smuggled in
// through a line break) and Atom parsed by rss-parser and checked against RFC 4287 with xmllint.
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { xpath } from '../../../test/support/xml.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createBody } from '../bodies/index.ts'
import { createProcess, openCall, recordMeetingOutcome, scheduleMeeting } from './commands.ts'
import { guidingQuestions, pdb } from './queries.ts'

const INJECTED = 'Consultations\r\nATTENDEE;CN=Mallory:mailto:mallory@example.org\r\nX-EVIL:1'

function parseCalendar(text: string) {
  return new ICAL.Component(ICAL.parse(text))
}

/** Every property name anywhere in the calendar, components included. */
function propertyNames(component: ICAL.Component): string[] {
  return [
    ...component.getAllProperties().map((p) => p.name),
    ...component.getAllSubcomponents().flatMap((c) => propertyNames(c)),
  ]
}

describe.each(DATABASE_KINDS)('calendars and feeds on %s', (kind) => {
  let runtime: TestRuntime
  let bodyId: number
  let emptyBodyId: number
  let processId: number
  let meetingId: number
  const ctx = () => ({ actor: SYSTEM, now: new Date('2026-05-01T09:00:00Z') })
  const anonymous = () => new TestClient(runtime)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, ctx(), { slug: 'wg-cal', name: 'Working Group on Calendars', acronym: 'WGC' })
    const empty = await createBody(db, ctx(), { slug: 'wg-empty', name: 'A body that has not met' })
    if (!body.ok || !empty.ok) throw new Error('bodies')
    bodyId = body.value.id
    emptyBodyId = empty.value.id
    const process = await createProcess(db, ctx(), {
      bodyId,
      slug: 'cal-process',
      title: 'Calendar process',
      mandateSymbol: 'E/RES/2026/9',
      questions: ['What should change?'],
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    const meeting = await scheduleMeeting(db, ctx(), processId, {
      number: 1,
      title: INJECTED,
      startsAt: new Date('2026-06-01T08:00:00Z'),
      endsAt: new Date('2026-06-01T10:00:00Z'),
      venue: 'Palais des Nations\r\nATTENDEE:mailto:mallory@example.org',
    })
    if (!meeting.ok) throw new Error(JSON.stringify(meeting.error))
    meetingId = meeting.value.id
  })
  afterAll(() => runtime.close())

  it('gives a meeting one UID, a UUID, whatever address its calendar is fetched by', async () => {
    const uids = new Set<string>()
    for (const origin of ['http://localhost', 'http://ecp.example.org', 'https://mirror.example.net:8443']) {
      const text = await (await anonymous().request(`${origin}/api/v1/meetings/${meetingId}.ics`)).text()
      const event = new ICAL.Event(parseCalendar(text).getFirstSubcomponent('vevent') as ICAL.Component)
      uids.add(event.uid)
      const all = await (await anonymous().request(`${origin}/api/v1/bodies/${bodyId}.ics`)).text()
      for (const v of parseCalendar(all).getAllSubcomponents('vevent')) uids.add(new ICAL.Event(v).uid)
    }
    expect(uids.size).toBe(1)
    expect([...uids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps a line break in a title or a venue inside its property: no ATTENDEE can be smuggled in', async () => {
    for (const path of [`/api/v1/meetings/${meetingId}.ics`, `/api/v1/bodies/${bodyId}.ics`]) {
      const response = await anonymous().request(path)
      const text = await response.text()
      // every line is a property of the calendar's own making, folded at 75 octets
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
      const calendar = parseCalendar(text)
      expect(propertyNames(calendar)).not.toContain('attendee')
      expect(propertyNames(calendar)).not.toContain('x-evil')
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component)
      expect(event.summary).toBe(INJECTED.replaceAll('\r\n', '\n'))
      expect(event.location).toBe('Palais des Nations\nATTENDEE:mailto:mallory@example.org')
    }
    const one = parseCalendar(await (await anonymous().request(`/api/v1/meetings/${meetingId}.ics`)).text())
    // ical.js reads NAME (RFC 7986) as an unknown property and leaves its escapes as written: one value
    expect(one.getFirstPropertyValue('name')).toBe(
      String.raw`Consultations\nATTENDEE\;CN=Mallory:mailto:mallory@example.org\nX-EVIL:1`,
    )
  })

  it('raises SEQUENCE when what the calendar shows of a meeting changes, not when its outcome is recorded', async () => {
    const sequence = async () => {
      const text = await (await anonymous().request(`/api/v1/meetings/${meetingId}.ics`)).text()
      return new ICAL.Event(parseCalendar(text).getFirstSubcomponent('vevent') as ICAL.Component).sequence
    }
    expect(await sequence()).toBe(0)
    const outcome = await recordMeetingOutcome(runtime.deps.db, ctx(), meetingId, { outcomeSummary: 'Met.' })
    expect(outcome.ok).toBe(true)
    expect(await sequence()).toBe(0)
    // moved by an hour (no command reschedules yet: any change to the row counts, by a trigger)
    await pdb(runtime.deps.db)
      .updateTable('processesMeeting')
      .set({ startsAt: new Date('2026-06-01T09:00:00Z'), endsAt: new Date('2026-06-01T11:00:00Z') })
      .where('id', '=', meetingId)
      .execute()
    expect(await sequence()).toBe(1)
    await pdb(runtime.deps.db)
      .updateTable('processesMeeting')
      .set({ venue: 'Room XVIII' })
      .where('id', '=', meetingId)
      .execute()
    expect(await sequence()).toBe(2)
  })

  it('answers a body with no meetings with a calendar that has a component, as RFC 5545 requires', async () => {
    const response = await anonymous().request(`/api/v1/bodies/${emptyBodyId}.ics`)
    expect(response.status).toBe(200)
    const calendar = parseCalendar(await response.text())
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0)
    const zone = calendar.getFirstSubcomponent('vtimezone') as ICAL.Component
    expect(zone.getFirstPropertyValue('tzid')).toBe('UTC')
    expect(new ICAL.Timezone(zone).utcOffset(ICAL.Time.fromDateTimeString('2026-07-01T12:00:00'))).toBe(0)
  })

  it('dates a “call opened” entry by the opening, names the feed’s author and its language', async () => {
    const db = runtime.deps.db
    const [question] = await guidingQuestions(db, processId)
    const opened = await openCall(db, ctx(), processId, {
      title: 'Call for contributions on =HYPERLINK("x") & <b>markup</b>',
      opensAt: new Date('2026-02-02T09:00:00Z'),
      closesAt: new Date('2026-03-02T09:00:00Z'),
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: [question?.id as number],
    })
    const future = await openCall(db, ctx(), processId, {
      title: 'A call that opens next decade',
      opensAt: new Date('2036-02-02T09:00:00Z'),
      closesAt: new Date('2036-03-02T09:00:00Z'),
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: [question?.id as number],
    })
    if (!opened.ok || !future.ok) throw new Error('calls')
    const xml = await (await anonymous().request(`/api/v1/processes/${processId}/feed.atom?lang=fr`)).text()
    const feed = await new Parser().parseString(xml)
    const entry = feed.items.find((i) => i.id?.endsWith(`/activity/call:${opened.value.id}`))
    expect(entry?.isoDate).toBe('2026-02-02T09:00:00.000Z')
    expect(entry?.title).toContain('=HYPERLINK("x") & <b>markup</b>')
    expect(feed.items.some((i) => i.id?.endsWith(`/activity/call:${future.value.id}`))).toBe(false)
    const ns = "namespace-uri()='http://www.w3.org/2005/Atom'"
    expect(xpath(xml, `string(/*[local-name()='feed' and ${ns}]/@xml:lang)`)).toBe('fr')
    expect(xpath(xml, `string(/*[local-name()='feed']/*[local-name()='author']/*[local-name()='name'])`)).toBe(
      'Working Group on Calendars',
    )
    // titles are text, never HTML a reader would render
    expect(xpath(xml, "count(//*[local-name()='title' and @type!='text'])")).toBe('0')
  })
})
