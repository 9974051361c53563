// The compilation by campaign of a call with more campaigns than a page holds, on each database:
// CAMPAIGNS_PER_PAGE campaigns a page, largest first, continued by keyset (the last one's size and
// id), each campaign shown once, then the contributions in no campaign, every page within 30 KB
// compressed; a bad position is refused with its reason, never a server error.
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { importedPerson, must, openConsultation, system } from './open-call-fixture.ts'
import { startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { CAMPAIGNS_PER_PAGE } from './routes-compilation.tsx'

/** 103 campaigns of 2 to 4 copies of one text each (30 long words), and 3 texts in no campaign. */
const CAMPAIGNS = 103
const LONE = 3

describe.each(DATABASE_KINDS)('the compilation by campaign in pages on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  const client = () => new TestClient(runtime)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const opened = await openConsultation(db, 'many-campaigns', { languages: ['en'] })
    callId = opened.callId
    const processId = opened.processId
    const questionId = opened.questionIds[0] as number
    // texts of pseudo-random words: near to none but their own copies
    let seed = 11
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      // each word long (about 50 characters, little for gzip to share), so a campaign weighs what a real letter does
      const n = seed % 20000
      return `w${n}${[2654435761, 40503, 2246822519, 3266489917, 668265263, 374761393].map((k) => (((n + 1) * k) >>> 0).toString(36)).join('')}`
    }
    const texts: string[] = []
    for (let k = 0; k < CAMPAIGNS; k++) {
      const text = Array.from({ length: 30 }, word).join(' ')
      for (let copy = 0; copy < 2 + (k % 3); copy++) texts.push(text)
    }
    for (let k = 0; k < LONE; k++) texts.push(Array.from({ length: 30 }, word).join(' '))
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const started = must(
      await startImport(db, system(), { callId, accountId, fileName: 'p.csv', format: 'csv', sha256: 'p' }),
    )
    await insertImportedContributions(
      db,
      { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: 'p.csv' },
      texts.map((text, i) => importedPerson(i, { prefix: 'p', language: 'en', questionId, text })),
    )
    const rebuilt = must(await rebuildCampaigns(db, system(), callId, { threads: false }))
    expect(rebuilt.campaigns).toBe(CAMPAIGNS)
  }, 180_000)
  afterAll(() => runtime.close())

  const campaignsOn = (html: string) => [...html.matchAll(/<a href="\/campaigns\/([0-9]+)">/g)].map((m) => Number(m[1]))
  const loneOn = (html: string) => [...html.matchAll(/<a href="\/contributions\/([0-9]+)">/g)].length
  const sizesOn = (html: string) =>
    [...html.matchAll(/<a href="\/campaigns\/[0-9]+">[^<]*?([0-9]+)[^<0-9]*<\/a>/g)].map((m) => Number(m[1]))
  const nextOn = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1] ?? null

  it('shows the campaigns a page at a time, largest first, each once, then the contributions in no campaign', async () => {
    const visitor = client()
    const pages: string[] = []
    let next: string | null = `/calls/${callId}/compilation/campaigns`
    while (next !== null && pages.length < 20) {
      const page = await visitor.get(next)
      expect(page.response.status).toBe(200)
      pages.push(page.html)
      next = nextOn(page.html)
    }
    expect(pages).toHaveLength(Math.ceil(CAMPAIGNS / CAMPAIGNS_PER_PAGE))
    const shown = pages.map(campaignsOn)
    for (const [i, ids] of shown.entries())
      expect(ids).toHaveLength(i < pages.length - 1 ? CAMPAIGNS_PER_PAGE : CAMPAIGNS % CAMPAIGNS_PER_PAGE)
    expect(new Set(shown.flat()).size).toBe(CAMPAIGNS)
    const sizes = pages.flatMap(sizesOn)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(pages.slice(0, -1).map(loneOn)).toEqual(pages.slice(0, -1).map(() => 0))
    expect(loneOn(pages.at(-1) as string)).toBe(LONE)
    expect(pages.at(-1)).toContain('First page')
    expect(pages[1]).toMatch(/\?campaignsAfter=[0-9]+-[0-9]+" rel="next"/)
  })

  it('keeps every page within 30 KB compressed', async () => {
    const visitor = client()
    let next: string | null = `/calls/${callId}/compilation/campaigns`
    for (let n = 0; next !== null && n < 20; n++) {
      const page = await visitor.get(next)
      expect(gzipSync(page.html).length, next).toBeLessThanOrEqual(30 * 1024)
      next = nextOn(page.html)
    }
  })

  it.each([
    ['after', 'x'],
    ['after', '0'],
    ['after', '-1'],
    ['campaignsAfter', '12'],
    ['campaignsAfter', 'a-b'],
    ['campaignsAfter', '3-0'],
    ['campaignsAfter', '99999999999-1'],
  ])('refuses %s=%s with the reason', async (name, value) => {
    const page = await client().get(`/calls/${callId}/compilation/campaigns?${name}=${encodeURIComponent(value)}`)
    expect(page.response.status).toBe(400)
    expect(page.html).toContain('The compilation cannot continue from there')
  })
})
