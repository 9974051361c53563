// The library on each database: real queries in each of the six languages find documents in
// their own language (inflected forms, Chinese without word breaks, Arabic with proclitics),
// results are ranked and faceted, any query gets a list and never an error, language versions
// link to each other, and suggestions wait for the focal point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { publishItem } from './commands.ts'
import { searchLibrary } from './queries.ts'

const ITEMS = [
  {
    language: 'en',
    title: 'Enhanced cooperation between governments',
    abstract: 'How governments cooperate on international Internet public policy.',
    issueSlugs: ['cybercrime'],
    publishedOn: '2020-01-01',
  },
  {
    language: 'en',
    title: 'Spam and the economics of e-mail',
    abstract: 'Unsolicited bulk messages, their cost, and what governments do about them.',
    issueSlugs: ['spam'],
    publishedOn: '2019-01-01',
  },
  {
    language: 'fr',
    title: 'La coopération renforcée entre les gouvernements',
    abstract: 'Les gouvernements coopèrent sur les politiques publiques internationales de l’Internet.',
    issueSlugs: ['cybercrime'],
    publishedOn: '2021-01-01',
  },
  {
    language: 'es',
    title: 'La cooperación mejorada entre los gobiernos',
    abstract: 'Los gobiernos y las partes interesadas cooperan en políticas públicas.',
    issueSlugs: ['cybercrime'],
    publishedOn: '2021-06-01',
  },
  {
    language: 'ru',
    title: 'Расширенное сотрудничество правительств',
    abstract: 'Государства сотрудничают по вопросам международной политики в области Интернета.',
    issueSlugs: ['cybercrime'],
    publishedOn: '2022-01-01',
  },
  {
    language: 'zh',
    title: '各国政府之间的加强合作',
    abstract: '各国政府在与互联网有关的国际公共政策问题上开展合作。',
    issueSlugs: ['cybercrime'],
    publishedOn: '2022-06-01',
  },
  {
    language: 'ar',
    title: 'التعاون المعزز بين الحكومات',
    abstract: 'تتعاون الحكومات في قضايا السياسة العامة الدولية المتصلة بالإنترنت.',
    issueSlugs: ['cybercrime'],
    publishedOn: '2023-01-01',
  },
] as const

