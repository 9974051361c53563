// Every form of a report (page, Word, Akoma Ntoso, JSON) and of a compilation carries the audit
// log's checkpoint as it stood when produced: a tree size and root hash that the log's signed
// checkpoint and recomputed tree confirm.
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestCheckpoint } from '../src/core/audit/checkpoint.ts'
import { storedRoot } from '../src/core/audit/tree-store.ts'
import { loadDemo } from '../src/demo.ts'
import { listProcesses } from '../src/modules/processes/index.ts'
import { TestClient } from './support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from './support/runtime.ts'

// the body and its footnotes: the issued report carries the anchor as a footnote of its introduction
const wordText = async (response: Response) => {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
  return ['word/document.xml', 'word/footnotes.xml']
    .map((name) => (files[name] ? new TextDecoder().decode(files[name]) : ''))
    .join('\n')
}

describe.each(DATABASE_KINDS)('the audit log’s anchor in reports and compilations on %s', (kind) => {
  let runtime: TestRuntime
  let client: TestClient
  let processId: number
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    client = new TestClient(runtime)
    processId = ((await listProcesses(runtime.deps.db)).find((p) => p.slug === 'wgec-2016-2018') as { id: number }).id
  }, 180_000)
  afterAll(() => runtime.close())

  const expectAnchor = async (anchor: { treeSize: number; rootHash: string }) => {
    const signed = await latestCheckpoint(runtime.deps.db)
    expect(signed?.treeSize).toBe(anchor.treeSize)
    expect(signed?.rootHash.toString('base64')).toBe(anchor.rootHash)
    expect((await storedRoot(runtime.deps.db, anchor.treeSize)).toString('base64')).toBe(anchor.rootHash)
  }

  it('puts the checkpoint in the report’s JSON, Akoma Ntoso, Word and page', async () => {
    const json = await (await client.request(`/processes/${processId}/report.json`)).json()
    const anchor = json.data.auditCheckpoint
    await expectAnchor(anchor)
    const xml = await (await client.request(`/processes/${processId}/report.xml`)).text()
    expect(xml).toContain(`treeSize="${anchor.treeSize}" rootHash="${anchor.rootHash}"`)
    const word = await wordText(await client.request(`/processes/${processId}/report.docx`))
    expect(word).toContain(anchor.rootHash)
    const page = await (await client.request(`/processes/${processId}/report`)).text()
    expect(page).toContain(`<code dir="ltr">${anchor.rootHash}</code>`)
  })

  it('signs a new checkpoint for a report only when the log grew', async () => {
    const before = await latestCheckpoint(runtime.deps.db)
    await client.request(`/processes/${processId}/report.json`)
    expect((await latestCheckpoint(runtime.deps.db))?.treeSize).toBe(before?.treeSize)
  })

  it('puts the checkpoint in the compilation’s page and Word document', async () => {
    const page = await (await client.request(`/processes/${processId}/compilation`)).text()
    const [, size, root] =
      /audit-log">[^<]*?(\d[\d,. ]*)[^<]*<\/a> <code dir="ltr">([A-Za-z0-9+/]{43}=)<\/code>/.exec(page) ?? []
    expect(root).toBeDefined()
    await expectAnchor({ treeSize: Number(size?.replace(/\D/g, '')), rootHash: root as string })
    const word = await wordText(await client.request(`/processes/${processId}/compilation.docx`))
    expect(word).toContain(root)
  })
})
