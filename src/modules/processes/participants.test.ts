// Attendance and the list of participants on each database: the body's Chair records who
// attended (delegations and their representatives, in person or remote) on a form; the list of
// participants follows the UN order (Member States, observers, stakeholders) as a page and as a
// Word file read back; a Chair of another body may not record it; the report's annex reads every
// meeting's attendance merged.
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { createOrganization } from '../actors/index.ts'
import { addBodyMember, createBody } from '../bodies/index.ts'
import { changeProcessState, createProcess, scheduleMeeting } from './commands.ts'
import { participantsOfProcess } from './participants.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('attendance and the list of participants on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let bodyId: number
  let otherBodyId: number
  let apc: number
  let desa: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    apc = must(await createOrganization(db, system(), { name: { en: 'APC' }, stakeholderGroup: 'civil_society' })).id
    desa = must(
      await createOrganization(db, system(), {
        name: { en: 'UN DESA' },
        stakeholderGroup: 'international_organization',
      }),
    ).id
    bodyId = must(await createBody(db, system(), { slug: 'wg', name: 'Working Group', memberStateSeats: 3 })).id
    otherBodyId = must(await createBody(db, system(), { slug: 'other', name: 'Other body' })).id
    for (const iso3 of ['KEN', 'BRA'])
      must(await addBodyMember(db, system(), bodyId, { standing: 'member', memberStateIso3: iso3 }))
    must(await addBodyMember(db, system(), bodyId, { standing: 'observer', memberStateIso3: 'CHE' }))
    must(await addBodyMember(db, system(), bodyId, { standing: 'member', organizationId: apc }))
  }, 120_000)
  afterAll(() => runtime.close())

  /** A process of the test's own with two meetings: no test reads attendance another recorded. */
  let made = 0
  async function aProcess() {
    made += 1
    const processId = must(
      await createProcess(db, system(), {
        bodyId,
        slug: `p-${made}`,
        title: `Process ${made}`,
        mandateSymbol: 'A/RES/1',
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const meetings: number[] = []
    for (const n of [1, 2]) {
      meetings.push(
        must(
          await scheduleMeeting(db, system(), processId, {
            number: n,
            title: `Meeting ${n}`,
            startsAt: new Date(`2027-0${n}-10T09:00:00Z`),
            endsAt: new Date(`2027-0${n}-10T17:00:00Z`),
            venue: 'Geneva',
          }),
        ).id,
      )
    }
    return { processId, meetings: meetings as [number, number] }
  }

  /** The body's Chair records a meeting's attendance on the form, as a Chair does. */
  async function recordOnTheForm(meetingId: number) {
    const { client: chair } = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) })
    const form = (await chair.get(`/meetings/${meetingId}/attendance`)).html
    const saved = await chair.submit(`/meetings/${meetingId}/attendance`, {
      'entry.KEN.mode': 'in_person',
      'entry.KEN.inPerson': 'Amina Odhiambo, Head of delegation',
      'entry.KEN.remote': 'Joseph Mwangi, Adviser',
      'entry.CHE.mode': 'remote',
      [`entry.org-${apc}.inPerson`]: 'Ana Silva',
      'entry.BRA.mode': '',
    })
    expect(saved.response.status).toBe(303)
    return { chair, form }
  }

  it('lets the body’s Chair record delegations and representatives on a form, and lists them in the UN order', async () => {
    const { meetings } = await aProcess()
    const { chair, form } = await recordOnTheForm(meetings[0])
    for (const name of ['Kenya', 'Brazil', 'Switzerland', 'APC']) expect(form).toContain(name)
    const page = (await new TestClient(runtime).get(`/meetings/${meetings[0]}/participants`)).html
    const order = [
      'Member States',
      'Kenya',
      'Amina Odhiambo',
      'Joseph Mwangi',
      'Observers',
      'Switzerland',
      'Stakeholders',
      'Ana Silva',
    ]
    const at = order.map((s) => page.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(page).not.toContain('Brazil')
    // the form shows what was recorded
    const again = (await chair.get(`/meetings/${meetings[0]}/attendance`)).html
    expect(again).toContain('Amina Odhiambo, Head of delegation')
  })

  it('gives the same list as Word, with the sections and the remote marked, read back from the file', async () => {
    const { meetings } = await aProcess()
    await recordOnTheForm(meetings[0])
    const response = await new TestClient(runtime).request(`/meetings/${meetings[0]}/participants.docx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('participants-meeting-')
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })
    const order = [
      'List of participants',
      'Member States',
      'Kenya',
      'Joseph Mwangi, Adviser (remote)',
      'Observers',
      'Switzerland',
      'Stakeholders',
      'APC',
    ]
    const at = order.map((s) => text.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    const arabic = await new TestClient(runtime).request(`/meetings/${meetings[0]}/participants.docx?lang=ar`)
    const { value: ar } = await mammoth.extractRawText({ buffer: Buffer.from(await arabic.arrayBuffer()) })
    expect(ar).toContain('قائمة المشاركين')
    expect(ar).toContain('كينيا')
  })

  it('refuses attendance to a Chair of another body and to a visitor, and an unknown organization with the reason', async () => {
    const { meetings } = await aProcess()
    const { client: otherChair } = await accountWithRole(runtime, 'chair', { type: 'body', id: String(otherBodyId) })
    expect((await otherChair.get(`/meetings/${meetings[0]}/attendance`)).response.status).toBe(403)
    const posted = await otherChair.submit(
      `/meetings/${meetings[0]}/attendance`,
      { 'entry.KEN.mode': 'remote' },
      '/bodies',
    )
    expect(posted.response.status).toBe(403)
    expect((await new TestClient(runtime).get(`/meetings/${meetings[0]}/attendance`)).response.status).toBe(303)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const unknown = await secretariat.submit(`/meetings/${meetings[1]}/attendance`, {
      'entry.org-99999.mode': 'remote',
      'entry.ZZZ.mode': 'remote',
    })
    expect(unknown.response.status).toBe(422)
  })

  it('merges every meeting’s attendance for the report’s annex: each delegation and person once', async () => {
    const { processId, meetings } = await aProcess()
    await recordOnTheForm(meetings[0])
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const token = await apiTokenFor(runtime, accountId)
    const recorded = await new TestClient(runtime).json(`/api/v1/meetings/${meetings[1]}/attendance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        entries: [
          {
            memberStateIso3: 'KEN',
            mode: 'remote',
            representatives: [{ name: 'Amina Odhiambo', mode: 'remote' }],
          },
          { organizationId: desa, mode: 'in_person', representatives: [{ name: 'D. Official', mode: 'in_person' }] },
        ],
      }),
    })
    expect(recorded.status).toBe(200)
    expect(recorded.body.data.attendance).toHaveLength(2)
    const list = await participantsOfProcess(db, processId, 'en')
    expect(list?.memberStates.map((d) => [d.name, d.mode, d.people.map((p) => p.name)])).toEqual([
      ['Kenya', 'in_person', ['Amina Odhiambo', 'Joseph Mwangi']],
    ])
    expect(list?.observers.map((d) => d.name)).toEqual(['Switzerland', 'UN DESA'])
    expect(list?.stakeholders.map((d) => d.name)).toEqual(['APC'])
  })
})
