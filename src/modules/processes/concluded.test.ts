// A concluded process is read-only, on each database: its Chair concludes it; then calls, meetings,
// outcomes, attendance and documents are refused with 409 (page and command), and the database
// refuses the same writes should a code path forget the rule. The report's transmission and the
// Secretariat's corrigenda still go in. Reopening needs a reason, which the record keeps.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { createBody } from '../bodies/index.ts'
import {
  addDocument,
  changeProcessState,
  createProcess,
  extendCall,
  openCall,
  recordAttendance,
  recordMeetingOutcome,
  recordTransmission,
  scheduleMeeting,
} from './commands.ts'
import { findProcess, stateChangesOf } from './queries.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
const day = 86_400_000

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('a concluded process on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let bodyId: number
  let parentId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    parentId = must(await createBody(db, system(), { slug: 'parent', name: 'Parent commission' })).id
    bodyId = must(await createBody(db, system(), { slug: 'wg', name: 'Working group', parentBodyId: parentId })).id
  })
  afterAll(() => runtime.close())

  /** An active process of the working group with a call and a meeting. */
  async function activeProcess(slug: string) {
    const process = must(
      await createProcess(db, system(), {
        bodyId,
        slug,
        title: `Process ${slug}`,
        mandateSymbol: 'A/RES/70/125',
        questions: ['What is enhanced cooperation?'],
      }),
    )
    must(await changeProcessState(db, system(), process.id, { to: 'active' }))
    const call = must(
      await openCall(db, system(), process.id, {
        title: 'Call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + day),
        eligibility: 'everyone',
        languages: ['en'],
        moderation: 'immediate',
        questionIds: [],
      }),
    )
    const meeting = must(
      await scheduleMeeting(db, system(), process.id, {
        number: 1,
        title: 'First meeting',
        startsAt: new Date(Date.now() + day),
        endsAt: new Date(Date.now() + 2 * day),
        venue: 'Geneva',
        agenda: [{ title: 'Opening' }],
      }),
    )
    return { id: process.id, callId: call.id, meetingId: meeting.id }
  }

  it('lets the Chair of the body conclude the process, and records who concluded it', async () => {
    const p = await activeProcess('concluded-by-chair')
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) }, 'Ana Chair')
    const concluded = await chair.client.submit(
      `/processes/${p.id}/state`,
      { state: 'concluded' },
      `/processes/${p.id}`,
    )
    expect(concluded.response.status).toBe(303)
    expect((await findProcess(db, p.id))?.state).toBe('concluded')
    const record = await stateChangesOf(db, p.id)
    expect(record.map((s) => [s.fromState, s.toState, s.changedByName])).toEqual([
      ['planned', 'active', null],
      ['active', 'concluded', 'Ana Chair'],
    ])
    const page = (await new TestClient(runtime).get(`/processes/${p.id}`)).html
    expect(page).toContain('Record of its state')
    expect(page).toMatch(/Concluded on [^<]+ by Ana Chair/)
  })

  it('refuses new calls, extensions, meetings, outcomes, attendance and documents with process_concluded', async () => {
    const p = await activeProcess('refuses-writes')
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) })
    must(await changeProcessState(db, system(), p.id, { to: 'concluded' }))
    const refused = { ok: false, error: { type: 'conflict', id: 'process_concluded' } }
    const chairCtx = { actor: await actorOf(chair.accountId), now: new Date() }
    expect(
      await openCall(db, chairCtx, p.id, {
        title: 'Late call',
        opensAt: new Date(),
        closesAt: new Date(Date.now() + day),
        eligibility: 'everyone',
        languages: ['en'],
        moderation: 'immediate',
        questionIds: [],
      }),
    ).toEqual(refused)
    expect(await extendCall(db, chairCtx, p.callId, new Date(Date.now() + 3 * day))).toEqual(refused)
    expect(
      await scheduleMeeting(db, chairCtx, p.id, {
        number: 2,
        title: 'Second meeting',
        startsAt: new Date(Date.now() + day),
        endsAt: new Date(Date.now() + 2 * day),
        venue: 'Geneva',
      }),
    ).toEqual(refused)
    expect(await recordMeetingOutcome(db, chairCtx, p.meetingId, { outcomeSummary: 'Rewritten' })).toEqual(refused)
    expect(
      await recordAttendance(db, chairCtx, p.meetingId, { entries: [{ memberStateIso3: 'BRA', mode: 'remote' }] }),
    ).toEqual(refused)
    const report = { kind: 'report' as const, title: 'A new report', issuedOn: '2026-12-01' }
    expect(await addDocument(db, chairCtx, p.id, report)).toEqual(refused)
    // even the platform itself: the rule is the record's, not a role's
    expect(await addDocument(db, system(), p.id, report)).toEqual(refused)

    // the pages say so, in the reader's language, with 409
    for (const path of [`/processes/${p.id}/calls/new`, `/processes/${p.id}/meetings/new`]) {
      const { response, html } = await chair.client.get(path)
      expect(response.status, path).toBe(409)
      expect(html).toContain('This process is concluded')
    }
    const french = await chair.client.submit(
      `/processes/${p.id}/meetings/new?lang=fr`,
      { number: '3', title: 'x', startsAt: '2027-01-01T10:00', endsAt: '2027-01-01T12:00', venue: 'Genève' },
      `/processes/${p.id}?lang=fr`,
    )
    expect(french.response.status).toBe(409)
    expect(french.html).toContain('Ce processus est clos')
  })

  it('still takes the report’s transmission, and corrigenda from the Secretariat but not from the Chair', async () => {
    const p = await activeProcess('after-conclusion')
    must(await changeProcessState(db, system(), p.id, { to: 'concluded' }))
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) })
    const secretariat = await accountWithRole(runtime, 'secretariat')
    const chairCtx = { actor: await actorOf(chair.accountId), now: new Date() }
    const corrigendum = {
      kind: 'corrigendum' as const,
      symbol: 'E/CN.16/2018/3/Corr.1',
      title: 'Corrigendum',
      issuedOn: '2026-12-02',
    }
    expect(await addDocument(db, chairCtx, p.id, corrigendum)).toEqual({
      ok: false,
      error: { type: 'conflict', id: 'process_concluded' },
    })
    const form = await secretariat.client.get(`/processes/${p.id}/documents/new`)
    expect(form.response.status).toBe(200)
    expect(form.html).toContain('value="corrigendum"')
    expect(form.html).not.toContain('value="report"')
    const recorded = await secretariat.client.submit(`/processes/${p.id}/documents/new`, corrigendum)
    expect(recorded.response.status).toBe(303)
    expect(
      (
        await recordTransmission(db, chairCtx, p.id, {
          toBodyId: parentId,
          occasion: 'its next session',
          transmittedOn: '2026-12-03',
        })
      ).ok,
    ).toBe(true)
    const page = (await new TestClient(runtime).get(`/processes/${p.id}`)).html
    expect(page).toContain('E/CN.16/2018/3/Corr.1')
    expect(page).toContain('its next session')
  })

  it('reopens a concluded process only with a reason, which its record and the audit log keep', async () => {
    const p = await activeProcess('reopened')
    must(await changeProcessState(db, system(), p.id, { to: 'concluded' }))
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) }, 'Careless Chair')
    const silent = await chair.client.submit(`/processes/${p.id}/state`, { state: 'active' }, `/processes/${p.id}`)
    expect(silent.response.status).toBe(422)
    expect(silent.html).toContain('Say why the process is reopened')
    expect((await findProcess(db, p.id))?.state).toBe('concluded')
    const back = await chair.client.submit(`/processes/${p.id}/state`, { state: 'planned' }, `/processes/${p.id}`)
    expect(back.response.status).toBe(409)

    const reason = 'The Commission decided to resume the session (decision 2026/12).'
    const reopened = await chair.client.submit(
      `/processes/${p.id}/state`,
      { state: 'active', reason },
      `/processes/${p.id}`,
    )
    expect(reopened.response.status).toBe(303)
    expect((await findProcess(db, p.id))?.state).toBe('active')
    const last = (await stateChangesOf(db, p.id)).at(-1)
    expect(last).toMatchObject({ fromState: 'concluded', toState: 'active', reason, changedByName: 'Careless Chair' })
    const audit = await db
      .selectFrom('auditEntry')
      .select(['action', 'payload'])
      .where('subjectType', '=', 'process')
      .where('subjectId', '=', String(p.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ action: 'process.reopened', payload: { from: 'concluded', to: 'active', reason } })
    expect((await new TestClient(runtime).get(`/processes/${p.id}`)).html).toContain(reason)
  })

  it('stops the Chair of another body from concluding or reopening the process', async () => {
    const p = await activeProcess('other-chair')
    const other = await accountWithRole(runtime, 'chair', { type: 'body', id: String(parentId) })
    const refused = await other.client.submit(`/processes/${p.id}/state`, { state: 'concluded' }, `/processes/${p.id}`)
    expect(refused.response.status).toBe(403)
    expect((await findProcess(db, p.id))?.state).toBe('active')
  })

  describe('in the database, whatever the code path', () => {
    let p: { id: number; callId: number; meetingId: number }
    beforeAll(async () => {
      p = await activeProcess('database-guard')
      must(await changeProcessState(db, system(), p.id, { to: 'concluded' }))
    })

    const refusedBy = /is concluded: its record is read-only/

    it('refuses calls, meetings, agenda items, attendance, phases, guiding questions and documents', async () => {
      const attempts = [
        sql`insert into processes_call (process_id, title, opens_at, closes_at, eligibility, languages, moderation,
          question_ids) values (${p.id}, 'x', now(), now() + interval '1 day', 'everyone', '{en}', 'immediate', '{}')`,
        sql`update processes_call set title = 'changed' where id = ${p.callId}`,
        sql`insert into processes_meeting (process_id, number, title, starts_at, ends_at, venue)
          values (${p.id}, 9, 'x', now(), now() + interval '1 hour', 'Geneva')`,
        sql`update processes_meeting set outcome_summary = 'rewritten' where id = ${p.meetingId}`,
        sql`insert into processes_agenda_item (meeting_id, position, title) values (${p.meetingId}, 9, 'x')`,
        sql`update processes_agenda_item set title = 'changed' where meeting_id = ${p.meetingId}`,
        sql`insert into processes_attendance (meeting_id, member_state_iso3, mode) values (${p.meetingId}, 'BRA', 'remote')`,
        sql`insert into processes_phase (process_id, kind, starts_on, ends_on) values (${p.id}, 'synthesis', '2026-01-01', '2026-02-01')`,
        sql`insert into processes_guiding_question (process_id, position, text) values (${p.id}, 9, 'x')`,
        sql`update processes_guiding_question set text = 'changed' where process_id = ${p.id}`,
        sql`insert into processes_document (process_id, kind, title, issued_on) values (${p.id}, 'report', 'x', '2026-12-01')`,
        sql`update processes_process set title = 'Renamed' where id = ${p.id}`,
      ]
      for (const attempt of attempts) {
        await expect(attempt.execute(db), attempt.compile(db).sql).rejects.toThrow(refusedBy)
      }
    })

    it('takes a corrigendum and a transmission', async () => {
      await sql`insert into processes_document (process_id, kind, title, issued_on)
        values (${p.id}, 'corrigendum', 'Corr.1', '2026-12-01')`.execute(db)
      await sql`insert into processes_transmission (process_id, to_body_id, occasion, transmitted_on)
        values (${p.id}, ${parentId}, 'x', '2026-12-01')`.execute(db)
    })

    it('refuses a reopening without a reason and any step outside the lifecycle, and records the others itself', async () => {
      await expect(sql`update processes_process set state = 'active' where id = ${p.id}`.execute(db)).rejects.toThrow(
        /needs a reason/,
      )
      await expect(sql`update processes_process set state = 'planned' where id = ${p.id}`.execute(db)).rejects.toThrow(
        /not a step of its lifecycle/,
      )
      await expect(
        sql`update processes_process set state = 'active', state_reason = 'why', title = 'Renamed' where id = ${p.id}`.execute(
          db,
        ),
      ).rejects.toThrow(/changes nothing but the state/)
      await sql`update processes_process set state = 'active', state_reason = 'Resumed' where id = ${p.id}`.execute(db)
      await sql`update processes_process set state = 'concluded' where id = ${p.id}`.execute(db)
      const record = await stateChangesOf(db, p.id)
      expect(record.slice(-2).map((s) => [s.fromState, s.toState, s.reason])).toEqual([
        ['concluded', 'active', 'Resumed'],
        ['active', 'concluded', null],
      ])
      // a second reopening must give its own reason: concluding cleared the last one
      await expect(sql`update processes_process set state = 'active' where id = ${p.id}`.execute(db)).rejects.toThrow(
        /needs a reason/,
      )
      await expect(sql`delete from processes_state_change where process_id = ${p.id}`.execute(db)).rejects.toThrow(
        /append-only/,
      )
    })
  })

  async function actorOf(accountId: number) {
    return {
      kind: 'account' as const,
      accountId,
      displayName: 'x',
      email: 'x@example.org',
      grants: await activeGrants(db, accountId),
      via: 'session' as const,
    }
  }
})
