// A rebuild reads a whole call page by page; it must be planned over the call's real size, not
// over statistics from before the call filled (autovacuum may be off; PGlite has none).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { freshenCallStatistics } from '../contributions/index.ts'
import { importGenerated, must, type OpenConsultation, openConsultation, system } from './open-call-fixture.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

/** What the planner believes the call holds (published), as EXPLAIN says. */
async function estimate(runtime: TestRuntime, callId: number): Promise<number> {
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json)
    select id from contributions_contribution where call_id = ${callId} and status = 'published'`.execute(
    runtime.deps.db,
  )
  const raw = plan.rows[0]?.['QUERY PLAN']
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[]
  return Number(parsed[0]?.Plan['Plan Rows'])
}

describe.each(DATABASE_KINDS)('the statistics a rebuild reads by, on %s', (kind) => {
  let runtime: TestRuntime
  let accountId: number
  const filled = async (slug: string, total: number): Promise<OpenConsultation> => {
    const call = await openConsultation(runtime.deps.db, slug)
    await sql`analyze contributions_contribution`.execute(runtime.deps.db)
    await importGenerated(runtime.deps.db, call, accountId, { total, seed: 5 })
    return call
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    accountId = (await accountWithRole(runtime, 'secretariat')).accountId
  }, 120_000)
  afterAll(async () => {
    await runtime?.close()
  })

  it('a rebuild of a call filled since the last ANALYZE plans its read over the call’s real size', async () => {
    const call = await filled('filled-since', 1_500)
    expect(await estimate(runtime, call.callId)).toBeLessThan(750)
    must(await rebuildCampaigns(runtime.deps.db, system(), call.callId))
    expect(await estimate(runtime, call.callId)).toBeGreaterThan(750)
  }, 120_000)

  it('statistics that already know the call are left alone, and so is a small call', async () => {
    const call = await filled('known', 1_200)
    const first = await freshenCallStatistics(runtime.deps.db, call.callId)
    expect(first).toMatchObject({ actual: 1_200, analyzed: true })
    expect(await freshenCallStatistics(runtime.deps.db, call.callId)).toMatchObject({ analyzed: false })
    const small = await filled('small', 300)
    expect(await freshenCallStatistics(runtime.deps.db, small.callId)).toMatchObject({ actual: 300, analyzed: false })
  }, 120_000)
})
