// Contributions published on the platform are each assigned by the recurring job, on each
// database: one published after a later one was assigned (a call moderated after review) is
// assigned by the next run, a second run assigns nothing twice, and one withdrawn or hidden
// before the run is not assigned.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, type TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { assignArrived } from './jobs.ts'
import { importGenerated, openConsultation } from './open-call-fixture.ts'
import { assignedAmong } from './queries.ts'
import type { ConsultationTables } from './tables.ts'

describe.each(DATABASE_KINDS)('assigning contributions as they are published on %s', (kind) => {
  let runtime: TestRuntime
  let call: { callId: number; processId: number; questionId: number }
  let secretariat: TestClient

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const opened = await openConsultation(runtime.deps.db, 'arrivals', {
      moderation: 'after_review',
      languages: ['en'],
    })
    call = { callId: opened.callId, processId: opened.processId, questionId: opened.questionIds[0] as number }
    secretariat = (await accountWithRole(runtime, 'secretariat')).client
  }, 180_000)
  afterAll(() => runtime.close())

  /** A new person's contribution with this text, held for review; its id. */
  async function contribute(text: string): Promise<{ id: number; author: TestClient }> {
    const { client: author } = await signUp(runtime, 'Arriving Contributor')
    const { response } = await author.submit(
      `/calls/${call.callId}/contribute`,
      { speaker: 'self', language: 'en', [`answers.${call.questionId}`]: text },
      `/calls/${call.callId}/contribute`,
    )
    expect(response.status).toBe(303)
    return { id: Number((response.headers.get('location') as string).split('/').pop()), author }
  }

  const publish = async (id: number) =>
    expect((await secretariat.submit(`/contributions/${id}/publish`, {}, `/contributions/${id}`)).response.status).toBe(
      303,
    )

  /** Which of these contributions are in the record, and how many the call's analysis counts. */
  async function record(ids: number[]): Promise<{ assigned: boolean[]; analysed: number }> {
    const db = runtime.deps.db
    const assigned = await assignedAmong(db, ids)
    const setting = await db
      .withTables<ConsultationTables>()
      .selectFrom('consultationSetting')
      .select('analysed')
      .where('callId', '=', call.callId)
      .executeTakeFirst()
    return { assigned: ids.map((id) => assigned.has(id)), analysed: Number(setting?.analysed ?? 0) }
  }

  it('assigns one published after a later one was assigned, at the next run, and nothing twice', async () => {
    const early = await contribute('Enhanced cooperation should publish every decision it takes.')
    const later = await contribute('Every stakeholder should be heard before a decision is taken.')
    expect(later.id).toBeGreaterThan(early.id)
    await publish(later.id)
    expect(await assignArrived(runtime.deps.db)).toBe(1)
    expect(await record([early.id, later.id])).toEqual({ assigned: [false, true], analysed: 1 })
    await publish(early.id)
    expect(await assignArrived(runtime.deps.db)).toBe(1)
    expect(await record([early.id, later.id])).toEqual({ assigned: [true, true], analysed: 2 })
    expect(await assignArrived(runtime.deps.db)).toBe(0)
    expect(await record([early.id, later.id])).toEqual({ assigned: [true, true], analysed: 2 })
  })

  it('does not assign one withdrawn or hidden after its publication, before the run', async () => {
    const withdrawn = await contribute('A text its author takes back before the job runs.')
    const hidden = await contribute('A text the Secretariat hides before the job runs.')
    await publish(withdrawn.id)
    await publish(hidden.id)
    const path = `/contributions/${withdrawn.id}`
    expect((await withdrawn.author.submit(`${path}/withdraw`, { note: 'Superseded.' }, path)).response.status).toBe(303)
    const hide = await secretariat.submit(
      `/contributions/${hidden.id}/hide`,
      { reason: 'Personal attack' },
      `/contributions/${hidden.id}`,
    )
    expect(hide.response.status).toBe(303)
    expect(await assignArrived(runtime.deps.db)).toBe(0)
    expect((await record([withdrawn.id, hidden.id])).assigned).toEqual([false, false])
  })

  it('drains a backlog of more than one batch in one run (the queue migration queues every published one)', async () => {
    const db = runtime.deps.db
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const opened = { ...call, questionIds: [call.questionId] }
    const { ids } = await importGenerated(db, opened, accountId, { total: 1_100, seed: 5, language: 'en' })
    // as the migration queued them (imports are never queued: a rebuild or afterImport takes them)
    await sql`insert into contributions_arrival (contribution_id) select unnest(${ids}::bigint[])`.execute(db)
    expect(await assignArrived(db)).toBe(1_100)
    expect((await record(ids)).assigned.every(Boolean)).toBe(true)
    expect(await assignArrived(db)).toBe(0)
  }, 300_000)
})
