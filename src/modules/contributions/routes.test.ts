// Contributions end to end on each database, on the demo's WGEC process (its call closed in 2016)
// and this year's standing item (its call open): deadlines and extensions, who may speak for whom,
// revisions, withdrawal, moderation, attachments, idempotent API submission, the compilation.
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, signIn, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { loadDemo } from '../../demo.ts'
import { DEMO_PASSWORD } from '../accounts/index.ts'
import { callsOf, changeProcessState, guidingQuestions, listProcesses, openCall } from '../processes/index.ts'
import { contributionsModule } from './module.tsx'
import { cdb, publishedWithAnswers, summaryRows } from './queries.ts'
import { summarize, summaryFromGroups } from './rules/summary.ts'

const MINIMAL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

describe.each(DATABASE_KINDS)('contributions on %s', (kind) => {
  let runtime: TestRuntime
  let wgec: { processId: number; callId: number; questions: number[] }
  let standing: { processId: number; callId: number; questions: number[] }

  async function processBySlug(match: (slug: string) => boolean) {
    const process = (await listProcesses(runtime.deps.db)).find((p) => match(p.slug))
    if (!process) throw new Error('demo process missing')
    const [call] = await callsOf(runtime.deps.db, process.id)
    const questions = (await guidingQuestions(runtime.deps.db, process.id)).map((q) => q.id)
    return { processId: process.id, callId: call?.id as number, questions }
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    wgec = await processBySlug((s) => s === 'wgec-2016-2018')
    standing = await processBySlug((s) => s.startsWith('cstd-enhanced-cooperation-'))
    // the demo's WGEC is concluded (read-only); these tests replay its call, so it is reopened
    const reopened = await changeProcessState(runtime.deps.db, { actor: SYSTEM, now: new Date() }, wgec.processId, {
      to: 'active',
      reason: 'Reopened to test its call',
    })
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.error))
  }, 180_000)
  afterAll(() => runtime.close())

  /** Posts the contribution form as a browser does (multipart, with the page's CSRF token). */
  async function contribute(
    client: TestClient,
    callId: number,
    fields: Record<string, string>,
    files: { name: string; content: Uint8Array<ArrayBuffer>; type?: string }[] = [],
    action = `/calls/${callId}/contribute`,
  ) {
    await client.get(action.endsWith('/revise') ? action : `/calls/${callId}/contribute`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    for (const f of files) form.append('attachments', new Blob([f.content], { type: f.type ?? '' }), f.name)
    const response = await client.request(action, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    return { response, html: await response.text() }
  }

  it('refuses a submission after the closing time, naming it, until the Chair extends the call', async () => {
    const { client } = await signUp(runtime, 'Late Contributor')
    const late = await contribute(client, wgec.callId, {
      speaker: 'self',
      language: 'en',
      [`answers.${wgec.questions[0]}`]: 'A late answer.',
    })
    expect(late.response.status).toBe(409)
    expect(late.html).toContain('closed on')
    expect(late.html).toContain('2016')

    const chair = await signIn(runtime, 'chair@ecp.example', DEMO_PASSWORD)
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const extended = await chair.submit(`/calls/${wgec.callId}/extend`, { until }, `/processes/${wgec.processId}`)
    expect(extended.response.status).toBe(303)

    const accepted = await contribute(client, wgec.callId, {
      speaker: 'self',
      language: 'en',
      [`answers.${wgec.questions[0]}`]: 'A late answer, accepted after the extension.',
    })
    expect(accepted.response.status).toBe(303)
    const page = await client.get(accepted.response.headers.get('location') as string)
    expect(page.html).toContain('A late answer, accepted after the extension.')
  })

  it('shows answers in the language they are written in: Arabic right to left on an English page', async () => {
    const { client } = await signUp(runtime, 'Arabic Speaker')
    const sent = await contribute(client, standing.callId, {
      speaker: 'self',
      language: 'ar',
      [`answers.${standing.questions[0]}`]: 'نرحب بالتعاون المعزز.',
    })
    expect(sent.response.status).toBe(303)
    const page = await client.get(`${sent.response.headers.get('location')}?lang=en`)
    expect(page.html).toContain('<html lang="en" dir="ltr"')
    expect(page.html).toMatch(/<div class="prose" lang="ar" dir="rtl"><p>نرحب بالتعاون المعزز\.<\/p>/)
  })

  it('lets a participant refuse to be cast as someone else: a person speaks only in the voices they hold', async () => {
    const { client } = await signUp(runtime, 'Not A Delegate')
    const posing = await contribute(client, standing.callId, {
      speaker: 'member_state:BRA',
      language: 'en',
      [`answers.${standing.questions[0]}`]: 'Pretending to speak for Brazil.',
    })
    expect(posing.response.status).toBe(403)
    // nothing on the call carries that text, whoever it would have been attributed to
    const rows = await cdb(runtime.deps.db)
      .selectFrom('contributionsAnswer')
      .select('revisionId')
      .where('body', 'like', '%Pretending to speak for Brazil%')
      .execute()
    expect(rows).toHaveLength(0)
  })

  it('takes contributions from members only when the call says so', async () => {
    const ctx = { actor: SYSTEM, now: new Date() }
    const call = await openCall(runtime.deps.db, ctx, wgec.processId, {
      title: 'Members-only consultation',
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 86_400_000),
      eligibility: 'members',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: [wgec.questions[0] as number],
    })
    if (!call.ok) throw new Error(JSON.stringify(call.error))
    const member = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'KEN' })
    const outsider = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'NOR' })
    const answer = { language: 'en', [`answers.${wgec.questions[0]}`]: 'Our view.' }
    const refused = await contribute(outsider.client, call.value.id, { ...answer, speaker: 'member_state:NOR' })
    expect(refused.response.status).toBe(403)
    const self = await contribute(member.client, call.value.id, { ...answer, speaker: 'self' })
    expect(self.response.status).toBe(403)
    const taken = await contribute(member.client, call.value.id, { ...answer, speaker: 'member_state:KEN' })
    expect(taken.response.status).toBe(303)
  })

  it('keeps and shows every revision, and a State speaks once however many delegates it has', async () => {
    const first = await accountWithRole(
      runtime,
      'government_delegate',
      { type: 'member_state', id: 'CHE' },
      'Delegate A',
    )
    const second = await accountWithRole(
      runtime,
      'government_delegate',
      { type: 'member_state', id: 'CHE' },
      'Delegate B',
    )
    const q = standing.questions[0] as number
    const submitted = await contribute(first.client, standing.callId, {
      speaker: 'member_state:CHE',
      language: 'en',
      [`answers.${q}`]: 'Switzerland: first wording.',
    })
    expect(submitted.response.status).toBe(303)
    const path = submitted.response.headers.get('location') as string
    const again = await contribute(second.client, standing.callId, {
      speaker: 'member_state:CHE',
      language: 'en',
      [`answers.${q}`]: 'A second contribution for the same State.',
    })
    expect(again.response.status).toBe(409)
    const revised = await contribute(
      second.client,
      standing.callId,
      { language: 'en', [`answers.${q}`]: 'Switzerland: second wording, by a fellow delegate.' },
      [],
      `${path}/revise`,
    )
    expect(revised.response.status).toBe(303)
    const page = (await new TestClient(runtime).get(path)).html
    expect(page).toContain('Switzerland: second wording, by a fellow delegate.')
    expect(page).toContain('Switzerland: first wording.')
    expect(page).toMatch(/Revision 1 of/)
  })

  it('leaves a public note when a contribution is withdrawn, and hides abuse with a public reason', async () => {
    const { client } = await signUp(runtime, 'Changed Mind')
    const q = standing.questions[0] as number
    const made = await contribute(client, standing.callId, {
      speaker: 'self',
      language: 'en',
      [`answers.${q}`]: 'Soon withdrawn.',
    })
    const path = made.response.headers.get('location') as string
    const withdrawn = await client.submit(`${path}/withdraw`, { note: 'Superseded by our joint text.' }, path)
    expect(withdrawn.response.status).toBe(303)
    const publicView = (await new TestClient(runtime).get(path)).html
    expect(publicView).toContain('withdrawn by its contributor')
    expect(publicView).toContain('Superseded by our joint text.')
    expect(publicView).not.toContain('Soon withdrawn.')

    const { client: troll } = await signUp(runtime, 'Troll')
    const abuse = await contribute(troll, standing.callId, {
      speaker: 'self',
      language: 'en',
      [`answers.${q}`]: 'Abusive words.',
    })
    const abusePath = abuse.response.headers.get('location') as string
    const anonymous = new TestClient(runtime)
    expect((await anonymous.get(abusePath)).html).toContain('Abusive words.')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const participantTries = await troll.submit(`${abusePath}/hide`, { reason: 'no' }, abusePath)
    expect(participantTries.response.status).toBe(403)
    const hidden = await secretariat.submit(`${abusePath}/hide`, { reason: 'Personal attacks.' }, abusePath)
    expect(hidden.response.status).toBe(303)
    const after = (await anonymous.get(abusePath)).html
    expect(after).toContain('Personal attacks.')
    expect(after).not.toContain('Abusive words.')
    const id = Number(abusePath.split('/').pop())
    const row = await cdb(runtime.deps.db)
      .selectFrom('contributionsRevision')
      .select('id')
      .where('contributionId', '=', id)
      .execute()
    expect(row).toHaveLength(1)
  })

  it('accepts a PDF checked by its content and refuses a text file renamed .pdf', async () => {
    const { client } = await signUp(runtime, 'Attaching Person')
    const q = standing.questions[0] as number
    const fields = { speaker: 'self', language: 'en', [`answers.${q}`]: 'With a paper attached.' }
    const renamed = await contribute(client, standing.callId, fields, [
      { name: 'paper.pdf', content: new TextEncoder().encode('just text'), type: 'application/pdf' },
    ])
    expect(renamed.response.status).toBe(422)
    expect(renamed.html).toContain('paper.pdf')
    expect(renamed.html).toContain('is not a PDF, Word (.docx) or OpenDocument (.odt) file')
    // what was typed is kept
    expect(renamed.html).toContain('With a paper attached.')
    const big = new Uint8Array(runtime.deps.config.attachmentMaxBytes + 1)
    big.set(MINIMAL_PDF)
    const tooLarge = await contribute(client, standing.callId, fields, [{ name: 'huge.pdf', content: big }])
    expect(tooLarge.response.status).toBe(422)
    expect(tooLarge.html).toMatch(/huge\.pdf is larger than \d+ MB/)
    const ok = await contribute(client, standing.callId, fields, [{ name: 'paper.pdf', content: MINIMAL_PDF }])
    expect(ok.response.status).toBe(303)
    const page = (await client.get(ok.response.headers.get('location') as string)).html
    const href = /href="(\/attachments\/\d+)"/.exec(page)?.[1] as string
    const file = await new TestClient(runtime).request(href)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(MINIMAL_PDF)
  })

  it('keeps at most three files a revision from the form, and only files sent as attachments', async () => {
    const { client } = await signUp(runtime, 'Many Files Person')
    const q = standing.questions[0] as number
    const fields = { speaker: 'self', language: 'en', [`answers.${q}`]: 'With many papers.' }
    const pdf = (i: number) => ({ name: `paper-${i}.pdf`, content: MINIMAL_PDF })
    const tooMany = await contribute(client, standing.callId, fields, [1, 2, 3, 4].map(pdf))
    expect(tooMany.response.status).toBe(422)
    expect(tooMany.html).toContain('Choose at most 3 items')
    // files under other field names are not kept
    await client.get(`/calls/${standing.callId}/contribute`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    form.append('attachments', new Blob([MINIMAL_PDF]), 'kept.pdf')
    for (let i = 0; i < 5; i++) form.append(`smuggled${i}`, new Blob([MINIMAL_PDF]), `smuggled-${i}.pdf`)
    const sent = await client.request(`/calls/${standing.callId}/contribute`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    expect(sent.status).toBe(303)
    const page = (await client.get(sent.headers.get('location') as string)).html
    expect(page).toContain('kept.pdf')
    expect(page).not.toContain('smuggled')
    const revision = await contribute(
      client,
      standing.callId,
      fields,
      [1, 2, 3, 4].map(pdf),
      `${sent.headers.get('location')}/revise`,
    )
    expect(revision.response.status).toBe(422)
  })

  it('stores an API submission once when it is retried with the same Idempotency-Key', async () => {
    const { accountId } = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'JPN' })
    const token = await apiTokenFor(runtime, accountId)
    const api = new TestClient(runtime, { authorization: `Bearer ${token}`, 'content-type': 'application/json' })
    const body = JSON.stringify({
      speakingFor: 'member_state',
      memberState: 'JPN',
      language: 'en',
      answers: [{ questionId: standing.questions[0], text: 'Japan, through the API.' }],
    })
    const headers = { 'idempotency-key': 'jpn-2026-11-25-1' }
    const first = await api.json(`/api/v1/calls/${standing.callId}/contributions`, { method: 'POST', body, headers })
    const retry = await api.json(`/api/v1/calls/${standing.callId}/contributions`, { method: 'POST', body, headers })
    expect(first.status).toBe(201)
    expect(retry.status).toBe(201)
    expect(retry.body.id).toBe(first.body.id)
    const reused = await api.json(`/api/v1/calls/${standing.callId}/contributions`, {
      method: 'POST',
      body: body.replace('through the API', 'changed'),
      headers,
    })
    expect(reused.status).toBe(409)
    const rows = await cdb(runtime.deps.db)
      .selectFrom('contributionsContribution')
      .select('id')
      .where('memberStateIso3', '=', 'JPN')
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('answers a double submission with the domain answer and stores it, whatever the keys', async () => {
    const { accountId } = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'ISL' })
    const token = await apiTokenFor(runtime, accountId)
    const api = new TestClient(runtime, { authorization: `Bearer ${token}`, 'content-type': 'application/json' })
    const body = JSON.stringify({
      speakingFor: 'member_state',
      memberState: 'ISL',
      language: 'en',
      answers: [{ questionId: standing.questions[0], text: 'Iceland, clicking twice.' }],
    })
    const url = `/api/v1/calls/${standing.callId}/contributions`
    // five different keys and three times one key, all at once, as impatient clients would
    const keys = ['isl-a', 'isl-b', 'isl-c', 'isl-d', 'isl-e', 'isl-same', 'isl-same', 'isl-same']
    const sent = await Promise.all(
      keys.map((key) => api.json(url, { method: 'POST', body, headers: { 'idempotency-key': key } })),
    )
    // one contribution is created: every 201 is that one answer, from one key (when the repeated
    // key wins the race, its other two requests are replays of the same answer)
    const created = sent.filter((r) => r.status === 201)
    expect(created.length).toBeGreaterThanOrEqual(1)
    expect(new Set(created.map((r) => JSON.stringify(r.body))).size).toBe(1)
    expect(new Set(keys.filter((_, i) => sent[i]?.status === 201)).size).toBe(1)
    for (const r of sent.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409)
      expect(r.body.id).toBe('already_contributed')
    }
    // the same key answered the same each time, and a retry of any key gets its first answer again
    const same = sent.filter((_, i) => keys[i] === 'isl-same')
    expect(new Set(same.map((r) => JSON.stringify(r.body))).size).toBe(1)
    for (const [i, key] of keys.entries()) {
      const retry = await api.json(url, { method: 'POST', body, headers: { 'idempotency-key': key } })
      expect([key, retry.status, retry.body]).toEqual([key, sent[i]?.status, sent[i]?.body])
    }
    const rows = await cdb(runtime.deps.db)
      .selectFrom('contributionsContribution')
      .select('id')
      .where('memberStateIso3', '=', 'ISL')
      .where('callId', '=', standing.callId)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('filters the contributions by language, group and question, on the page and in the API', async () => {
    const anonymous = new TestClient(runtime)
    const french = await anonymous.json(`/api/v1/processes/${wgec.processId}/contributions?language=fr`)
    expect(french.body.data.map((k: { contributor: string }) => k.contributor)).toEqual(['France'])
    const governments = await anonymous.json(
      `/api/v1/processes/${wgec.processId}/contributions?stakeholderGroup=government`,
    )
    expect(governments.body.data.length).toBeGreaterThanOrEqual(3)
    expect(governments.body.data.every((k: { stakeholderGroup: string }) => k.stakeholderGroup === 'government')).toBe(
      true,
    )
    const page = (await anonymous.get(`/processes/${wgec.processId}/contributions?language=fr`)).html
    expect(page).toContain('France')
    expect(page).not.toContain('South Africa')
  })

  it('compiles the contributions by guiding question, with the summary, in HTML, Word and from the CLI', async () => {
    const anonymous = new TestClient(runtime)
    const html = (await anonymous.get(`/processes/${wgec.processId}/compilation`)).html
    expect(html).toContain('By stakeholder group')
    expect(html).toContain('Brazil')
    expect(html).toContain('Latin American and Caribbean Group')

    const docx = await anonymous.request(`/processes/${wgec.processId}/compilation.docx`)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value
    expect(text).toContain('developing and least developed countries')

    const out = join(await mkdtemp(join(tmpdir(), 'ecp-compile-')), 'wgec.docx')
    const lines: string[] = []
    const command = contributionsModule.commands?.find((c) => c.name === 'compile')
    const code = await command?.run([String(wgec.processId), '--out', out], {
      deps: runtime.deps,
      log: runtime.deps.log,
      out: (line) => lines.push(line),
    })
    expect(code).toBe(0)
    expect(lines).toEqual([out])
    const cli = (await mammoth.extractRawText({ buffer: await readFile(out) })).value
    expect(cli).toContain('La coopération renforcée')
  })

  it('keeps the summary counts equal to a recount after submissions, revisions, withdrawals and hiding', async () => {
    for (const target of [wgec, standing]) {
      const kept = summaryFromGroups(await summaryRows(runtime.deps.db, target.processId))
      const recount = summarize(await publishedWithAnswers(runtime.deps.db, target.processId))
      expect(kept).toEqual(recount)
      expect(kept.total).toBeGreaterThan(0)
    }
  })
})
