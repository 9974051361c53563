// Contributions to a concluded process, on each database: no submission (page or API), revision,
// withdrawal or publication, with 409 process_concluded; the Secretariat still hides abuse with a
// public reason. The database refuses the same writes when a code path skips the rule.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { cdb } from './queries.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
const day = 86_400_000

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('contributions to a concluded process on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let processId: number
  let callId: number
  let question: number
  let author: TestClient
  let published: number
  let pending: number
  /** hidden by one test: apart from the ones the others read, so any order holds */
  let abusive: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'wg', name: 'Working group' }))
    processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'consultation',
        title: 'Consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    question = (await guidingQuestions(db, processId))[0]?.id as number
    const call = (moderation: 'immediate' | 'after_review') =>
      openCall(db, system(), processId, {
        title: `Call (${moderation})`,
        opensAt: new Date(Date.now() - day),
        // still open: only the conclusion stops submissions here
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['en'],
        moderation,
        questionIds: [question],
      })
    callId = must(await call('immediate')).id
    const reviewedCallId = must(await call('after_review')).id
    author = (await signUp(runtime, 'Early Contributor')).client
    const answer = (text: string) => ({ speaker: 'self', language: 'en', [`answers.${question}`]: text })
    published = await contribute(author, callId, answer('Said before the conclusion.'))
    pending = await contribute(author, reviewedCallId, answer('Waiting for review.'))
    const other = (await signUp(runtime, 'Abusive Contributor')).client
    abusive = await contribute(other, callId, answer('Something abusive about a third person.'))
    must(await changeProcessState(db, system(), processId, { to: 'concluded' }))
  })
  afterAll(() => runtime.close())

  async function contribute(client: TestClient, call: number, fields: Record<string, string>) {
    const sent = await postForm(client, `/calls/${call}/contribute`, `/calls/${call}/contribute`, fields)
    if (sent.response.status !== 303) throw new Error(`contribution refused: ${sent.response.status}`)
    return Number((sent.response.headers.get('location') as string).split('/').pop())
  }

  async function postForm(client: TestClient, page: string, action: string, fields: Record<string, string>) {
    await client.get(page)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    const response = await client.request(action, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    return { response, html: await response.text() }
  }

  it('refuses a new contribution on the page, keeping what was typed, and in the API, with process_concluded', async () => {
    const { client } = await signUp(runtime, 'Late Contributor')
    const page = await client.get(`/calls/${callId}/contribute`)
    expect(page.response.status).toBe(409)
    expect(page.html).toContain('This process is concluded')
    const typed = 'An answer after the conclusion.'
    const sent = await postForm(client, `/calls/${callId}/contribute`, `/calls/${callId}/contribute`, {
      speaker: 'self',
      language: 'en',
      [`answers.${question}`]: typed,
    })
    expect(sent.response.status).toBe(409)
    expect(sent.html).toContain(typed)
    expect(sent.html).toContain('This process is concluded')

    const delegate = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'KEN' })
    const api = new TestClient(runtime, {
      authorization: `Bearer ${await apiTokenFor(runtime, delegate.accountId)}`,
      'content-type': 'application/json',
    })
    const refused = await api.json(`/api/v1/calls/${callId}/contributions?lang=es`, {
      method: 'POST',
      body: JSON.stringify({ speakingFor: 'self', language: 'en', answers: [{ questionId: question, text: typed }] }),
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ id: 'process_concluded', error: expect.stringContaining('ha concluido') })
  })

  it('refuses to revise or withdraw a contribution, and no longer offers to', async () => {
    const page = (await author.get(`/contributions/${published}`)).html
    expect(page).not.toContain(`/contributions/${published}/withdraw`)
    const revised = await postForm(author, `/contributions/${published}`, `/contributions/${published}/revise`, {
      language: 'en',
      [`answers.${question}`]: 'Rewritten after the conclusion.',
    })
    expect(revised.response.status).toBe(409)
    const withdrawn = await author.submit(`/contributions/${published}/withdraw`, {}, `/contributions/${published}`)
    expect(withdrawn.response.status).toBe(409)
    expect(withdrawn.html).toContain('This process is concluded')
    const row = await cdb(db)
      .selectFrom('contributionsContribution')
      .select(['status', 'revisionCount'])
      .where('id', '=', published)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'published', revisionCount: 1 })
  })

  it('refuses to publish what waited for review, but lets the Secretariat hide abuse with a public reason', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const publish = await secretariat.submit(`/contributions/${pending}/publish`, {}, `/contributions/${pending}`)
    expect(publish.response.status).toBe(409)
    expect(publish.html).toContain('This process is concluded')
    const hidden = await secretariat.submit(
      `/contributions/${abusive}/hide`,
      { reason: 'Personal data of a third person' },
      `/contributions/${abusive}`,
    )
    expect(hidden.response.status).toBe(303)
    expect((await new TestClient(runtime).get(`/contributions/${abusive}`)).html).toContain(
      'Personal data of a third person',
    )
  })

  it('refuses, in the database, contributions, revisions, answers, attachments and edits, but not a hiding', async () => {
    const account = await sql<{ id: number }>`select id from auth_account limit 1`.execute(db)
    const accountId = account.rows[0]?.id as number
    const revision = await sql<{
      id: number
    }>`select id from contributions_revision where contribution_id = ${pending}`.execute(db)
    const attempts = [
      sql`insert into contributions_contribution (call_id, process_id, speaking_for, author_account_id, contributor_name,
        stakeholder_group, language, status) values (${callId}, ${processId}, 'self', ${accountId}, 'x', 'individual', 'en', 'published')`,
      sql`update contributions_contribution set language = 'fr' where id = ${pending}`,
      sql`update contributions_contribution set status = 'published', published_at = now() where id = ${pending}`,
      sql`update contributions_contribution set status = 'withdrawn' where id = ${pending}`,
      sql`insert into contributions_revision (contribution_id, number, language, created_by)
        values (${pending}, 2, 'en', ${accountId})`,
      sql`update contributions_answer set body = 'rewritten' where revision_id = ${revision.rows[0]?.id as number}`,
      sql`insert into contributions_attachment (contribution_id, revision_number, file_name, media_type, size_bytes, sha256, content)
        values (${pending}, 1, 'a.pdf', 'application/pdf', 1, 'x', '\\x00')`,
      sql`delete from contributions_answer where revision_id = ${revision.rows[0]?.id as number}`,
    ]
    for (const attempt of attempts) {
      await expect(attempt.execute(db), attempt.compile(db).sql).rejects.toThrow(
        /is concluded: its record is read-only/,
      )
    }
    await sql`update contributions_contribution set status = 'hidden', hidden_at = now(), hidden_reason = 'Abuse'
      where id = ${pending}`.execute(db)
  })
})
