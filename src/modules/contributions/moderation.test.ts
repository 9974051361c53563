// A call moderated after review, on each database: a contribution waits, seen only by its author and
// the Secretariat, out of the process's list and API, until the Secretariat publishes it (once, in
// the audit log); nobody else may publish, and abuse is hidden with a public reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
const day = 86_400_000

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('a call moderated after review on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let callId: number
  let question: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'moderated-wg', name: 'Moderated working group' }))
    processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'moderated-consultation',
        title: 'Moderated consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    question = (await guidingQuestions(db, processId))[0]?.id as number
    callId = must(
      await openCall(db, system(), processId, {
        title: 'Reviewed call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['en'],
        moderation: 'after_review',
        questionIds: [question],
      }),
    ).id
  })
  afterAll(() => runtime.close())

  async function contribute(client: TestClient, text: string): Promise<number> {
    await client.get(`/calls/${callId}/contribute`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries({ speaker: 'self', language: 'en', [`answers.${question}`]: text }))
      form.set(k, v)
    const response = await client.request(`/calls/${callId}/contribute`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    expect(response.status).toBe(303)
    return Number((response.headers.get('location') as string).split('/').pop())
  }

  const listed = async (text: string) => {
    const api = await new TestClient(runtime).json(`/api/v1/processes/${processId}/contributions`)
    const page = (await new TestClient(runtime).get(`/processes/${processId}/contributions`)).html
    return { api: JSON.stringify(api.body).includes(text), page: page.includes(text) }
  }

  it('keeps a contribution out of public view until the Secretariat publishes it, once', async () => {
    const { client: author } = await signUp(runtime, 'Patient Contributor')
    const text = 'Enhanced cooperation should make decisions traceable.'
    const id = await contribute(author, text)
    expect((await new TestClient(runtime).get(`/contributions/${id}`)).response.status).toBe(404)
    expect((await author.get(`/contributions/${id}`)).html).toContain(text)
    expect(await listed(text)).toEqual({ api: false, page: false })

    const { client: bystander } = await signUp(runtime, 'Eager Bystander')
    const refused = await bystander.submit(`/contributions/${id}/publish`, {}, `/calls/${callId}/contribute`)
    expect(refused.response.status).toBe(403)
    expect((await new TestClient(runtime).get(`/contributions/${id}`)).response.status).toBe(404)

    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const published = await secretariat.submit(`/contributions/${id}/publish`, {}, `/contributions/${id}`)
    expect(published.response.status).toBe(303)
    expect((await new TestClient(runtime).get(`/contributions/${id}`)).html).toContain(text)
    expect(await listed(text)).toEqual({ api: true, page: true })
    const again = await secretariat.submit(`/contributions/${id}/publish`, {}, `/contributions/${id}`)
    expect(again.response.status).toBe(409)
    const entries = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('action')
      .where('action', '=', 'contribution.published')
      .where('subjectId', '=', String(id))
      .execute()
    expect(entries).toHaveLength(1)
  })

  it('lets the Secretariat hide a waiting contribution with a public reason, which is then never published', async () => {
    const { client: author } = await signUp(runtime, 'Abusive Contributor')
    const id = await contribute(author, 'Something abusive about a named person.')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const noReason = await secretariat.submit(`/contributions/${id}/hide`, { reason: '' }, `/contributions/${id}`)
    expect(noReason.response.status).toBeGreaterThanOrEqual(400)
    const hidden = await secretariat.submit(
      `/contributions/${id}/hide`,
      { reason: 'Personal attack on a named person' },
      `/contributions/${id}`,
    )
    expect(hidden.response.status).toBe(303)
    const page = (await new TestClient(runtime).get(`/contributions/${id}`)).html
    expect(page).toContain('Personal attack on a named person')
    expect(page).not.toContain('Something abusive')
    const publish = await secretariat.submit(`/contributions/${id}/publish`, {}, `/contributions/${id}`)
    expect(publish.response.status).toBe(409)
  })
})
