// What is in force at a meeting, on each database: the meeting's page (the processes module's)
// shows, through the negotiation's 'meeting' section, each negotiating document's current
// revision and the silence procedures running, the deadline in the reader's time zone; a
// procedure that has ended is no longer shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { scheduleMeeting } from '../processes/index.ts'
import { issueRevision } from './commands-documents.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

const DAY = 86_400_000

describe.each(DATABASE_KINDS)('what is in force at a meeting on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  let meetingId: number
  // the meeting's page before any negotiating document, read in setup: tests may run in any order
  let pageBefore: string
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
    const meeting = await scheduleMeeting(runtime.deps.db, { actor: SYSTEM, now: new Date() }, f.processId, {
      number: 1,
      title: 'Second session',
      startsAt: new Date(Date.now() + 10 * DAY),
      endsAt: new Date(Date.now() + 10 * DAY + 8 * 3_600_000),
      venue: 'Geneva',
    })
    if (!meeting.ok) throw new Error(JSON.stringify(meeting.error))
    meetingId = meeting.value.id
    pageBefore = (await new TestClient(runtime).get(`/meetings/${meetingId}`)).html
  }, 120_000)
  afterAll(() => runtime.close())

  it('shows nothing before the process has a negotiating document', async () => {
    expect(pageBefore).toContain('Second session')
    expect(pageBefore).not.toContain('id="in-force"')
  })

  it('shows the current revision and the running silence with its deadline in the reader’s zone, and drops it once broken', async () => {
    const db = runtime.deps.db
    const doc = await f.newDocument()
    const first = await issueRevision(db, f.at('chair'), doc.id, 'First reading')
    const second = await issueRevision(db, f.at('chair'), doc.id, 'Second reading')
    expect(first.ok && second.ok).toBe(true)
    const deadline = new Date(Date.UTC(2030, 0, 15, 12, 0))
    const silence = await circulateUnderSilence(db, f.at('chair'), doc.id, {
      paragraphIds: [doc.byLabel('1'), doc.byLabel('3')],
      deadline,
    })
    if (!silence.ok) throw new Error(JSON.stringify(silence.error))

    const reader = new TestClient(runtime)
    reader.cookies.set('ecp_tz', 'Asia/Tokyo')
    const html = (await reader.get(`/meetings/${meetingId}`)).html
    const section = html.slice(html.indexOf('id="in-force"'))
    expect(section).toContain(`/negotiation/${doc.id}/revisions/2`)
    expect(section).not.toContain(`/negotiation/${doc.id}/revisions/1"`)
    expect(section).toContain('2 paragraphs adopted unless a Member State objects')
    // 12:00 UTC is 21:00 in Tokyo
    expect(section).toMatch(/Jan 15, 2030,? 0?9:00\sPM GMT\+9/)
    expect(section).toContain(`datetime="${deadline.toISOString()}"`)

    const broken = await breakSilence(db, f.at('bra1'), silence.value.id, 'BRA', 'Needs more time')
    expect(broken.ok, JSON.stringify(broken)).toBe(true)
    const after = (await new TestClient(runtime).get(`/meetings/${meetingId}`)).html
    expect(after).toContain('id="in-force"')
    expect(after).not.toContain('adopted unless a Member State objects')
  })
})
