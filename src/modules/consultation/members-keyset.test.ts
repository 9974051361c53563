// A campaign's members in the API a page at a time by keyset, on each database: `after` the
// previous page's `meta.next` visits every member once, in contribution-id order, the same as the
// old `page` did; a bad `after` is refused with 400, never a server error.
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { campaignsOfCall } from './queries.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

/** 60 copies of one text, each with its own closing words: one campaign of 60, two pages of 50. */
const MEMBERS = 60
const TEMPLATE =
  'We ask the working group to keep the Internet open and affordable. Every person should be able to connect, learn and take part in public life without fear of being watched or cut off. Governments, companies and the technical community share this duty, and each should report every year on what it has done.'

describe.each(DATABASE_KINDS)('a campaign’s members by keyset on %s', (kind) => {
  let runtime: TestRuntime
  let campaignId: number
  const client = () => new TestClient(runtime)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const secretariat = await accountWithRole(runtime, 'secretariat')
    const { callId } = await openConsultation(db, 'members-consultation', { languages: ['en'] })
    const lines = Array.from(
      { length: MEMBERS },
      (_, i) =>
        `M${i},2026-11-05T10:${String(i).padStart(2, '0')}:00Z,individual,P${i},,,en,1,"${TEMPLATE} Number ${i}."`,
    )
    const text = `external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text\n${lines.join('\n')}\n`
    const started = must(
      await startImport(db, system(), {
        callId,
        accountId: secretariat.accountId,
        fileName: 'members.csv',
        format: 'csv',
        sha256: sha256Of(text),
      }),
    )
    must(await runImport(db, system(), started.id, Readable.from([Buffer.from(text)])))
    must(await rebuildCampaigns(db, system(), callId))
    const campaigns = await campaignsOfCall(db, callId, { limit: 5, offset: 0 })
    expect(campaigns.rows.map((r) => r.size)).toEqual([MEMBERS])
    campaignId = campaigns.rows[0]?.id as number
  }, 180_000)
  afterAll(() => runtime.close())

  it('visits every member once after the previous page’s meta.next, as the old pages did', async () => {
    const first = await client().json(`/api/v1/campaigns/${campaignId}/contributions`)
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(50)
    expect(first.body.meta).toMatchObject({ total: MEMBERS, next: first.body.data[49].id })
    const second = await client().json(`/api/v1/campaigns/${campaignId}/contributions?after=${first.body.meta.next}`)
    expect(second.status).toBe(200)
    expect(second.body.data).toHaveLength(MEMBERS - 50)
    expect(second.body.meta.next).toBeNull()
    const ids = [...first.body.data, ...second.body.data].map((m: { id: number }) => m.id)
    expect(new Set(ids).size).toBe(MEMBERS)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const page2 = await client().json(`/api/v1/campaigns/${campaignId}/contributions?page=2`)
    expect(page2.body.data).toEqual(second.body.data)
    expect(page2.body.meta.next).toBeNull()
  })

  it.each(['0', '-1', 'abc', '1e3', '9999999999999999', ''])('refuses after=%j with 400', async (bad) => {
    const response = await client().json(
      `/api/v1/campaigns/${campaignId}/contributions?after=${encodeURIComponent(bad)}`,
    )
    expect(response.status).toBe(400)
  })
})
