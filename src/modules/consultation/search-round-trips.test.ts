// A search in a call's contributions, page and API, on each database: on PGlite each statement
// costs about 0.5 ms of this process's CPU, on PostgreSQL a round trip, and what a statement does
// per answer found is paid up to 2,001 times. So the newest answer's id is read with the query's
// parse (one statement, not two), whether each answer found is in a campaign (for the counts) is
// read from the text index with it (its document's campaign term), and only the page's answers
// are looked up among the campaign's members (for their link), with their excerpts (lane searchpg;
// at 1,000,000 on PGlite the lookup of each answer found was most of a stretch's statement).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { importedPerson, must, openConsultation, system } from './open-call-fixture.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

const CAMPAIGN =
  'Keep the Internet open, affordable and in every language, and let people take part in the decisions that shape the network.'
const LONE = [
  'An open Internet needs affordable access in rural areas, where no operator builds without a subsidy.',
  'Schools should teach how affordable devices can be repaired, so that fewer are thrown away each year.',
  'Regulators must publish what affordable broadband costs in each region, measured by an independent body.',
]

/** the call; for the page, its guiding questions; the parse and newest id; one stretch of ids; the excerpts */
const MOST = { page: 5, api: 4 }

describe.each(DATABASE_KINDS)('the statements of a contribution search on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  let sent: string[] | null = null

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { onQuery: (sql) => sent?.push(sql) })
    const db = runtime.deps.db
    const call = await openConsultation(db, 'search-round-trips')
    callId = call.callId
    const staff = await accountWithRole(runtime, 'secretariat')
    const of = { prefix: 'r', language: 'en', questionId: call.questionIds[0] as number }
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => importedPerson(i, { ...of, text: CAMPAIGN })),
      ...LONE.map((text, i) => importedPerson(10 + i, { ...of, text })),
    ]
    const target = { callId, processId: call.processId, authorAccountId: staff.accountId }
    await db
      .transaction()
      .execute((trx) => insertImportedContributions(trx, { ...target, importId: 0, sourceFile: 'test' }, rows))
    must(await rebuildCampaigns(db, system(), callId))
  }, 180_000)
  afterAll(() => runtime.close())

  async function statementsOf(path: string) {
    sent = []
    const response = await new TestClient(runtime).request(path)
    const statements = sent
    sent = null
    expect(response.status).toBe(200)
    return { response, statements }
  }

  it.each([
    ['page', () => `/calls/${callId}/search?q=affordable`],
    ['api', () => `/api/v1/calls/${callId}/contributions/search?q=affordable`],
  ] as const)('gives the %s in few statements, the members looked up for the page only', async (which, path) => {
    const { statements } = await statementsOf(path())
    expect(statements.length).toBeLessThanOrEqual(MOST[which])
    // the newest id with the parse
    const newest = statements.filter((s) => s.includes('max(contribution_id)'))
    expect(newest).toHaveLength(1)
    expect(newest[0]).toContain('contributions_search_query')
    // the campaign members read once, by the excerpts' statement: not for each answer found
    const members = statements.filter((s) => s.includes('consultation_member'))
    expect(members).toHaveLength(1)
    expect(members[0]).toContain('ts_headline')
  })

  it("counts the answers in a campaign from their documents' term, and links each one's campaign", async () => {
    const { response } = await statementsOf(`/api/v1/calls/${callId}/contributions/search?q=affordable`)
    const body = (await response.json()) as {
      data: { contributor: string; campaign: number | null }[]
      meta: { facets: { campaign: { key: string; n: number }[] } }
    }
    expect(body.meta.facets.campaign).toEqual([
      { key: 'yes', n: 6 },
      { key: 'no', n: 3 },
    ])
    const linked = body.data.filter((h) => h.campaign !== null).map((h) => h.contributor)
    expect(linked.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `Person ${i}`).sort())
    expect(new Set(body.data.filter((h) => h.campaign !== null).map((h) => h.campaign)).size).toBe(1)
  })
})
