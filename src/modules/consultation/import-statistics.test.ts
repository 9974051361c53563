// A large import leaves the planner knowing the contributions it added: without statistics (autovacuum
// off, or not yet run), the rebuild's reads in id order were planned as scans of every later row.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { indexImportedForSearch, insertImportedContributions } from '../contributions/index.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { startImport } from './queries-intake.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe.each(DATABASE_KINDS)('the statistics after a large import on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  let importId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const opened = await openConsultation(db, 'statistics')
    callId = opened.callId
    const processId = opened.processId
    const questionId = opened.questionIds[0] as number
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    importId = must(
      await startImport(db, system(), { callId, accountId, fileName: 'g.csv', format: 'csv', sha256: 'g' }),
    ).id
    await insertImportedContributions(
      db,
      { callId, processId, authorAccountId: accountId, importId, sourceFile: 'g.csv' },
      [...generateContributions({ total: 12_000, seed: 7 })].map((g, i) => asImported(g, questionId, i + 1)),
      { searchLater: true },
    )
  }, 240_000)
  afterAll(() => runtime.close())

  const estimated = async (table: string) =>
    Number(
      (
        await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = ${table}`.execute(
          runtime.deps.db,
        )
      ).rows[0]?.n,
    )

  it('has the contributions and their search rows analyzed once the import is indexed', async () => {
    expect(await estimated('contributions_contribution')).toBeLessThan(12_000)
    await indexImportedForSearch(runtime.deps.db, callId, importId)
    expect(await estimated('contributions_contribution')).toBeGreaterThanOrEqual(12_000)
    expect(await estimated('contributions_search')).toBeGreaterThanOrEqual(12_000)
  }, 240_000)
})
