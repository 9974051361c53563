// An arriving contribution is assigned in as few round trips as the case allows (an exact copy of
// a campaign's text in one statement, a new text in two, neither with a begin or a commit of its
// own), and the two statements of a new text never write on a call that changed in between.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { type ContributionText, contributionTexts, insertImportedContributions } from '../contributions/index.ts'
import { importGenerated, must, openConsultation, system } from './open-call-fixture.ts'
import { assignContribution } from './queries-assign.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe.each(DATABASE_KINDS)('assigning an arriving contribution on %s', (kind) => {
  let runtime: TestRuntime
  const sent: string[] = []
  let call: { callId: number; processId: number; questionId: number; importId: number; accountId: number }
  let n = 0

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { onQuery: (q) => sent.push(q) })
    const db = runtime.deps.db
    const accountId = (await accountWithRole(runtime, 'secretariat')).accountId
    const opened = await openConsultation(db, 'assign')
    const { importId } = await importGenerated(db, opened, accountId, { total: 120, seed: 7, file: 'a.csv' })
    const { processId, callId, questionIds } = opened
    call = { callId, processId, questionId: questionIds[0] as number, importId, accountId }
    must(await rebuildCampaigns(db, system(), callId))
  }, 180_000)
  afterAll(() => runtime.close())

  /** Stores contributions with these texts (not yet assigned). */
  const store = async (...texts: string[]): Promise<ContributionText[]> => {
    const db = runtime.deps.db
    const [g] = [...generateContributions({ total: 1, seed: 70 })]
    if (!g) throw new Error('nothing generated')
    const stored = await insertImportedContributions(
      db,
      {
        callId: call.callId,
        processId: call.processId,
        authorAccountId: call.accountId,
        importId: call.importId,
        sourceFile: 'late',
      },
      texts.map((text) => ({ ...asImported(g, call.questionId, ++n), text, externalId: `late-${n}` })),
    )
    return contributionTexts(
      db,
      stored.map((s) => Number(s.id)),
    )
  }
  const campaignText = async () =>
    (
      await sql<{ template: string; id: string }>`select template, id from consultation_campaign
        where call_id = ${call.callId} order by size desc limit 1`.execute(runtime.deps.db)
    ).rows[0] as { template: string; id: string }
  const statementsOf = async (c: ContributionText) => {
    sent.length = 0
    const result = await assignContribution(runtime.deps.db, c)
    return { result, statements: [...sent] }
  }

  it('joins an exact copy of a campaign’s text in one statement, and a new text in two', async () => {
    const k = await campaignText()
    const [copy, fresh] = await store(k.template, 'Nobody else wrote this sentence about open standards.')
    const joined = await statementsOf(copy as ContributionText)
    expect(joined.result).toMatchObject({ campaignId: Number(k.id), exact: true })
    expect(joined.statements).toHaveLength(1)
    const alone = await statementsOf(fresh as ContributionText)
    expect(alone.result).toMatchObject({ campaignId: null, exact: false })
    expect(alone.statements).toHaveLength(2)
    expect(alone.statements.join('\n')).not.toMatch(/\b(begin|commit)\b/i)
    // already assigned: nothing more
    expect((await statementsOf(copy as ContributionText)).result).toBeNull()
  })

  it('writes no new text on a call assigned to since the probe saw it', async () => {
    const db = runtime.deps.db
    const version = async () =>
      (
        await sql<{
          v: string
        }>`select xmin::text as v from consultation_setting where call_id = ${call.callId}`.execute(db)
      ).rows[0]?.v ?? null
    const [late, between] = await store('A stale probe wrote this text.', 'Another arrival came in between.')
    const seen = await version()
    expect(await assignContribution(db, between as ContributionText)).not.toBeNull()
    const c = late as ContributionText
    const written = await sql<{ id: string | null }>`select consultation_assign_text(${seen}::text, ${c.callId}::bigint,
      ${c.id}::bigint, 'stale'::text, '\\x00'::bytea, array[1]::bigint[], null::bigint, ''::text, 20, now(),
      'individual', 'none', 0, 0, 0, 0, 0) as id`.execute(db)
    expect(written.rows[0]?.id).toBeNull()
    const member = await sql`select 1 from consultation_member where contribution_id = ${c.id}`.execute(db)
    expect(member.rows).toHaveLength(0)
    // assigned afresh, it is
    expect(await assignContribution(db, c)).not.toBeNull()
  })

  it('makes one text of the same new text arriving twice at once, both members', async () => {
    const db = runtime.deps.db
    const [a, b] = await store('The same words sent twice at once.', 'The same words sent twice at once.')
    const results = await Promise.all([
      assignContribution(db, a as ContributionText),
      assignContribution(db, b as ContributionText),
    ])
    expect(results.map((r) => r?.textId)).toEqual([results[0]?.textId, results[0]?.textId])
    const members = await sql<{ n: number; campaigns: number }>`select count(*)::int as n,
        count(distinct campaign_id)::int as campaigns from consultation_member
      where contribution_id in (${(a as ContributionText).id}, ${(b as ContributionText).id})`.execute(db)
    // the second copy of a text makes a campaign of the two
    expect(members.rows[0]).toEqual({ n: 2, campaigns: 1 })
  })
})
