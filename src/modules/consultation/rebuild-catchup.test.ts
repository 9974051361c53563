// A rebuild reads the call, then writes and swaps: what happens in between must not be lost. A
// contribution that arrives after the read (assigned into the tables the swap drops) is a member
// afterwards, and one the read took that was hidden or withdrawn since is not.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { contributionTexts, insertImportedContributions } from '../contributions/index.ts'
import { importGenerated, must, openConsultation, system } from './open-call-fixture.ts'
import { assignContribution } from './queries-assign.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe.each(DATABASE_KINDS)('contributions that arrive or leave during a rebuild on %s', (kind) => {
  let runtime: TestRuntime
  let call: { callId: number; processId: number; questionId: number; importId: number; accountId: number }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const accountId = (await accountWithRole(runtime, 'secretariat')).accountId
    const opened = await openConsultation(db, 'catch-up')
    const { importId } = await importGenerated(db, opened, accountId, { total: 120, seed: 5, file: 'a.csv' })
    const { processId, callId, questionIds } = opened
    call = { callId, processId, questionId: questionIds[0] as number, importId, accountId }
    must(await rebuildCampaigns(db, system(), callId))
  }, 180_000)
  afterAll(() => runtime.close())

  /** Stores a contribution with `text` and assigns it, as the recurring job would. */
  const arrive = async (text: string, n: number) => {
    const db = runtime.deps.db
    const [stored] = await insertImportedContributions(
      db,
      {
        callId: call.callId,
        processId: call.processId,
        authorAccountId: call.accountId,
        importId: call.importId,
        sourceFile: 'late',
      },
      [
        {
          ...asImported([...generateContributions({ total: 1, seed: 90 + n })][0] as never, call.questionId, n),
          text,
          externalId: `late-${n}`,
        },
      ],
    )
    const [c] = await contributionTexts(db, [Number(stored?.id)])
    if (!c) throw new Error('the late contribution was not stored')
    expect(await assignContribution(db, c)).not.toBeNull()
    return c.id
  }

  const membership = async () =>
    (
      await sql<{ id: string; member: number; published: boolean }>`
        select c.id, (select count(*)::int from consultation_member m where m.contribution_id = c.id) as member,
          c.status = 'published' as published
        from contributions_contribution c where c.call_id = ${call.callId} order by c.id`.execute(runtime.deps.db)
    ).rows

  it('assigns the arrivals after the read and drops the members hidden since, in the swap', async () => {
    const db = runtime.deps.db
    const campaigned = await sql<{ id: string; campaignId: string }>`
      select contribution_id as id, campaign_id as "campaignId" from consultation_member
      where call_id = ${call.callId} and campaign_id is not null order by contribution_id limit 2`.execute(db)
    const [copied, hidden] = campaigned.rows.map((r) => Number(r.id)) as [number, number]
    const [original] = await contributionTexts(db, [copied])
    let late: number[] = []
    must(
      await rebuildCampaigns(db, system(), call.callId, {
        afterRead: async () => {
          // between the read and the swap: an exact copy of a campaign member, a new text, a hidden member
          late = [await arrive(original?.text ?? '', 1), await arrive('A text nobody else sent about cooperation.', 2)]
          await sql`update contributions_contribution set status = 'hidden', hidden_at = now(), hidden_reason = 'test'
            where id = ${hidden}`.execute(db)
        },
      }),
    )
    const rows = await membership()
    // every published contribution is in exactly one member row, and nothing else is
    expect(rows.filter((r) => r.member !== (r.published ? 1 : 0))).toEqual([])
    expect(rows.find((r) => Number(r.id) === hidden)?.member).toBe(0)
    const [copy, fresh] = late as [number, number]
    const campaignOf = async (id: number) =>
      (
        await sql<{ campaignId: string | null }>`select campaign_id as "campaignId" from consultation_member
          where contribution_id = ${id}`.execute(db)
      ).rows[0]?.campaignId
    expect(await campaignOf(copy)).toBe(await campaignOf(copied))
    expect(await campaignOf(fresh)).toBeNull()
    // the call's counts agree with its members
    const counts = await sql<{ analysed: number; lone: number; members: number; alone: number }>`
      select s.analysed, s.lone, (select count(*)::int from consultation_member where call_id = s.call_id) as members,
        (select count(*)::int from consultation_member where call_id = s.call_id and campaign_id is null) as alone
      from consultation_setting s where s.call_id = ${call.callId}`.execute(db)
    const c = counts.rows[0]
    expect([c?.analysed, c?.lone]).toEqual([c?.members, c?.alone])
  }, 120_000)
})
