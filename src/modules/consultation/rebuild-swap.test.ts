// A rebuild writes a call's texts, buckets and members into fresh tables and swaps them in: the
// other calls' rows must come through unchanged, the tables keep their indexes and constraints by
// name, and an arrival afterwards (in either call) is assigned as before, its text numbered after
// every earlier one.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { contributionTexts, insertImportedContributions } from '../contributions/index.ts'
import { createBody } from '../processes/index.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { assignContribution } from './queries-assign.ts'
import { startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe.each(DATABASE_KINDS)('a rebuild swapping in fresh tables on %s', (kind) => {
  let runtime: TestRuntime
  const calls: { callId: number; processId: number; questionId: number; importId: number }[] = []
  let accountId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    accountId = (await accountWithRole(runtime, 'secretariat')).accountId
    const body = must(await createBody(db, system(), { slug: 'wg', name: 'Working group' }))
    for (const n of [1, 2]) {
      const { processId, callId, questionIds } = await openConsultation(db, `consultation-${n}`, { bodyId: body.id })
      const questionId = questionIds[0] as number
      const started = must(
        await startImport(db, system(), { callId, accountId, fileName: `${n}.csv`, format: 'csv', sha256: `${n}` }),
      )
      await insertImportedContributions(
        db,
        { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: `${n}.csv` },
        [...generateContributions({ total: 150, seed: n })].map((g, i) => asImported(g, questionId, i + 1)),
      )
      calls.push({ callId, processId, questionId, importId: started.id })
    }
  }, 180_000)
  afterAll(() => runtime.close())

  const rowsOf = async (callId: number) => {
    const db = runtime.deps.db
    const texts = await sql`select id, hash, signature, campaign_id, members, additions from consultation_text
      where call_id = ${callId} order by id`.execute(db)
    const buckets =
      await sql`select bucket, text_id from consultation_bucket where call_id = ${callId} order by bucket`.execute(db)
    const members = await sql`select contribution_id, text_id, campaign_id, submitted_at from consultation_member
      where call_id = ${callId} order by contribution_id`.execute(db)
    return { texts: texts.rows, buckets: buckets.rows, members: members.rows }
  }
  const indexes = async () =>
    (
      await sql<{ name: string }>`select indexname as name from pg_indexes
        where tablename in ('consultation_text', 'consultation_bucket', 'consultation_member') order by indexname`.execute(
        runtime.deps.db,
      )
    ).rows.map((r) => r.name)

  it("keeps the other call's rows, the indexes' names and the text numbering", async () => {
    const db = runtime.deps.db
    const [one, two] = calls as [(typeof calls)[number], (typeof calls)[number]]
    must(await rebuildCampaigns(db, system(), two.callId))
    const before = await rowsOf(two.callId)
    const names = await indexes()
    expect(before.members).toHaveLength(150)
    expect(before.buckets.length).toBeGreaterThan(100)
    const rebuilt = must(await rebuildCampaigns(db, system(), one.callId))
    expect(rebuilt.campaigns).toBeGreaterThan(0)
    expect(await rowsOf(two.callId)).toEqual(before)
    expect((await rowsOf(one.callId)).members).toHaveLength(150)
    expect(await indexes()).toEqual(names)
    expect(names).toEqual(
      expect.arrayContaining(['consultation_text_pkey', 'consultation_bucket_pkey', 'consultation_member_pkey']),
    )
    // an arrival in each call after the swap: its text numbered after every text there is
    const highest = await sql<{ n: string }>`select max(id)::text as n from consultation_text`.execute(db)
    const [late] = [...generateContributions({ total: 1, seed: 99 })]
    if (!late) throw new Error('no generated contribution')
    for (const call of calls) {
      const [stored] = await insertImportedContributions(
        db,
        {
          callId: call.callId,
          processId: call.processId,
          authorAccountId: accountId,
          importId: call.importId,
          sourceFile: 'late',
        },
        [{ ...asImported(late, call.questionId, 1), externalId: `late-${call.callId}` }],
      )
      const [text] = await contributionTexts(db, [Number(stored?.id)])
      if (!text) throw new Error('the late contribution was not stored')
      const assigned = await assignContribution(db, text)
      expect(assigned?.textId).toBeGreaterThan(Number(highest.rows[0]?.n))
    }
  }, 120_000)
})