describe.each(DATABASE_KINDS)('the knowledge library on %s', (kind) => {
  let runtime: TestRuntime
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    let first: number | undefined
    for (const item of ITEMS) {
      const published = await publishItem(
        runtime.deps.db,
        { actor: SYSTEM, now: new Date() },
        {
          ...item,
          type: 'paper',
          issueSlugs: [...item.issueSlugs],
          versionOf: item.title.includes('Spam') ? undefined : first,
        },
      )
      if (!published.ok) throw new Error(JSON.stringify(published.error))
      ids[`${item.language}${item.title.includes('Spam') ? '-spam' : ''}`] = published.value.id
      if (!item.title.includes('Spam')) first ??= published.value.id
    }
  })
  afterAll(() => runtime.close())

  const search = async (q: string) =>
    (await searchLibrary(runtime.deps.db, { q, limit: 20, offset: 0 })).rows.map((r) => r.id)

  it('finds documents by inflected forms in English, French, Spanish and Russian', async () => {
    expect(await search('cooperating governments')).toContain(ids.en)
    expect(await search('coopérations renforcées')).toEqual([ids.fr])
    expect(await search('cooperaciones mejoradas')).toEqual([ids.es])
    expect(await search('сотрудничества правительства')).toEqual([ids.ru])
  })

  it('finds Chinese without word breaks, and Arabic with a conjunction before the article', async () => {
    expect(await search('加强合作')).toEqual([ids.zh])
    expect(await search('政府合作')).toEqual([ids.zh])
    expect(await search('والتعاون')).toEqual([ids.ar])
    expect(await search('الحكومات')).toEqual([ids.ar])
  })

  const publish = async (item: { title: string; abstract: string; publishedOn: string }) => {
    const published = await publishItem(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { ...item, language: 'en', type: 'paper', issueSlugs: [] },
    )
    if (!published.ok) throw new Error(JSON.stringify(published.error))
    return published.value.id
  }

  it('ranks the better match first, ahead of a newer and later-added weaker one', async () => {
    // the ties fall to the newest, then the last added: a rank that counted for nothing would put
    // the weaker match, published later and added after, first
    const strong = await publish({
      title: 'Satellite broadband: licensing satellite constellations',
      abstract: 'Satellite operators, satellite spectrum and satellite orbits.',
      publishedOn: '2010-01-01',
    })
    const weak = await publish({
      title: 'Spectrum policy notes',
      abstract: 'A note on spectrum that mentions a satellite once.',
      publishedOn: '2024-01-01',
    })
    const rows = (await searchLibrary(runtime.deps.db, { q: 'satellite', limit: 20, offset: 0 })).rows
    expect(rows.map((r) => r.id)).toEqual([strong, weak])
    expect(rows[0]?.rank).toBeGreaterThan(rows[1]?.rank ?? Number.POSITIVE_INFINITY)
  })

  it('ranks the document about governments first and counts facets over the results', async () => {
    // both English documents mention governments; the one about them in its title comes first
    const governments = (await searchLibrary(runtime.deps.db, { q: 'governments', limit: 20, offset: 0 })).rows
    expect(governments.map((r) => r.id)).toEqual([ids.en, ids['en-spam']])
    const result = await searchLibrary(runtime.deps.db, { q: 'spam', limit: 20, offset: 0 })
    expect(result.rows.map((r) => r.id)).toEqual([ids['en-spam']])
    // the seeded work on cybercrime in six languages: other tests add items on no issue
    const all = await searchLibrary(runtime.deps.db, { issue: 'cybercrime', limit: 20, offset: 0 })
    expect(all.total).toBe(6)
    expect(all.facets.languages.map((f) => [f.key, f.n]).sort()).toEqual(
      ['ar', 'en', 'es', 'fr', 'ru', 'zh'].map((l) => [l, 1]),
    )
    expect(all.facets.issues.find((f) => f.key === 'cybercrime')?.n).toBe(6)
    expect(all.facets.years.map((f) => [f.key, f.n])).toEqual([
      ['2023', 1],
      ['2022', 2],
      ['2021', 2],
      ['2020', 1],
    ])
    const filtered = await searchLibrary(runtime.deps.db, { language: 'fr', year: 2021, limit: 20, offset: 0 })
    expect(filtered.rows.map((r) => r.id)).toEqual([ids.fr])
  })

  it('answers any query with results or an empty list, never an error page', async () => {
    const anonymous = new TestClient(runtime)
    for (const q of [
      '"unterminated',
      "'; drop table knowledge_item; --",
      '& | ! ( ) <-> :*',
      'x'.repeat(10_000),
      '\u0000\u0007',
      '   ',
    ]) {
      const page = await anonymous.request(`/library?q=${encodeURIComponent(q)}`)
      expect(page.status, q.slice(0, 20)).toBe(200)
      const api = await anonymous.json(`/api/v1/library?q=${encodeURIComponent(q)}`)
      expect(api.status).toBe(200)
      expect(Array.isArray(api.body.data)).toBe(true)
    }
    expect((await anonymous.json('/api/v1/library?year=abc&type=nonsense')).status).toBe(200)
  })

  it('links the language versions of a work to each other', async () => {
    const page = (await new TestClient(runtime).get(`/library/${ids.fr}`)).html
    expect(page).toContain('In other languages')
    expect(page).toContain('التعاون المعزز بين الحكومات')
    expect(page).not.toContain('Spam and the economics')
  })

  it('keeps a suggestion out of the library until the focal point publishes it', async () => {
    const { client } = await signUp(runtime, 'Researcher')
    const suggested = await client.submit('/library/suggest', {
      title: 'Quantum-safe cryptography policy',
      type: 'paper',
      language: 'en',
      abstract: 'Post-quantum migration.',
    })
    expect(suggested.response.status).toBe(303)
    expect(await search('quantum')).toEqual([])
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const queue = (await secretariat.get('/administration/library')).html
    // this suggestion's form, whatever else waits in the queue
    const id = /<h2>Quantum-safe cryptography policy<\/h2>[\s\S]*?action="\/library\/(\d+)\/decide"/.exec(queue)?.[1]
    const refused = await client.submit(`/library/${id}/decide`, { decision: 'published' }, '/library')
    expect(refused.response.status).toBe(403)
    await secretariat.submit(
      `/library/${id}/decide`,
      { decision: 'published', note: 'Relevant' },
      '/administration/library',
    )
    expect(await search('quantum')).toEqual([Number(id)])
  })

  it('refuses an over-long abstract or a bad address beside the field, keeping what was typed, and adds nothing', async () => {
    const { client } = await signUp(runtime, 'Verbose researcher')
    const abstract = `Zettabyte governance. ${'a'.repeat(10_000)}`
    const refused = await client.submit('/library/suggest', {
      title: 'Zettabyte governance',
      type: 'paper',
      language: 'en',
      abstract,
      url: 'ftp://example.org/paper',
    })
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(/id="field-abstract-error"[^>]*>Enter at most 10,000 characters/)
    expect(refused.html).toContain('id="field-url-error"')
    expect(refused.html).toContain(abstract)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    expect((await secretariat.get('/administration/library')).html).not.toContain('Zettabyte')
  })

  it('refuses an over-long decision note beside its field and leaves the suggestion undecided', async () => {
    const { client } = await signUp(runtime, 'Patient researcher')
    await client.submit('/library/suggest', { title: 'Undersea cables and resilience', type: 'brief', language: 'en' })
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const queue = (await secretariat.get('/administration/library')).html
    const id = /<h2>Undersea cables and resilience<\/h2>[\s\S]*?action="\/library\/(\d+)\/decide"/.exec(queue)?.[1]
    const note = `Relevant, but ${'n'.repeat(1000)}`
    const refused = await secretariat.submit(
      `/library/${id}/decide`,
      { decision: 'published', note },
      '/administration/library',
    )
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(new RegExp(`id="item-${id}-field-note-error"[^>]*>Enter at most 1,000 characters`))
    expect(refused.html).toContain(note)
    expect(await search('cables')).toEqual([])
    expect((await secretariat.get('/administration/library')).html).toContain('Undersea cables and resilience')
  })

  it('keeps a publication’s file, checked by its content, for download', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const post = async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      await secretariat.get('/library/suggest')
      const form = new FormData()
      form.set('_csrf', secretariat.lastCsrf)
      form.set('title', 'A paper with its PDF')
      form.set('type', 'paper')
      form.set('language', 'en')
      form.append('file', new Blob([bytes]), name)
      return secretariat.request('/library/suggest', {
        method: 'POST',
        body: form,
        headers: { origin: 'http://localhost' },
      })
    }
    const renamed = await post('paper.pdf', new TextEncoder().encode('<html>not a pdf</html>'))
    expect(renamed.status).toBe(422)
    expect(await renamed.text()).toContain('paper.pdf is not a PDF')
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
    const published = await post('paper.pdf', pdf)
    expect(published.status).toBe(303)
    const page = (await new TestClient(runtime).get(published.headers.get('location') as string)).html
    const href = /href="(\/library\/\d+\/file)"/.exec(page)?.[1] as string
    const file = await new TestClient(runtime).request(href)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf)
  })

  it('lets the focal point correct an item, searchable under its new words, with the old ones on record', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    // an item of its own: the seeded ones stay as the other tests expect them
    const id = await publish({
      title: 'Junk mail and the economics of e-mail',
      abstract: 'Unwanted bulk mail and its cost.',
      publishedOn: '2018-01-01',
    })
    const path = `/library/${id}/edit`
    const { client: reader } = await signUp(runtime, 'Reader')
    expect(
      (await reader.submit(path, { title: 'Vandalised', type: 'paper', language: 'en' }, '/library')).response.status,
    ).toBe(403)
    const saved = await secretariat.submit(path, {
      title: 'Junk mail and phishing: the economics of e-mail abuse',
      type: 'brief',
      language: 'en',
      abstract: 'Unwanted bulk mail and its cost.',
      issues: ['spam'],
    })
    expect(saved.response.status).toBe(303)
    expect(await search('phishing')).toEqual([id])
    const entry = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('payload')
      .where('action', '=', 'library.item_updated')
      .where('subjectId', '=', String(id))
      .executeTakeFirst()
    expect(JSON.stringify(entry?.payload)).toContain('Junk mail and the economics of e-mail')
  })
})
