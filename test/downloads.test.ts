// Every download on each database, on the demo, names its file by RFC 6266: an ASCII header that
// a reader of the RFC (test/support/downloads.ts, written apart from the package that builds it)
// reads back as the name meant, Arabic and Chinese names included (attachments and library files
// keep the name they were uploaded with).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../src/demo.ts'
import { callsOf, guidingQuestions, listBodies, listProcesses } from '../src/modules/processes/index.ts'
import { accountWithRole, signUp, type TestClient } from './support/client.ts'
import { fileNameOf } from './support/downloads.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from './support/runtime.ts'

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

describe.each(DATABASE_KINDS)('downloads on %s', (kind) => {
  let runtime: TestRuntime
  let wgec: { id: number; slug: string }
  let standing: { id: number; callId: number; question: number }
  let bodyId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    const processes = await listProcesses(runtime.deps.db)
    wgec = processes.find((p) => p.slug === 'wgec-2016-2018') as { id: number; slug: string }
    const item = processes.find((p) => p.slug.startsWith('cstd-enhanced-cooperation-'))
    if (!item) throw new Error('demo process missing')
    const [call] = await callsOf(runtime.deps.db, item.id)
    const [question] = await guidingQuestions(runtime.deps.db, item.id)
    standing = { id: item.id, callId: call?.id as number, question: question?.id as number }
    bodyId = ((await listBodies(runtime.deps.db)).find((b) => b.slug === 'wgec') as { id: number }).id
  }, 120_000)
  afterAll(() => runtime.close())

  async function expectNamed(client: TestClient, path: string, name: string | RegExp, type = 'attachment') {
    const response = await client.request(path)
    expect(response.status, path).toBe(200)
    const header = response.headers.get('content-disposition')
    expect(header, path).toMatch(/^[\x20-\x7e]+$/)
    const read = fileNameOf(header)
    expect(read.type, path).toBe(type)
    if (typeof name === 'string') expect(read.fileName, path).toBe(name)
    else expect(read.fileName, path).toMatch(name)
    // a client that knows only `filename` still gets a plain name with the right extension
    expect(read.fallback, path).toMatch(/^[\x20-\x7e]+\.[a-z]+$/)
  }

  it('names every generated download', async () => {
    const { client } = await signUp(runtime, 'Reader')
    const year = new Date().getUTCFullYear() - 1
    await expectNamed(client, `/processes/${wgec.id}/compilation.docx`, `compilation-${wgec.slug}.docx`)
    await expectNamed(client, `/processes/${wgec.id}/report.docx`, `report-${wgec.slug}.docx`)
    await expectNamed(client, `/processes/${wgec.id}/report.xml`, `report-${wgec.slug}.xml`, 'inline')
    await expectNamed(client, '/negotiation/1/compare.docx?from=0&to=1', / \(Zero draft - Rev\.1\)\.docx$/)
    await expectNamed(client, `/annual-reports/${year}/synthesis.docx`, `synthesis-${year}.docx`)
    await expectNamed(client, '/api/v1/meetings/1.ics', 'meeting-1.ics')
    await expectNamed(client, `/api/v1/bodies/${bodyId}.ics`, 'wgec.ics')
    await expectNamed(client, '/open-data.zip', /^ecp-open-data-\d{4}-\d{2}-\d{2}\.zip$/)
    await expectNamed(client, '/map/gaps.csv', 'gaps.csv')
    await expectNamed(client, '/map/overlaps.csv', 'overlaps.csv')
    await expectNamed(client, '/audit-log.jsonl', 'ecp-audit-log.jsonl')
  })

  it('gives back an attachment and a library file under their Arabic and Chinese names', async () => {
    const { client } = await signUp(runtime, 'Arabic Speaker')
    await client.get(`/calls/${standing.callId}/contribute`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    form.set('speaker', 'self')
    form.set('language', 'ar')
    form.set(`answers.${standing.question}`, 'نرحب بالتعاون المعزز.')
    form.append('attachments', new Blob([PDF]), 'ورقة الموقف.pdf')
    const made = await client.request(`/calls/${standing.callId}/contribute`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    expect(made.status).toBe(303)
    const page = (await client.get(made.headers.get('location') as string)).html
    const attachment = /href="(\/attachments\/\d+)"/.exec(page)?.[1] as string
    expect(attachment).toBeDefined()
    await expectNamed(client, attachment, 'ورقة الموقف.pdf')

    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    await secretariat.get('/library/suggest')
    const paper = new FormData()
    paper.set('_csrf', secretariat.lastCsrf)
    paper.set('title', '加强合作研究报告')
    paper.set('type', 'paper')
    paper.set('language', 'zh')
    paper.append('file', new Blob([PDF]), '加强合作研究报告.pdf')
    const published = await secretariat.request('/library/suggest', {
      method: 'POST',
      body: paper,
      headers: { origin: 'http://localhost' },
    })
    expect(published.status).toBe(303)
    const item = (await secretariat.get(published.headers.get('location') as string)).html
    const file = /href="(\/library\/\d+\/file)"/.exec(item)?.[1] as string
    await expectNamed(secretariat, file, '加强合作研究报告.pdf')
  })
})
