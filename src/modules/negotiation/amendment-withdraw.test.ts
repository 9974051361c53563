// Withdrawing an amendment, on each database: whoever speaks for its proponent withdraws it (a
// fellow delegate of the same State too), nobody else (another State, the Chair); the text stays
// as it was, the withdrawal is on the record, and a withdrawn amendment is neither withdrawn again
// nor incorporated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { decideAmendment, tableAmendment, withdrawAmendment } from './commands-amendments.ts'
import { findAmendment, findParagraph } from './queries.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('withdrawing an amendment on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db

  /** Brazil's amendment on paragraph 1 of a document of the test's own. */
  async function tabledByBrazil() {
    const doc = await f.newDocument()
    const paragraphId = doc.byLabel('1')
    const tabled = await tableAmendment(db(), f.at('bra1'), doc.id, {
      paragraphId,
      operation: 'insert_text',
      newText: 'and to the General Assembly',
      speaker: { memberStateIso3: 'BRA' },
    })
    if (!tabled.ok) throw new Error(JSON.stringify(tabled.error))
    return { documentId: doc.id, paragraphId, id: tabled.value.id }
  }
  const withdrawals = (id: number) =>
    db()
      .selectFrom('auditEntry')
      .select(['action', 'actorAccountId'])
      .where('action', '=', 'amendment.withdrawn')
      .where('subjectType', '=', 'amendment')
      .where('subjectId', '=', String(id))
      .execute()

  it('lets a delegate of the proponent State withdraw it, on the record, the text unchanged', async () => {
    const { paragraphId, id } = await tabledByBrazil()
    const before = (await findParagraph(db(), paragraphId))?.text
    // the delegate who tabled it is not needed: a fellow delegate of Brazil speaks for it too
    expect(await withdrawAmendment(db(), f.at('bra2'), id)).toEqual({ ok: true, value: undefined })
    expect(await findAmendment(db(), id)).toMatchObject({ status: 'withdrawn', decidedAt: expect.any(Date) })
    expect((await findParagraph(db(), paragraphId))?.text).toBe(before)
    const bra2 = f.actors.bra2
    const by = bra2.kind === 'account' ? bra2.accountId : null
    expect(await withdrawals(id)).toEqual([{ action: 'amendment.withdrawn', actorAccountId: by }])
  })

  it('refuses the withdrawal to another State’s delegate and to the Chair, leaving it tabled', async () => {
    const { id } = await tabledByBrazil()
    for (const who of ['fra', 'chair', 'secretariat'] as const) {
      expect(await withdrawAmendment(db(), f.at(who), id), who).toMatchObject({
        ok: false,
        error: { type: 'forbidden' },
      })
    }
    expect(await findAmendment(db(), id)).toMatchObject({ status: 'tabled', decidedAt: null })
    expect(await withdrawals(id)).toEqual([])
  })

  it('refuses the same form from another State’s delegate over HTTP', async () => {
    const { paragraphId, id } = await tabledByBrazil()
    const here = `/paragraphs/${paragraphId}`
    const refused = await f.clients.fra.submit(`/amendments/${id}/withdraw`, {}, here)
    expect(refused.response.status).toBe(403)
    expect(await findAmendment(db(), id)).toMatchObject({ status: 'tabled' })
    const withdrawn = await f.clients.bra1.submit(`/amendments/${id}/withdraw`, {}, here)
    expect(withdrawn.response.status).toBe(303)
    expect(await findAmendment(db(), id)).toMatchObject({ status: 'withdrawn' })
  })

  it('neither withdraws it twice nor lets the Chair incorporate it once withdrawn', async () => {
    const { paragraphId, id } = await tabledByBrazil()
    const before = (await findParagraph(db(), paragraphId))?.text
    expect((await withdrawAmendment(db(), f.at('bra1'), id)).ok).toBe(true)
    expect(await withdrawAmendment(db(), f.at('bra1'), id)).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'amendment_withdrawn' },
    })
    expect(await decideAmendment(db(), f.at('chair'), id, 'incorporated')).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'amendment_withdrawn' },
    })
    expect((await findParagraph(db(), paragraphId))?.text).toBe(before)
    expect(await withdrawals(id)).toHaveLength(1)
    expect(await withdrawAmendment(db(), f.at('bra1'), 987_654_321)).toMatchObject({
      ok: false,
      error: { type: 'not_found' },
    })
  })
})
