// Drafts of contributions and forms that never lose work, on each database: a draft saved without
// scripts or by the page's script comes back to its author only and is gone once submitted; every
// refused form (submission, draft, withdrawal, hiding) comes back with what was typed and the reason
// beside its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { loadDemo } from '../../demo.ts'
import { callsOf, guidingQuestions, listProcesses } from '../processes/index.ts'
import { cdb } from './queries.ts'
import { ANSWER_MAX } from './rules/answers.ts'

describe.each(DATABASE_KINDS)('contribution drafts and refused forms on %s', (kind) => {
  let runtime: TestRuntime
  let open: { processId: number; callId: number; question: number }
  let closed: { callId: number; question: number }

  async function callOf(match: (slug: string) => boolean) {
    const process = (await listProcesses(runtime.deps.db)).find((p) => match(p.slug))
    if (!process) throw new Error('demo process missing')
    const [call] = await callsOf(runtime.deps.db, process.id)
    const [question] = await guidingQuestions(runtime.deps.db, process.id)
    return { processId: process.id, callId: call?.id as number, question: question?.id as number }
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    open = await callOf((s) => s.startsWith('cstd-enhanced-cooperation-'))
    closed = await callOf((s) => s === 'wgec-2016-2018')
  }, 180_000)
  afterAll(() => runtime.close())

  /** Posts the contribution form from its page as a browser does (multipart, CSRF token). */
  async function post(client: TestClient, action: string, fields: Record<string, string>, accept?: string) {
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    const response = await client.request(action, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost', ...(accept ? { accept } : {}) },
    })
    return { response, html: await response.text() }
  }

  const draftsOf = (callId: number) =>
    cdb(runtime.deps.db).selectFrom('contributionsDraft').selectAll().where('callId', '=', callId).execute()

  it('keeps a draft saved without scripts for its author, who finds it again and submits it', async () => {
    const { client } = await signUp(runtime, 'Drafting Contributor')
    const form = `/calls/${open.callId}/contribute`
    const page = await client.get(form)
    expect(page.html).toContain(`action="${form}/draft"`)
    expect(page.html).toContain(`formaction="${form}"`)
    const text = 'A first thought on enhanced cooperation, to finish tomorrow.'
    const saved = await post(client, `${form}/draft`, {
      speaker: 'self',
      language: 'fr',
      [`answers.${open.question}`]: text,
    })
    expect(saved.response.status).toBe(303)
    expect(saved.response.headers.get('location')).toBe(form)

    const back = await client.get(form)
    expect(back.html).toContain(text)
    expect(back.html).toMatch(/<option value="fr" selected/)
    expect(back.html).toContain('Draft saved')

    const submitted = await post(client, form, {
      speaker: 'self',
      language: 'en',
      [`answers.${open.question}`]: `${text} Done.`,
    })
    expect(submitted.response.status).toBe(303)
    expect(submitted.response.headers.get('location')).toMatch(/^\/contributions\/\d+$/)
    const contribution = await client.get(submitted.response.headers.get('location') as string)
    expect(contribution.html).toContain(`data-forget="contribute:${open.callId}`)
    const after = await client.get(form)
    expect(after.html).not.toContain(text)
    expect(after.html).not.toContain('Draft saved')
  })

  it('keeps a draft private to its author: another account, the public pages and the audit log never show it', async () => {
    const { client: author } = await signUp(runtime, 'Private Drafter')
    const secret = 'An unfinished sentence nobody else should read yet.'
    await author.get(`/calls/${open.callId}/contribute`)
    const saved = await post(author, `/calls/${open.callId}/contribute/draft`, {
      [`answers.${open.question}`]: secret,
    })
    expect(saved.response.status).toBe(303)

    const { client: other } = await signUp(runtime, 'Curious Neighbour')
    expect((await other.get(`/calls/${open.callId}/contribute`)).html).not.toContain(secret)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    expect((await secretariat.get(`/processes/${open.processId}/contributions`)).html).not.toContain(secret)
    expect((await new TestClient(runtime).get(`/processes/${open.processId}`)).html).not.toContain(secret)
    const entry = await cdb(runtime.deps.db)
      .selectFrom('auditEntry')
      .select(['public', 'payload'])
      .where('action', '=', 'contribution.draft_saved')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry.public).toBe(false)
    expect(JSON.stringify(entry.payload)).not.toContain(secret)
  })

  it('saves a draft for the page script as JSON, and refuses an over-long answer naming its field', async () => {
    const { client } = await signUp(runtime, 'Script Drafter')
    await client.get(`/calls/${open.callId}/contribute`)
    const saved = await post(
      client,
      `/calls/${open.callId}/contribute/draft`,
      { speaker: 'self', language: 'en', [`answers.${open.question}`]: 'Saved as I type.' },
      'application/json',
    )
    expect(saved.response.status).toBe(200)
    const body = JSON.parse(saved.html)
    expect(Date.parse(body.savedAt)).not.toBeNaN()
    expect(body.message).toContain('Draft saved')

    const tooLong = await post(
      client,
      `/calls/${open.callId}/contribute/draft`,
      { [`answers.${open.question}`]: 'x'.repeat(ANSWER_MAX + 1) },
      'application/json',
    )
    expect(tooLong.response.status).toBe(422)
    expect(JSON.parse(tooLong.html).issues).toEqual([
      expect.objectContaining({ path: `answers.${open.question}`, code: 'validation.tooLong' }),
    ])
    const [draft] = (await draftsOf(open.callId)).filter((d) => d.answers[String(open.question)] === 'Saved as I type.')
    expect(draft).toBeDefined()
  })

  it('refuses a draft for a call of a concluded process, keeping what was typed on the page', async () => {
    const { client } = await signUp(runtime, 'Late Drafter')
    await client.get(`/calls/${closed.callId}/contribute`)
    const refused = await post(client, `/calls/${closed.callId}/contribute/draft`, {
      [`answers.${closed.question}`]: 'Too late to keep.',
    })
    expect(refused.response.status).toBe(409)
    expect(refused.html).toContain('This process is concluded')
    expect(refused.html).toContain('Too late to keep.')
    expect(await draftsOf(closed.callId)).toEqual([])
  })

  it('brings an over-long submission back with every typed answer and the limit beside the field', async () => {
    const { client } = await signUp(runtime, 'Verbose Contributor')
    await client.get(`/calls/${open.callId}/contribute`)
    const long = `${'word '.repeat(10_000)}and one more`
    const refused = await post(client, `/calls/${open.callId}/contribute`, {
      speaker: 'self',
      language: 'en',
      [`answers.${open.question}`]: long,
    })
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain(long)
    expect(refused.html).toMatch(
      new RegExp(`id="field-answers-${open.question}-error">Enter at most 50,000 characters`),
    )
    expect(refused.html).toMatch(/<option value="en" selected/)
  })

  it('brings a refused withdrawal back on the page with the note typed and the reason beside it', async () => {
    const { client } = await signUp(runtime, 'Hasty Withdrawer')
    await client.get(`/calls/${open.callId}/contribute`)
    const sent = await post(client, `/calls/${open.callId}/contribute`, {
      speaker: 'self',
      language: 'en',
      [`answers.${open.question}`]: 'An answer to withdraw later.',
    })
    const path = sent.response.headers.get('location') as string
    const note = 'n'.repeat(1001)
    const refused = await client.submit(`${path}/withdraw`, { note }, path)
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain(`value="${note}"`)
    expect(refused.html).toMatch(/id="withdraw-field-note-error">Enter at most 1,000 characters/)
    // not withdrawn without its note, as it used to be
    expect(refused.html).toContain('An answer to withdraw later.')
    const withdrawn = await client.submit(`${path}/withdraw`, { note: 'Superseded.' }, path)
    expect(withdrawn.response.status).toBe(303)
    const again = await client.submit(`${path}/withdraw`, { note: 'Twice.' }, path)
    expect(again.response.status).toBe(409)
    expect(again.html).toContain('This contribution was withdrawn.')
  })

  it('brings a hiding without a reason back with the reason asked for beside the field', async () => {
    const { client } = await signUp(runtime, 'Moderated Contributor')
    await client.get(`/calls/${open.callId}/contribute`)
    const sent = await post(client, `/calls/${open.callId}/contribute`, {
      speaker: 'self',
      language: 'en',
      [`answers.${open.question}`]: 'Something to moderate.',
    })
    const path = sent.response.headers.get('location') as string
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const refused = await secretariat.submit(`${path}/hide`, { reason: '   ' }, path)
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(/id="hide-field-reason-error">/)
    expect(refused.html).toContain('Something to moderate.')
  })
})
