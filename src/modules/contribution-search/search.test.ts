// Search in a call's contributions, on each database: every language found in its own language
// (stems, Arabic's proclitics, Chinese without word breaks), the counts by facet, campaigns, pages
// that continue without overlap, excerpts escaped, and what a reader may not see never found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { campaignMembersOfCall, rebuildCampaigns } from '../consultation/index.ts'
import {
  COUNT_LIMIT,
  type ImportedContribution,
  insertImportedContributions,
  searchContributions,
} from '../contributions/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'

const day = 86_400_000
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const CAMPAIGN =
  'Keep the Internet open, affordable and in every language, and let people take part in the decisions that shape the network wherever they live and whatever they speak.'

describe.each(DATABASE_KINDS)('search in contributions on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  let processId: number
  let questions: number[]
  let secretariat: TestClient
  const visitor = () => new TestClient(runtime)
  const search = (client: TestClient, query: string) =>
    client.json(`/api/v1/calls/${callId}/contributions/search?${query}`)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'search-wg', name: 'Search working group' }))
    processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'searched-consultation',
        title: 'Searched consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?', 'Who should take part?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    questions = (await guidingQuestions(db, processId)).map((q) => q.id)
    callId = must(
      await openCall(db, system(), processId, {
        title: 'Reviewed call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        moderation: 'after_review',
        questionIds: questions,
      }),
    ).id
    const staff = await accountWithRole(runtime, 'secretariat')
    secretariat = staff.client
    const row = (i: number, language: string, text: string, extra: Partial<ImportedContribution> = {}) => ({
      externalId: `S${i}`,
      submittedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      speakingFor: 'self' as const,
      memberStateIso3: null,
      organizationId: null,
      contributorName: `Speaker ${i}`,
      stakeholderGroup: 'individual',
      regionalGroup: null,
      ldc: false,
      lldc: false,
      sids: false,
      language,
      questionId: questions[0] as number,
      text,
      sourceLine: i,
      ...extra,
    })
    const rows = [
      row(1, 'en', 'International cooperation on cybersecurity must include developing countries.', {
        stakeholderGroup: 'civil_society',
        regionalGroup: 'african',
      }),
      row(2, 'fr', 'La coopération internationale doit associer les pays en développement.', {
        stakeholderGroup: 'academic_community',
        regionalGroup: 'weog',
      }),
      row(3, 'es', 'La cooperación internacional debe incluir a los países en desarrollo.', {
        questionId: questions[1] as number,
      }),
      row(4, 'ru', 'Международное сотрудничество должно включать развивающиеся страны.'),
      row(5, 'ar', 'والتعاون الدولي ضروري للبلدان النامية.'),
      row(6, 'zh', '国际合作对发展中国家很重要。'),
      row(7, 'en', 'Injected <script>alert("x")</script> & 1 < 2 "cooperation" claims.'),
      ...Array.from({ length: 24 }, (_, i) => row(100 + i, 'en', CAMPAIGN, { contributorName: `Campaigner ${i}` })),
    ]
    await db
      .transaction()
      .execute((trx) =>
        insertImportedContributions(
          trx,
          { callId, processId, authorAccountId: staff.accountId, importId: 0, sourceFile: 'test' },
          rows,
        ),
      )
    must(await rebuildCampaigns(db, system(), callId))
  }, 180_000)
  afterAll(() => runtime.close())

  const ids = (body: { data: { contribution: number }[] }) => body.data.map((h) => h.contribution)
  const speakers = (body: { data: { contributor: string }[] }) => body.data.map((h) => h.contributor).sort()

  it('finds each contribution in its own language: stems, Arabic proclitics and Chinese characters', async () => {
    const v = visitor()
    expect(speakers((await search(v, 'q=cooperating')).body)).toEqual(['Speaker 1', 'Speaker 7'])
    expect(speakers((await search(v, 'q=coopération')).body)).toEqual(['Speaker 2'])
    expect(speakers((await search(v, 'q=cooperación')).body)).toEqual(['Speaker 3'])
    expect(speakers((await search(v, `q=${encodeURIComponent('сотрудничества')}`)).body)).toEqual(['Speaker 4'])
    // the text says والتعاون ("and the cooperation"); the query without the conjunction finds it
    expect(speakers((await search(v, `q=${encodeURIComponent('التعاون')}`)).body)).toEqual(['Speaker 5'])
    expect(speakers((await search(v, `q=${encodeURIComponent('合作')}`)).body)).toEqual(['Speaker 6'])
    expect(speakers((await search(v, 'q="developing countries" cybersecurity')).body)).toEqual(['Speaker 1'])
    expect(speakers((await search(v, 'q=cooperation -cybersecurity&language=en')).body)).toEqual(['Speaker 7'])
  })

  it('counts the answers found by question, group, region, language and campaign, and narrows by each', async () => {
    const v = visitor()
    const all = (await search(v, 'q=language')).body
    expect(all.meta.total).toBe(24)
    expect(all.meta.facets.campaign).toEqual([{ key: 'yes', n: 24 }])
    const broad = (await search(v, 'q=cooperation or coopération or cooperación')).body
    expect(broad.meta.total).toBe(4)
    expect(broad.meta.facets.languages).toEqual([
      { key: 'en', n: 2 },
      { key: 'es', n: 1 },
      { key: 'fr', n: 1 },
    ])
    expect(broad.meta.facets.questions).toEqual([
      { key: String(questions[0]), n: 3 },
      { key: String(questions[1]), n: 1 },
    ])
    expect(broad.meta.facets.regions).toEqual([
      { key: 'none', n: 2 },
      { key: 'african', n: 1 },
      { key: 'weog', n: 1 },
    ])
    expect(broad.meta.facets.campaign).toEqual([{ key: 'no', n: 4 }])
    const q = 'q=cooperation or coopération or cooperación'
    expect(speakers((await search(v, `${q}&region=weog`)).body)).toEqual(['Speaker 2'])
    expect(speakers((await search(v, `${q}&region=none&language=en`)).body)).toEqual(['Speaker 7'])
    expect(speakers((await search(v, `${q}&stakeholderGroup=civil_society`)).body)).toEqual(['Speaker 1'])
    expect(speakers((await search(v, `${q}&question=${questions[1]}`)).body)).toEqual(['Speaker 3'])
    expect((await search(v, `${q}&campaign=yes`)).body.meta.total).toBe(0)
    expect((await search(v, 'q=language&campaign=no')).body.meta.total).toBe(0)
    const page = (await v.get(`/calls/${callId}/search?q=language`)).html
    expect(page).toContain(`href="/calls/${callId}/search?q=language&amp;campaign=yes"`)
  })

  it('pages newest first, twenty at a time, the next page continuing where the last ended', async () => {
    const v = visitor()
    const first = (await search(v, 'q=language')).body
    expect(first.data).toHaveLength(20)
    expect(first.meta.next).toMatch(/^\d+-\d+$/)
    const second = (await search(v, `q=language&after=${first.meta.next}`)).body
    expect(second.data).toHaveLength(4)
    expect(second.meta.next).toBeNull()
    const both = [...ids(first), ...ids(second)]
    expect(new Set(both).size).toBe(24)
    expect(both).toEqual([...both].sort((a, b) => b - a))
    const html = (await v.get(`/calls/${callId}/search?q=language`)).html
    expect(html).toContain(`after=${first.meta.next}`)
  })

  it('counts at most the newest answers found, and says when more match, the pages going on past them', async () => {
    const bounded = await searchContributions(
      runtime.deps.db,
      { callId, q: 'language', statuses: ['published'], limit: 20, countLimit: 10 },
      campaignMembersOfCall(callId),
    )
    expect(bounded.more).toBe(true)
    expect(bounded.total).toBe(10)
    expect(bounded.facets.campaign).toEqual([{ key: 'yes', n: 10 }])
    expect(bounded.hits).toHaveLength(20)
    expect(bounded.next).not.toBeNull()
    const all = (await search(visitor(), 'q=language')).body
    expect(all.meta.more).toBe(false)
    expect(COUNT_LIMIT).toBeGreaterThanOrEqual(1000)
    const html = (await visitor().get(`/calls/${callId}/search?q=language`)).html
    expect(html).toContain('24 answers found')
  })

  it('marks the words found and escapes everything a contributor wrote', async () => {
    const api = (await search(visitor(), 'q=injected')).body
    const pieces = api.data[0].excerpt as { text: string; match: boolean }[]
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['Injected'])
    // ts_headline leaves tags out of an excerpt; the contribution's page shows the text whole
    expect(pieces.map((p) => p.text).join('')).toContain('alert("x")')
    expect(pieces.map((p) => p.text).join('')).toContain('1 < 2')
    const html = (await visitor().get(`/calls/${callId}/search?q=injected`)).html
    expect(html).toContain('<mark>Injected</mark>')
    expect(html).toContain('alert(&quot;x&quot;)')
    expect(html).toContain('&amp; 1 &lt; 2')
    expect(html).not.toContain('<script>alert')
    const zh = (await search(visitor(), `q=${encodeURIComponent('合作')}`)).body.data[0].excerpt
    expect(zh.map((p: { text: string }) => p.text).join('')).toContain('国际合作对发展中国家很重要')
    expect(zh.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text)).toEqual(['合', '作'])
  })

  it('never shows a reader what they may not read: held for review, withdrawn, hidden, an earlier revision', async () => {
    const author = (await signUp(runtime, 'Author Person')).client
    const contribute = async (text: string) => {
      await author.get(`/calls/${callId}/contribute`)
      const form = new FormData()
      form.set('_csrf', author.lastCsrf)
      form.set('speaker', 'self')
      form.set('language', 'en')
      form.set(`answers.${questions[0]}`, text)
      const response = await author.request(`/calls/${callId}/contribute`, {
        method: 'POST',
        body: form,
        headers: { origin: 'http://localhost' },
      })
      expect(response.status).toBe(303)
      return Number((response.headers.get('location') as string).split('/').pop())
    }
    const id = await contribute('Multistakeholderism needs zebras.')
    expect((await search(visitor(), 'q=zebras')).body.meta.total).toBe(0)
    expect((await search(author, 'q=zebras')).body.meta.total).toBe(0)
    expect((await visitor().get(`/calls/${callId}/search?q=zebras`)).html).not.toContain('Author Person')
    const held = (await search(secretariat, 'q=zebras')).body
    expect(ids(held)).toEqual([id])
    expect(held.data[0].status).toBe('pending_review')

    await secretariat.submit(`/contributions/${id}/publish`, {}, `/contributions/${id}`)
    expect(ids((await search(visitor(), 'q=zebras')).body)).toEqual([id])

    const revised = await author.submit(
      `/contributions/${id}/revise`,
      { language: 'en', [`answers.${questions[1]}`]: 'Multistakeholderism needs giraffes.' },
      `/contributions/${id}/revise`,
    )
    expect(revised.response.status).toBe(303)
    expect((await search(visitor(), 'q=zebras')).body.meta.total).toBe(0)
    const now = (await search(visitor(), 'q=giraffes')).body
    expect(now.data.map((h: { question: number }) => h.question)).toEqual([questions[1]])

    await author.submit(`/contributions/${id}/withdraw`, { note: '' }, `/contributions/${id}`)
    expect((await search(visitor(), 'q=giraffes')).body.meta.total).toBe(0)
    expect((await search(secretariat, 'q=giraffes')).body.meta.total).toBe(0)

    const abusive = await contribute('Slanderous okapis everywhere.')
    const hidden = await secretariat.submit(
      `/contributions/${abusive}/hide`,
      { reason: 'Abuse' },
      `/contributions/${abusive}`,
    )
    expect(hidden.response.status).toBe(303)
    expect((await search(secretariat, 'q=okapis')).body.meta.total).toBe(0)
    expect((await search(visitor(), 'q=okapis')).body.meta.total).toBe(0)
  })

  it('refuses a query it cannot take with the reason, on the page beside the field and in the API', async () => {
    const v = visitor()
    expect((await search(v, '')).status).toBe(400)
    expect((await search(v, `q=${'a'.repeat(501)}`)).status).toBe(400)
    expect((await search(v, 'q=a%00b')).status).toBe(400)
    expect((await search(v, 'q=x&language=xx')).status).toBe(400)
    expect((await search(v, 'q=x&after=1-')).status).toBe(400)
    expect((await v.json(`/api/v1/calls/99999/contributions/search?q=x`)).status).toBe(404)
    const long = 'b'.repeat(501)
    const page = await v.get(`/calls/${callId}/search?q=${long}&region=weog`)
    expect(page.response.status).toBe(400)
    expect(page.html).toContain('id="field-q-error"')
    expect(page.html).toContain(`value="${long}"`)
    expect(page.html).toContain('name="region" value="weog"')
    expect((await v.get(`/calls/${callId}/search`)).response.status).toBe(200)
    expect((await v.get(`/calls/99999/search?q=x`)).response.status).toBe(404)
  })

  it('is linked from the process page for each call', async () => {
    const html = (await visitor().get(`/processes/${processId}`)).html
    expect(html).toContain(`href="/calls/${callId}/search"`)
  })
})
