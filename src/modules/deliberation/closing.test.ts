// A deliberation stops taking statements and votes: when the Secretariat closes it (audited; a
// second click and anyone else refused), and when the process it belongs to is concluded. And
// the analysis runs off the event loop: pages keep answering while a large one runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { openDeliberation } from './commands.ts'
import { analyzeOffThread } from './off-thread.ts'
import { statementsOf } from './queries.ts'
import { plantVotes } from './rules/planted.ts'

describe.each(DATABASE_KINDS)('closing a deliberation on %s', (kind) => {
  let runtime: TestRuntime
  let secretariat: TestClient
  let delegate: TestClient
  const system = () => ({ actor: SYSTEM, now: new Date() })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    secretariat = (await accountWithRole(runtime, 'secretariat')).client
    delegate = (await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'MWI' })).client
  }, 120_000)
  afterAll(() => runtime.close())

  /** A deliberation with one accepted statement; its page's path and the statement's id. */
  async function withStatement(callId?: number) {
    const opened = await openDeliberation(runtime.deps.db, system(), {
      title: 'Data flows',
      ...(callId ? { callId } : {}),
    })
    if (!opened.ok) throw new Error('open')
    const path = `/deliberations/${opened.value.id}`
    expect((await delegate.submit(`${path}/statements`, { text: 'Trust first.' }, path)).response.status).toBe(303)
    const [statement] = await statementsOf(runtime.deps.db, opened.value.id)
    const moderation = `${path}/statements/${statement?.id}/moderation`
    expect((await secretariat.submit(moderation, { decision: 'accepted' }, `${path}/moderation`)).response.status).toBe(
      303,
    )
    return { id: opened.value.id, path, statementId: String(statement?.id) }
  }

  it('lets only the Secretariat close it, once, audited; statements and votes are refused afterwards', async () => {
    const { id, path, statementId } = await withStatement()
    expect((await delegate.get(path)).html).not.toContain(`action="${path}/close"`)
    expect((await delegate.submit(`${path}/close`, {}, path)).response.status).toBe(403)
    const page = await secretariat.get(path)
    expect(page.html).toContain(`action="${path}/close"`)
    expect((await secretariat.submit(`${path}/close`, {}, path)).response.status).toBe(303)
    // a double click: the second is refused, and only one entry is written
    expect((await secretariat.submit(`${path}/close`, {}, path)).response.status).toBe(409)
    const entries = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('action')
      .where('action', '=', 'deliberation.closed')
      .where('subjectId', '=', String(id))
      .execute()
    expect(entries).toHaveLength(1)

    const vote = await delegate.submit(`${path}/votes`, { statementId, vote: '1' }, path)
    expect(vote.response.status).toBe(409)
    expect(vote.html).toContain('This deliberation is closed')
    expect((await delegate.submit(`${path}/statements`, { text: 'Too late.' }, path)).response.status).toBe(409)
    const closed = await delegate.get(path)
    expect(closed.html).toContain('it takes no more statements or votes')
    expect(closed.html).not.toContain('name="vote"')
  })

  it('refuses statements and votes once the process it belongs to is concluded', async () => {
    const db = runtime.deps.db
    const body = await createBody(db, system(), { slug: 'wg-closing', name: 'Working group', acronym: 'WGC' })
    if (!body.ok) throw new Error('body')
    const process = await createProcess(db, system(), {
      bodyId: body.value.id,
      slug: 'wg-closing-1',
      title: 'A process',
      mandateSymbol: 'A/RES/70/125',
      questions: ['What?'],
    })
    if (!process.ok) throw new Error('process')
    const processId = process.value.id
    expect((await changeProcessState(db, system(), processId, { to: 'active' })).ok).toBe(true)
    const call = await openCall(db, system(), processId, {
      title: 'Call',
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: (await guidingQuestions(db, processId)).map((q) => q.id),
    })
    if (!call.ok) throw new Error(JSON.stringify(call.error))
    const { path, statementId } = await withStatement(call.value.id)
    expect((await delegate.submit(`${path}/votes`, { statementId, vote: '1' }, path)).response.status).toBe(303)

    expect((await changeProcessState(db, system(), processId, { to: 'concluded' })).ok).toBe(true)
    const vote = await delegate.submit(`${path}/votes`, { statementId, vote: '-1' }, path)
    expect(vote.response.status).toBe(409)
    expect((await delegate.submit(`${path}/statements`, { text: 'After the end.' }, path)).response.status).toBe(409)
    const page = await delegate.get(path)
    expect(page.html).toContain('The process this deliberation belongs to is concluded')
    expect(page.html).not.toContain('name="vote"')
  })

  it('answers a page while a large analysis runs in its worker thread', async () => {
    const planted = plantVotes({ participants: 20_000, statements: 300, votesPerParticipant: [40, 80], seed: 3 })
    const sparse = planted.grid.sparse()
    let finished = false
    const analysis = analyzeOffThread({
      votes: sparse,
      participantIds: planted.grid.participantIds,
      statementIds: sparse.statementIds,
      declared: [{ names: ['a', 'b', 'c', 'd', 'e'], labels: planted.regional }],
    }).then((out) => {
      finished = true
      return out
    })
    const started = performance.now()
    const page = await new TestClient(runtime).get('/deliberations')
    const answeredIn = performance.now() - started
    expect(page.response.status).toBe(200)
    // the page came back while the analysis was still running, and not after it
    expect(finished).toBe(false)
    const out = await analysis
    expect(out.result.totals.participants).toBe(20_000)
    expect(answeredIn).toBeLessThan(performance.now() - started)
  }, 120_000)
})
