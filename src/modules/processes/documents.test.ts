// Meeting documents as files on each database: the Secretariat issues a document under its symbol
// for an agenda item with its original-language file and adds other language versions; they are
// listed per meeting and per process (pages, API, open data), downloaded as attachments, audited.
// Refused, with the reason beside the field and what was typed kept: a PDF named .docx, a program
// named .pdf, a file over the limit, a malformed or repeated symbol (a double submit), a second
// version in one language; a delegate and a Chair may not upload.
import { Document, Packer, Paragraph } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createBody } from '../bodies/index.ts'
import { changeProcessState, createProcess, scheduleMeeting } from './commands.ts'
import { documentVersionsOpenData } from './open-data-documents.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
const MAX = 64 * 1024

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
// a Windows program's first bytes (MZ header and the PE offset)
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(112).fill(0)])

describe.each(DATABASE_KINDS)('meeting documents as files on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let bodyId: number
  let meetingId: number
  let agendaItemId: number
  let docx: Uint8Array<ArrayBuffer>
  let secretariat: TestClient

  /** Posts a multipart form as a browser does, from `page` with its CSRF token. */
  async function upload(
    client: TestClient,
    action: string,
    page: string,
    fields: Record<string, string>,
    file?: { name: string; content: Uint8Array<ArrayBuffer> },
  ) {
    await client.get(page)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    if (file) form.set('file', new Blob([file.content]), file.name)
    const response = await client.request(action, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    return { response, html: await response.text() }
  }

  const fields = (symbol: string) => ({
    symbol,
    title: 'Note by the Secretariat on enhanced cooperation',
    agendaItemId: String(agendaItemId),
    kind: 'background',
    issuedOn: '2027-01-20',
    language: 'en',
  })
  const issue = (client: TestClient, symbol: string, file?: { name: string; content: Uint8Array<ArrayBuffer> }) =>
    upload(client, `/meetings/${meetingId}/documents`, `/meetings/${meetingId}/documents/new`, fields(symbol), file)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { config: { attachmentMaxBytes: MAX } })
    const db = runtime.deps.db
    bodyId = must(await createBody(db, system(), { slug: 'wg', name: 'Working Group', memberStateSeats: 3 })).id
    processId = must(
      await createProcess(db, system(), { bodyId, slug: 'p', title: 'Process', mandateSymbol: 'A/RES/70/125' }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    meetingId = must(
      await scheduleMeeting(db, system(), processId, {
        number: 1,
        title: 'First meeting',
        startsAt: new Date('2027-01-26T09:00:00Z'),
        endsAt: new Date('2027-01-26T17:00:00Z'),
        venue: 'Geneva',
        agenda: [{ title: 'Adoption of the agenda' }, { title: 'Enhanced cooperation' }],
      }),
    ).id
    const page = (await new TestClient(runtime).get(`/meetings/${meetingId}`)).html
    expect(page).toContain('Enhanced cooperation')
    docx = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Note du Secrétariat')] }] })),
    )
    secretariat = (await accountWithRole(runtime, 'secretariat')).client
    const form = (await secretariat.get(`/meetings/${meetingId}/documents/new`)).html
    agendaItemId = Number(/<option value="(\d+)"[^>]*>2\. Enhanced cooperation/.exec(form)?.[1])
    expect(agendaItemId).toBeGreaterThan(0)
  }, 120_000)
  afterAll(() => runtime.close())

  it('issues a document with its symbol, agenda item and English PDF, adds a French Word version, and lists and serves both', async () => {
    const issued = await issue(secretariat, 'E/CN.16/2027/CRP.1', { name: 'note.pdf', content: PDF })
    expect(issued.response.status).toBe(303)
    const documentPath = issued.response.headers.get('location') as string
    const documentId = Number(documentPath.split('/').pop())
    const added = await upload(
      secretariat,
      `${documentPath}/versions`,
      documentPath,
      { language: 'fr' },
      {
        name: 'note-fr.docx',
        content: docx,
      },
    )
    expect(added.response.status).toBe(303)

    const visitor = new TestClient(runtime)
    for (const path of [`/meetings/${meetingId}`, `/processes/${processId}/documents`, documentPath]) {
      const html = (await visitor.get(path)).html
      expect(html).toContain('E/CN.16/2027/CRP.1')
      expect(html).toContain(`/documents/${documentId}/files/en`)
      expect(html).toContain(`/documents/${documentId}/files/fr`)
      expect(html).toMatch(/English<\/a>.*original/s)
    }
    const pdf = await visitor.request(`/documents/${documentId}/files/en`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="?note\.pdf"?/)
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF)
    const word = await visitor.request(`/documents/${documentId}/files/fr`)
    expect(word.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect((await visitor.request(`/documents/${documentId}/files/ar`)).status).toBe(404)

    for (const path of [`/api/v1/meetings/${meetingId}/documents`, `/api/v1/processes/${processId}/documents`]) {
      const { status, body } = await visitor.json(path)
      expect(status).toBe(200)
      // this test's document, whatever the other tests issued before it
      const doc = body.data.find((d: { symbol: string }) => d.symbol === 'E/CN.16/2027/CRP.1')
      expect(doc).toMatchObject({
        symbol: 'E/CN.16/2027/CRP.1',
        originalLanguage: 'en',
        agendaItem: { position: 2, title: 'Enhanced cooperation' },
      })
      expect(doc.versions.map((v: { language: string; original: boolean }) => [v.language, v.original])).toEqual([
        ['en', true],
        ['fr', false],
      ])
    }
    const [dataset] = await documentVersionsOpenData(runtime.deps.db)
    const ours = dataset?.rows.filter((r) => r.symbol === 'E/CN.16/2027/CRP.1')
    expect(ours?.map((r) => [r.symbol, r.language, r.original])).toEqual([
      ['E/CN.16/2027/CRP.1', 'en', true],
      ['E/CN.16/2027/CRP.1', 'fr', false],
    ])
    expect(ours?.[0]).not.toHaveProperty('content')
    const history = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('action')
      .where('subjectType', '=', 'document')
      .where('subjectId', '=', String(documentId))
      .execute()
    expect(history.map((h) => h.action).sort()).toEqual(['document.issued', 'document.version_added'])
  })

  it('refuses a file whose content is not what its name says, or not a document at all, or too large, keeping what was typed', async () => {
    const renamed = await issue(secretariat, 'E/CN.16/2027/CRP.2', { name: 'note.docx', content: PDF })
    expect(renamed.response.status).toBe(422)
    expect(renamed.html).toContain('its content is pdf')
    expect(renamed.html).toContain('value="E/CN.16/2027/CRP.2"')
    expect(renamed.html).toMatch(/id="field-file-error"/)

    const program = await issue(secretariat, 'E/CN.16/2027/CRP.2', { name: 'agenda.pdf', content: EXE })
    expect(program.response.status).toBe(422)
    expect(program.html).toContain('is not a PDF, Word (.docx) or OpenDocument (.odt) document')

    const big = new Uint8Array(MAX + 1)
    big.set(PDF)
    const oversized = await issue(secretariat, 'E/CN.16/2027/CRP.2', { name: 'big.pdf', content: big })
    expect(oversized.response.status).toBe(422)
    expect(oversized.html).toContain('is over 1 MB')
    expect(oversized.html).toContain('Note by the Secretariat on enhanced cooperation')

    const noFile = await issue(secretariat, 'not a symbol')
    expect(noFile.response.status).toBe(422)
    expect(noFile.html).toContain('Enter a UN document symbol')
    expect(noFile.html).toContain('Choose the file to upload.')
    expect(noFile.html).toContain('value="not a symbol"')
    const { body } = await new TestClient(runtime).json(`/api/v1/meetings/${meetingId}/documents`)
    expect(body.data.map((d: { symbol: string }) => d.symbol)).not.toContain('E/CN.16/2027/CRP.2')
  })

  it('takes a double submit once: the second finds the symbol taken, and a second French version is refused', async () => {
    const first = await issue(secretariat, 'E/CN.16/2027/CRP.3', { name: 'n.pdf', content: PDF })
    const second = await issue(secretariat, 'E/CN.16/2027/CRP.3', { name: 'n.pdf', content: PDF })
    expect(first.response.status).toBe(303)
    expect(second.response.status).toBe(422)
    expect(second.html).toContain('already has a document E/CN.16/2027/CRP.3')
    const path = first.response.headers.get('location') as string
    const fr = { name: 'n.docx', content: docx }
    const [a, b] = await Promise.all([
      upload(secretariat, `${path}/versions`, path, { language: 'fr' }, fr),
      upload(secretariat, `${path}/versions`, path, { language: 'fr' }, fr),
    ])
    expect([a.response.status, b.response.status].sort()).toEqual([303, 422])
    const again = await upload(secretariat, `${path}/versions`, path, { language: 'fr' }, fr)
    expect(again.response.status).toBe(422)
    expect(again.html).toContain('already has a version in this language')
  })

  it('lets neither a delegate nor the body’s Chair upload, and a visitor sees no upload form', async () => {
    const chair = (await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) })).client
    expect((await chair.get(`/meetings/${meetingId}/documents/new`)).response.status).toBe(403)
    const delegate = (await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'KEN' })).client
    expect((await delegate.get(`/meetings/${meetingId}/documents/new`)).response.status).toBe(403)
    await delegate.get(`/meetings/${meetingId}`)
    const form = new FormData()
    form.set('_csrf', delegate.lastCsrf)
    for (const [k, v] of Object.entries(fields('E/CN.16/2027/CRP.9'))) form.set(k, v)
    form.set('file', new Blob([PDF]), 'x.pdf')
    const refusedUpload = await delegate.request(`/meetings/${meetingId}/documents`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
    expect(refusedUpload.status).toBe(403)
    const page = (await new TestClient(runtime).get(`/meetings/${meetingId}`)).html
    expect(page).not.toContain('/documents/new')
    const { body } = await new TestClient(runtime).json(`/api/v1/processes/${processId}/documents`)
    expect(body.data.map((d: { symbol: string }) => d.symbol)).not.toContain('E/CN.16/2027/CRP.9')
  })
})
