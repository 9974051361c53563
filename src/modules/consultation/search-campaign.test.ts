// Search narrowed to "in a campaign" or "not in a campaign" reads the campaign term of each
// document, which the consultation keeps as membership changes: whatever happened (a rebuild, a
// stricter threshold rebuilt, arrivals that join or start a campaign, a contribution hidden or
// withdrawn, a member's revision, an import indexed after a rebuild, an import whose campaigns
// are rebuilt before its search pass, by `ecp contributions import` or resumed), each narrowed search finds
// exactly what the whole search finds and the members say, on each database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { actorFor } from '../../core/auth/sessions.ts'
import {
  contributionTexts,
  indexImportedForSearch,
  insertImportedContributions,
  reviseContribution,
  searchContributions,
} from '../contributions/index.ts'
import { contributionsImportCommand } from './cli.ts'
import { must, type OpenConsultation, openConsultation, system } from './open-call-fixture.ts'
import { assignContribution } from './queries-assign.ts'
import { runImport, startImport } from './queries-intake.ts'
import { campaignMembersOfCall } from './queries-members.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { setThreshold } from './queries-settings.ts'
import { asImported, generateContributions } from './rules/generate.ts'

describe.each(DATABASE_KINDS)('search by campaign membership on %s', (kind) => {
  let runtime: TestRuntime
  let call: OpenConsultation
  let accountId: number
  let query = ''
  let imports = 0

  /** Imports generated contributions (their ids returned); indexed for search unless `index` is false. */
  async function importSome(seed: number, total: number, index = true): Promise<{ importId: number; ids: number[] }> {
    const db = runtime.deps.db
    imports++
    const started = must(
      await startImport(db, system(), {
        callId: call.callId,
        accountId,
        fileName: `${imports}.csv`,
        format: 'csv',
        sha256: `s${imports}`,
      }),
    )
    const rows = [...generateContributions({ total, seed })].map((g, i) => ({
      ...asImported(g, call.questionIds[0] as number, i + 1),
      externalId: `${imports}-${g.externalId}`,
    }))
    const ids = await insertImportedContributions(
      db,
      {
        callId: call.callId,
        processId: call.processId,
        authorAccountId: accountId,
        importId: started.id,
        sourceFile: `${imports}.csv`,
      },
      rows,
      { searchLater: true },
    )
    if (index)
      await indexImportedForSearch(db, call.callId, started.id, { members: campaignMembersOfCall(call.callId) })
    return { importId: started.id, ids: ids.map((r) => r.id) }
  }

  const search = (campaign?: 'yes' | 'no') =>
    searchContributions(
      runtime.deps.db,
      { callId: call.callId, q: query, statuses: ['published'], limit: 5000, countLimit: 5000, campaign },
      campaignMembersOfCall(call.callId),
    )

  /** Each narrowed search equals the whole one filtered by the members, and finds some. */
  async function agrees() {
    // every document holds exactly one of the two terms ("no campaign" is a term, not a negation)
    const odd = await sql<{ n: string | number }>`select count(*) as n from contributions_search
      where (document @@ '''in campaign'''::tsquery) = (document @@ '''no campaign'''::tsquery)`.execute(
      runtime.deps.db,
    )
    expect(Number(odd.rows[0]?.n)).toBe(0)
    const members = new Set(
      (
        await sql<{ id: string }>`select contribution_id as id from consultation_member
          where call_id = ${call.callId} and campaign_id is not null`.execute(runtime.deps.db)
      ).rows.map((r) => Number(r.id)),
    )
    const whole = (await search()).hits
    expect(whole.length).toBeGreaterThan(50)
    for (const [campaign, keep] of [
      ['yes', true],
      ['no', false],
    ] as const) {
      const expected = whole.filter((h) => members.has(h.contributionId) === keep).map((h) => h.contributionId)
      expect(expected.length).toBeGreaterThan(0)
      const narrowed = await search(campaign)
      expect(narrowed.hits.map((h) => h.contributionId)).toEqual(expected)
      expect(narrowed.total).toBe(expected.length)
    }
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    accountId = (await accountWithRole(runtime, 'secretariat')).accountId
    call = await openConsultation(runtime.deps.db, 'campaign-terms')
    await importSome(1, 240)
    // the commonest words of the documents (no facet term: those hold a space), any of them
    const common = await sql<{ word: string }>`select word from ts_stat('select document from contributions_search')
      where word !~ ' ' and length(word) > 2 order by ndoc desc limit 40`.execute(runtime.deps.db)
    query = common.rows.map((r) => r.word).join(' or ')
  }, 180_000)
  afterAll(() => runtime.close())

  it('agrees with the members after a rebuild, and after a stricter threshold rebuilt', async () => {
    must(await rebuildCampaigns(runtime.deps.db, system(), call.callId))
    await agrees()
    must(await setThreshold(runtime.deps.db, system(), call.callId, 0.99))
    must(await rebuildCampaigns(runtime.deps.db, system(), call.callId))
    await agrees()
    must(await setThreshold(runtime.deps.db, system(), call.callId, 0.8))
    must(await rebuildCampaigns(runtime.deps.db, system(), call.callId))
    await agrees()
  }, 120_000)

  it('agrees after arrivals join a campaign or start one with a lone text', async () => {
    const db = runtime.deps.db
    // copies of a text in no campaign and of one in a campaign, both found by the query
    const found = (await search()).hits
    const lone = found.find((h) => h.campaignId === null)?.contributionId as number
    const inOne = found.find((h) => h.campaignId !== null)?.contributionId as number
    const copies = await contributionTexts(db, [lone, inOne])
    const { ids } = await importSome(1, 2)
    for (const [i, id] of ids.entries()) {
      await sql`update contributions_contribution set imported_text = ${copies[i]?.text}, language = ${copies[i]?.language}
        where id = ${id}`.execute(db)
      await sql`delete from contributions_search where contribution_id = ${id}`.execute(db)
    }
    await sql`select contributions_search_index_imported(${ids}::bigint[], '{}'::bigint[])`.execute(db)
    for (const c of await contributionTexts(db, ids))
      expect((await assignContribution(db, c))?.campaignId).not.toBe(null)
    await agrees()
  }, 120_000)

  it('agrees after a member is hidden and another withdrawn', async () => {
    const db = runtime.deps.db
    await sql`update contributions_contribution set status = case when id % 2 = 0 then 'hidden' else 'withdrawn' end,
        hidden_reason = case when id % 2 = 0 then 'abuse' end
      where id in (select contribution_id from consultation_member where call_id = ${call.callId}
        and campaign_id is not null order by contribution_id desc limit 2)`.execute(db)
    await agrees()
  })

  it('agrees after a member and a contribution in no campaign revise their texts (their new documents keep the term)', async () => {
    const db = runtime.deps.db
    for (const campaign of ['yes', 'no'] as const) {
      const found = (await search(campaign)).hits[0]
      if (!found) throw new Error(`none found narrowed to ${campaign}`)
      const [current] = await contributionTexts(db, [found.contributionId])
      const actor = await actorFor(db, accountId, 'session')
      if (!actor || !current) throw new Error('no actor or text')
      const revised = await reviseContribution(
        db,
        { actor, now: new Date(), attachmentMaxBytes: 1_000_000 },
        found.contributionId,
        {
          language: current.language as 'en',
          answers: [{ questionId: call.questionIds[0] as number, text: `${current.text} ${query.split(' or ')[0]}` }],
          attachments: [],
        },
      )
      expect(revised.ok).toBe(true)
      expect((await search(campaign)).hits.map((h) => h.contributionId)).toContain(found.contributionId)
      await agrees()
    }
  }, 120_000)

  it('agrees when an import is indexed for search after the rebuild that took it in', async () => {
    const { importId } = await importSome(2, 120, false)
    must(await rebuildCampaigns(runtime.deps.db, system(), call.callId))
    await indexImportedForSearch(runtime.deps.db, call.callId, importId, {
      members: campaignMembersOfCall(call.callId),
    })
    await agrees()
  }, 120_000)

  /** A CSV of generated contributions, its external ids marked by `tag` */
  function csvOf(tag: string, seed: number, total: number): string {
    const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
    const rows = [...generateContributions({ total, seed })].map(
      (g) =>
        `${tag}-${g.externalId},${g.submittedAt.toISOString()},individual,${cell(g.speakerName)},,,${g.language},1,${cell(g.text)}`,
    )
    return `external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text\n${rows.join('\n')}\n`
  }

  /** Runs `work` while every rewrite of a search document is noted; returns the rewritten contributions. */
  async function rewritesDuring(work: () => Promise<void>): Promise<Set<number>> {
    const db = runtime.deps.db
    await sql`create table test_search_rewrites (contribution_id bigint not null)`.execute(db)
    await sql`create function test_search_rewritten() returns trigger language plpgsql as $$
      begin insert into test_search_rewrites values (new.contribution_id); return new; end $$`.execute(db)
    await sql`create trigger test_search_rewritten before update on contributions_search
      for each row execute function test_search_rewritten()`.execute(db)
    try {
      await work()
      const rows = await sql<{ id: string }>`select contribution_id as id from test_search_rewrites`.execute(db)
      return new Set(rows.rows.map((r) => Number(r.id)))
    } finally {
      await sql`drop trigger test_search_rewritten on contributions_search`.execute(db)
      await sql`drop function test_search_rewritten()`.execute(db)
      await sql`drop table test_search_rewrites`.execute(db)
    }
  }

  /** The import's contributions that the call's campaigns hold. */
  async function membersOfImport(externalPrefix: string): Promise<number[]> {
    const rows = await sql<{ id: string }>`select m.contribution_id as id from consultation_member m
      join contributions_contribution c on c.id = m.contribution_id
      where m.call_id = ${call.callId} and m.campaign_id is not null and c.external_id like ${`${externalPrefix}-%`}`.execute(
      runtime.deps.db,
    )
    return rows.rows.map((r) => Number(r.id))
  }

  it("finds an import's members under 'in a campaign' when `ecp contributions import` rebuilds its campaigns before its search pass, which writes their terms at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecp-search-campaign-'))
    const file = join(dir, 'cli.csv')
    writeFileSync(file, csvOf('cli', 5, 150))
    const log = { error: (m: string) => void m, info: (m: string) => void m, debug: () => {} }
    try {
      const rewritten = await rewritesDuring(async () => {
        const code = await contributionsImportCommand.run(['import', String(call.callId), file], {
          deps: runtime.deps,
          log,
          out: () => {},
        })
        expect(code).toBe(0)
      })
      const members = await membersOfImport('cli')
      expect(members.length).toBeGreaterThan(0)
      // the rebuild found none of their documents to mark: the search pass wrote each with its term
      expect(members.filter((id) => rewritten.has(id))).toEqual([])
      await agrees()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('finishes the search pass with the right terms when an import interrupted after its rebuild is resumed', async () => {
    const db = runtime.deps.db
    const text = csvOf('resumed', 7, 150)
    const started = must(
      await startImport(db, system(), {
        callId: call.callId,
        accountId,
        fileName: 'r.csv',
        format: 'csv',
        sha256: 'r',
      }),
    )
    const rebuilt: boolean[] = []
    const interrupted = await runImport(db, system(), started.id, Readable.from([Buffer.from(text)]), {
      beforeSearchPass: async ({ resumed }) => {
        rebuilt.push(resumed)
        must(await rebuildCampaigns(db, system(), call.callId))
        throw new Error('interrupted between the rebuild and the search pass')
      },
    })
    expect(interrupted.ok).toBe(false)
    const members = await membersOfImport('resumed')
    expect(members.length).toBeGreaterThan(0)
    const resumed = must(
      await runImport(db, system(), started.id, Readable.from([Buffer.from(text)]), {
        beforeSearchPass: async ({ resumed }) => void rebuilt.push(resumed),
      }),
    )
    expect(rebuilt).toEqual([false, true])
    expect(resumed.import.status).toBe('done')
    await agrees()
  }, 120_000)
})
