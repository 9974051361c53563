// A consultation's contributions listed a page at a time by keyset, on each database: the page
// and the API continue `after` the last contribution shown, visit each one once, newest first;
// an old `page` link lands on the same contributions; a rare filter pages like a broad one; a bad
// `after` is refused with its reason, never a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { importedPerson, must, openConsultation, system } from './open-call-fixture.ts'
import { startImport } from './queries-intake.ts'

/** 60 contributions: every seventh in Russian (9 of them), the others in English. */
const ROWS = 60
const languageOf = (i: number) => (i % 7 === 0 ? 'ru' : 'en')

describe.each(DATABASE_KINDS)('the contributions list by keyset on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let client: TestClient
  /** the contributions' ids, newest first */
  let ids: number[]
  const languages = new Map<number, string>()

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const opened = await openConsultation(db, 'keyset-consultation', { languages: ['en', 'ru'] })
    processId = opened.processId
    const callId = opened.callId
    const questionId = opened.questionIds[0] as number
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const started = must(
      await startImport(db, system(), { callId, accountId, fileName: 'k.csv', format: 'csv', sha256: 'k' }),
    )
    const made = await insertImportedContributions(
      db,
      { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: 'k.csv' },
      Array.from({ length: ROWS }, (_, i) =>
        importedPerson(i, { prefix: 'k', language: languageOf(i), questionId, text: `Contribution number ${i}.` }),
      ),
    )
    ids = made.map((m) => m.id).sort((a, b) => b - a)
    for (const m of made) languages.set(m.id, languageOf(m.sourceLine - 1))
    client = new TestClient(runtime)
  }, 180_000)
  afterAll(() => runtime.close())

  const shown = (html: string) => [...html.matchAll(/<a href="\/contributions\/([0-9]+)">/g)].map((m) => Number(m[1]))
  const nextLink = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null

  async function walk(first: string): Promise<{ seen: number[]; pages: number }> {
    const seen: number[] = []
    let pages = 0
    for (let path: string | null = first; path !== null; pages++) {
      const { response, html } = await client.get(path)
      expect(response.status).toBe(200)
      seen.push(...shown(html))
      path = nextLink(html)
      if (path !== null) expect(path).toMatch(/[?&]after=[0-9]+/)
    }
    return { seen, pages }
  }

  it('visits every contribution once, newest first, following the next page after the last one shown', async () => {
    const { seen, pages } = await walk(`/processes/${processId}/contributions`)
    expect(seen).toEqual(ids)
    expect(pages).toBe(3)
  })

  it('pages a filter matching a few through their own index, keeping the filter in the next link', async () => {
    const russian = ids.filter((id) => languages.get(id) === 'ru')
    const { seen } = await walk(`/processes/${processId}/contributions?language=ru`)
    expect(seen).toEqual(russian)
    expect(seen).toHaveLength(9)
    const none = await client.get(`/processes/${processId}/contributions?language=fr`)
    expect(shown(none.html)).toEqual([])
    expect(nextLink(none.html)).toBeNull()
  })

  it('takes an old link to page 2 to the same contributions, by keyset', async () => {
    const response = await client.request(`/processes/${processId}/contributions?page=2`)
    expect(response.status).toBe(302)
    const location = response.headers.get('location') as string
    expect(location).toBe(`/processes/${processId}/contributions?after=${ids[24]}`)
    expect(shown((await client.get(location)).html)).toEqual(ids.slice(25, 50))
  })

  it('gives the API’s next page in meta.next, null on the last, and still answers an old page number', async () => {
    const first = await client.json(`/api/v1/processes/${processId}/contributions`)
    expect(first.status).toBe(200)
    expect(first.body.data.map((k: { id: number }) => k.id)).toEqual(ids.slice(0, 50))
    expect(first.body.meta).toEqual({ total: ROWS, next: ids[49] })
    const second = await client.json(`/api/v1/processes/${processId}/contributions?after=${first.body.meta.next}`)
    expect(second.body.data.map((k: { id: number }) => k.id)).toEqual(ids.slice(50))
    expect(second.body.meta.next).toBeNull()
    const byPage = await client.json(`/api/v1/processes/${processId}/contributions?page=2`)
    expect(byPage.body.data.map((k: { id: number }) => k.id)).toEqual(ids.slice(50))
  })

  it.each(['abc', '0', '-5', '1e3', '12.5', '1234567890123456', ''])(
    'refuses after=%j with the reason, on the page and in the API',
    async (bad) => {
      const page = await client.get(`/processes/${processId}/contributions?after=${encodeURIComponent(bad)}`)
      expect(page.response.status).toBe(400)
      expect(page.html).toContain('must be the number of a contribution')
      const api = await client.json(`/api/v1/processes/${processId}/contributions?after=${encodeURIComponent(bad)}`)
      expect(api.status).toBe(400)
      expect(api.body.issues).toEqual([expect.objectContaining({ path: 'after', code: 'validation.format' })])
    },
  )
})
