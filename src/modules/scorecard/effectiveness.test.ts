// Effectiveness read from a report issued through the Secretariat's pages, on each database:
// recommendations adopted from the year the report was issued, implemented per the follow-up
// records, and "not recorded" before any follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createDocument, declare, paragraphsOf, parseUnText } from '../negotiation/index.ts'
import { createBody, createProcess } from '../processes/index.ts'

const TEXT = `Draft recommendations

1. Recommends that all relevant organizations report annually;

2. Recommends establishing a new body;

3. Invites Member States to designate focal points;
`

describe.each(DATABASE_KINDS)('the scorecard’s effectiveness on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const system = { actor: SYSTEM, now: new Date('2018-05-01T09:00:00Z') }
    const body = await createBody(db, system, { slug: 'wgec', name: 'Working Group', acronym: 'WGEC' })
    if (!body.ok) throw new Error('body')
    const process = await createProcess(db, system, {
      bodyId: body.value.id,
      slug: 'wgec-2',
      title: 'WGEC 2016-2018',
      mandateSymbol: 'A/RES/70/125',
    })
    if (!process.ok) throw new Error('process')
    processId = process.value.id
    const document = await createDocument(db, system, { processId, title: 'Draft', imported: parseUnText(TEXT) })
    if (!document.ok) throw new Error('document')
    for (const p of await paragraphsOf(db, document.value.id)) ids[p.label?.replace(/\.$/, '') ?? 'x'] = p.id
    for (const label of ['1', '3']) {
      await declare(db, system, ids[label] as number, 'agreed_ad_ref')
      await declare(db, system, ids[label] as number, 'adopted')
    }
    await declare(db, system, ids['2'] as number, 'no_consensus')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const page = `/processes/${processId}/report/issue`
    await secretariat.get(page)
    const issued = await secretariat.submit(page, {
      documentId: String(document.value.id),
      revision: '',
      symbol: 'E/CN.16/2018/CRP.3',
      distribution: 'general',
      issuedOn: '2018-05-14',
      originalLanguage: 'en',
      agendaItem: 'Item 3',
      session: 'Twenty-first session',
    })
    expect(issued.response.status).toBe(303)
    const followUp = await secretariat.submit(
      `/processes/${processId}/report/follow-up`,
      {
        paragraphId: String(ids['1']),
        year: '2020',
        status: 'implemented',
        sourceKind: 'resolution',
        sourceReference: 'E/RES/2020/12',
      },
      page,
    )
    expect(followUp.response.status).toBe(303)
  }, 180_000)
  afterAll(() => runtime.close())

  it('counts the adopted recommendations from the report’s year and the implemented ones from the follow-up', async () => {
    const { body } = await new TestClient(runtime).json(`/api/v1/scorecard/processes/${processId}`)
    const effectiveness = body.characteristics.find(
      (c: { characteristic: string }) => c.characteristic === 'effectiveness',
    )
    const values = (id: string) =>
      Object.fromEntries(
        effectiveness.indicators
          .find((i: { id: string }) => i.id === id)
          .values.map((v: { year: number; value: number | null }) => [v.year, v.value]),
      )
    expect(body.years).toEqual(expect.arrayContaining([2018, 2020]))
    // two recommendations adopted (1 and 3); 2 had no consensus
    expect(values('recommendations_adopted')[2018]).toBe(2)
    expect(values('recommendations_implemented')[2018]).toBeNull()
    expect(values('recommendations_implemented')[2020]).toBe(0.5)
  })
})
