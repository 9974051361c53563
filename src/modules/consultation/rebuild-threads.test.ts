// A rebuild signs and diffs in worker threads when the call is large: the threads must find what
// the main thread finds (the same texts, signatures, campaigns, templates and personal additions),
// on each database.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { RebuildPool } from './rebuild-pool.ts'
import { signBatch } from './rebuild-worker.ts'
import { personalAdditions } from './rules/additions.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe('the rebuild worker threads', () => {
  it('sign each text as the main thread does, and each repeated text once', async () => {
    const texts = [...generateContributions({ total: 300, seed: 5 })].map((g) => g.text)
    const twice = [...texts, ...texts.slice(0, 50)]
    const pool = new RebuildPool(2)
    try {
      const [a, b] = await Promise.all([
        pool.sign({ rebuild: 1, texts: twice.slice(0, 175), shingle: 3, permutations: 128 }),
        pool.sign({ rebuild: 1, texts: twice.slice(175), shingle: 3, permutations: 128 }),
      ])
      const inline = signBatch(twice)
      expect([...a.hashes, ...b.hashes]).toEqual(inline.hashes)
      // each worker signs the texts it has not seen: every distinct text at least once
      expect(a.signatures.length + b.signatures.length).toBeGreaterThanOrEqual(inline.signatures.length)
      expect(a.signatures.slice(0, 128 * 10)).toEqual(inline.signatures.slice(0, 128 * 10))
      const again = await pool.sign({ rebuild: 1, texts: twice.slice(0, 10), shingle: 3, permutations: 128 })
      expect(
        again.signatures.length +
          (await pool.sign({ rebuild: 2, texts: [], shingle: 3, permutations: 128 })).signatures.length,
      ).toBeLessThan(128 * 10)
    } finally {
      await pool.close()
    }
  })

  it('find the personal additions the main thread finds', async () => {
    const template = 'Keep the Internet open and affordable for every person in every country.'
    const texts = [
      `${template} And please publish every report in all six languages.`,
      template,
      'Nothing alike at all.',
    ]
    const pool = new RebuildPool(1)
    try {
      const found = await pool.additions({ templates: [template], of: Int32Array.from([0, 0, 0]), texts })
      expect(found.additions).toEqual(texts.map((t) => personalAdditions(template, t)))
      expect(found.additions[0]).toContain('six languages')
    } finally {
      await pool.close()
    }
  })
})

describe.each(DATABASE_KINDS)('a rebuild with and without threads on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const opened = await openConsultation(db, 'threads')
    callId = opened.callId
    const processId = opened.processId
    const questionId = opened.questionIds[0] as number
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const started = must(
      await startImport(db, system(), { callId, accountId, fileName: 'g.csv', format: 'csv', sha256: 'g' }),
    )
    await insertImportedContributions(
      db,
      { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: 'g.csv' },
      [...generateContributions({ total: 400, seed: 3 })].map((g, i) => asImported(g, questionId, i + 1)),
    )
  }, 180_000)
  afterAll(() => runtime.close())

  async function campaigns() {
    const rows = await sql<{ template: string; size: number; additions: string }>`
      select k.template, k.size, string_agg(t.additions, '|' order by t.hash) as additions
      from consultation_campaign k join consultation_text t on t.campaign_id = k.id
      where k.call_id = ${callId} group by k.id order by k.template`.execute(runtime.deps.db)
    const members = await sql<{ n: number }>`
      select count(*)::int as n from consultation_member where call_id = ${callId}`.execute(runtime.deps.db)
    return { rows: rows.rows, members: members.rows[0]?.n }
  }

  it('finds the same campaigns, templates and additions in threads as in the main thread', async () => {
    const alone = must(await rebuildCampaigns(runtime.deps.db, system(), callId, { threads: false }))
    const before = await campaigns()
    const threaded = must(await rebuildCampaigns(runtime.deps.db, system(), callId, { threads: true }))
    expect(threaded.texts).toBe(alone.texts)
    expect(threaded.campaigns).toBe(alone.campaigns)
    expect(alone.campaigns).toBeGreaterThan(3)
    expect(before.members).toBe(400)
    expect(await campaigns()).toEqual(before)
    expect(before.rows.some((r) => r.additions.replaceAll('|', '') !== '')).toBe(true)
  }, 120_000)
})
