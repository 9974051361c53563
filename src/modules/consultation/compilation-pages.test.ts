// The compilation by campaign of a call with more campaigns than a page holds, on each database:
// 100 campaigns a page, largest first, continued by keyset (the last one's size and id), each
// campaign shown once, then the contributions in no campaign; a bad position is refused with its
// reason, never a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { importedPerson, must, openConsultation, system } from './open-call-fixture.ts'
import { startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

/** 103 campaigns of 2 to 4 copies of one text each, and 3 texts in no campaign. */
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
      return `w${seed % 20000}`
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

  it('shows 100 campaigns a page, largest first, then the rest and the contributions in no campaign', async () => {
    const visitor = client()
    const first = await visitor.get(`/calls/${callId}/compilation/campaigns`)
    expect(first.response.status).toBe(200)
    expect(campaignsOn(first.html)).toHaveLength(100)
    expect(loneOn(first.html)).toBe(0)
    const sizes = sizesOn(first.html)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    const next = nextOn(first.html) as string
    expect(next).toMatch(/\?campaignsAfter=[0-9]+-[0-9]+$/)
    const second = await visitor.get(next)
    expect(second.response.status).toBe(200)
    const rest = campaignsOn(second.html)
    expect(rest).toHaveLength(CAMPAIGNS - 100)
    expect(new Set([...campaignsOn(first.html), ...rest]).size).toBe(CAMPAIGNS)
    expect(Math.max(...sizesOn(second.html))).toBeLessThanOrEqual(Math.min(...sizes))
    expect(loneOn(second.html)).toBe(LONE)
    expect(second.html).toContain('First page')
    expect(nextOn(second.html)).toBeNull()
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
