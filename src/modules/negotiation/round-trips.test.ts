// A position is the write a negotiation makes most, often while others keep reading the text: on
// PostgreSQL each statement it sends waits its turn on the server's one event loop, so the number
// of statements a position POST sends is held down here, on each database, independently of load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { verifyAuditLog } from '../../core/audit/audit.ts'
import { tableAmendment } from './commands-amendments.ts'
import { standings, standingsOf } from './queries-standing.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

/** The statements a position POST may send, begin and commit included. */
const MOST_STATEMENTS = 8

describe.each(DATABASE_KINDS)('a position POST on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  let sent: string[] | null = null

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { onQuery: (sql) => sent?.push(sql) })
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())

  /** Posts a position from the paragraph's page and returns the response and the statements it sent. */
  async function post(client: TestClient, path: string, page: string, fields: Record<string, string>) {
    await client.get(page)
    const body = new URLSearchParams({ _csrf: client.lastCsrf, ...fields })
    sent = []
    const response = await client.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
    const statements = sent
    sent = null
    return { response, statements }
  }

  it(`refuses a position on no paragraph with 404, as before the command looked the paragraph up itself`, async () => {
    const doc = await f.newDocument()
    const { response } = await post(f.clients.bra1, '/paragraphs/999999/position', `/paragraphs/${doc.byLabel('2')}`, {
      memberStateIso3: 'BRA',
      position: 'support',
    })
    expect(response.status).toBe(404)
    const other = await post(f.clients.fra, `/paragraphs/999999/position`, `/paragraphs/${doc.byLabel('2')}`, {
      memberStateIso3: 'BRA',
      position: 'support',
    })
    expect(other.response.status).toBe(404)
  })

  it(`records a State's position on a paragraph in at most ${MOST_STATEMENTS} statements`, async () => {
    const doc = await f.newDocument()
    const paragraphId = doc.byLabel('2')
    const { response, statements } = await post(
      f.clients.bra1,
      `/paragraphs/${paragraphId}/position`,
      `/paragraphs/${paragraphId}`,
      {
        memberStateIso3: 'BRA',
        position: 'objection',
        note: 'not yet',
      },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/paragraphs/${paragraphId}`)
    expect(statements.length).toBeLessThanOrEqual(MOST_STATEMENTS)
    // the one statement kept the tally: Brazil's later word replaces its objection, South Africa's adds
    await post(f.clients.zaf, `/paragraphs/${paragraphId}/position`, `/paragraphs/${paragraphId}`, {
      memberStateIso3: 'ZAF',
      position: 'support',
    })
    const again = await post(f.clients.bra2, `/paragraphs/${paragraphId}/position`, `/paragraphs/${paragraphId}`, {
      memberStateIso3: 'BRA',
      position: 'support',
    })
    expect(again.statements.length).toBeLessThanOrEqual(MOST_STATEMENTS)
    const standing = (await standingsOf(runtime.deps.db, doc.id)).get(paragraphId)
    expect(standing).toMatchObject({ support: 2, objection: 0, objecting: [], readiness: 'ready' })
    expect((await standings(runtime.deps.db, 'paragraph', [paragraphId])).get(paragraphId)?.tally).toMatchObject({
      support: 2,
      objection: 0,
    })
    // and every entry is a leaf of the log's tree, as the verifier reads it
    expect((await verifyAuditLog(runtime.deps.db)).problem).toBeNull()
  })

  it(`records a State's position on an amendment in at most ${MOST_STATEMENTS} statements`, async () => {
    const doc = await f.newDocument()
    const paragraphId = doc.byLabel('1')
    const tabled = await tableAmendment(runtime.deps.db, f.at('zaf'), doc.id, {
      paragraphId,
      operation: 'replace_text',
      quotedOld: 'annually',
      newText: 'biennially',
      speaker: { memberStateIso3: 'ZAF' },
    })
    if (!tabled.ok) throw new Error(JSON.stringify(tabled.error))
    const { response, statements } = await post(
      f.clients.fra,
      `/amendments/${tabled.value.id}/position`,
      `/paragraphs/${paragraphId}`,
      { memberStateIso3: 'FRA', position: 'support' },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/paragraphs/${paragraphId}#amendment-${tabled.value.id}`)
    expect(statements.length).toBeLessThanOrEqual(MOST_STATEMENTS)
  })
})
