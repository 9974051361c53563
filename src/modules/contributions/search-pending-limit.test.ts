// The text index's pending-list limit after a large write, on each database: the import's search
// pass and the campaign function widen it for the write and give the index back the limit it had
// (an operator's own, or none), not a number of their own; a pass interrupted after widening
// leaves the kept limit for the next one to restore.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { indexImportedForSearch } from './queries-bulk.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import type { ImportBatch } from './queries-bulk-write.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

/** The index's own limit (kB), null when it has none, read from the catalog as an operator would. */
const limitOf = async (db: Db) =>
  (
    await sql<{ kb: number | null }>`select (select o.option_value::int from pg_class c,
      pg_options_to_table(c.reloptions) o where c.relname = 'contributions_search_document'
      and o.option_name = 'gin_pending_list_limit') as kb`.execute(db)
  ).rows[0]?.kb ?? null

describe.each(DATABASE_KINDS)('the text index pending-list limit after a large write on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let batch: Omit<ImportBatch, 'importId'>
  let questionId: number
  let imports = 0

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'limit-wg', name: 'Limit working group' }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'limit-consultation',
        title: 'Limit consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    questionId = (await guidingQuestions(db, processId))[0]?.id as number
    const callId = must(
      await openCall(db, system(), processId, {
        title: 'Limit call',
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
        eligibility: 'everyone',
        languages: ['en'],
        moderation: 'immediate',
        questionIds: [questionId],
      }),
    ).id
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    batch = { callId, processId, authorAccountId: accountId, sourceFile: 'limit.csv' }
  }, 120_000)
  afterAll(() => runtime.close())

  /**
   * A large import as the search pass sees it (ids over 10,000 apart) made of two contributions:
   * the identity skips ahead between them. Returns what the index's limit was during the pass.
   */
  async function largeImportIndexed(): Promise<number | null> {
    const importId = ++imports
    const row = (n: number) => ({
      externalId: `limit-${importId}-${n}`,
      submittedAt: new Date(),
      speakingFor: 'self' as const,
      memberStateIso3: null,
      organizationId: null,
      contributorName: `Person ${n}`,
      stakeholderGroup: 'civil_society',
      regionalGroup: null,
      ldc: false,
      lldc: false,
      sids: false,
      language: 'en',
      questionId,
      text: 'Enhanced cooperation on public policy',
      sourceLine: n + 1,
    })
    await insertImportedContributions(db, { ...batch, importId }, [row(1)], { searchLater: true })
    await sql`select setval(pg_get_serial_sequence('contributions_contribution', 'id'),
      (select max(id) + 10000 from contributions_contribution))`.execute(db)
    await insertImportedContributions(db, { ...batch, importId }, [row(2)], { searchLater: true })
    await sql`create table if not exists limit_seen (kb int)`.execute(db)
    await sql`truncate limit_seen`.execute(db)
    await indexImportedForSearch(db, batch.callId, importId, {
      guard: sql`insert into limit_seen select contributions_search_pending_limit()`,
    })
    const indexed = await sql<{ n: number }>`select count(*)::int as n from contributions_search s
      join contributions_contribution c on c.id = s.contribution_id where c.import_id = ${importId}`.execute(db)
    expect(indexed.rows[0]?.n).toBe(2)
    return (await sql<{ kb: number }>`select max(kb) as kb from limit_seen`.execute(db)).rows[0]?.kb ?? null
  }

  it("gives the index back an operator's own limit after an import's search pass, widened during it", async () => {
    await sql`alter index contributions_search_document set (gin_pending_list_limit = 2048)`.execute(db)
    expect(await largeImportIndexed()).toBe(65536)
    expect(await limitOf(db)).toBe(2048)
  })

  it('gives the index back no limit of its own when it had none', async () => {
    await sql`alter index contributions_search_document reset (gin_pending_list_limit)`.execute(db)
    expect(await largeImportIndexed()).toBe(65536)
    expect(await limitOf(db)).toBeNull()
  })

  it('gives the index back its limit after a campaign change of many documents', async () => {
    await sql`alter index contributions_search_document set (gin_pending_list_limit = 3072)`.execute(db)
    await sql`select contributions_search_campaign(array(select generate_series(1, 2001))::bigint[], true)`.execute(db)
    expect(await limitOf(db)).toBe(3072)
  })

  it('restores the limit a pass interrupted after widening kept, at the next pass', async () => {
    await sql`alter index contributions_search_document set (gin_pending_list_limit = 1536)`.execute(db)
    // a pass that widened and never came back (a killed command)
    await sql`select contributions_search_pending_widen(65536)`.execute(db)
    expect(await limitOf(db)).toBe(65536)
    await largeImportIndexed()
    expect(await limitOf(db)).toBe(1536)
  })
})
