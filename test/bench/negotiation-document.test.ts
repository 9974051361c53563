// The negotiation bench's builder at the test suite's size: it builds the document through the
// commands, to the size asked, the same way for the same seed, and every State takes part.
import { gunzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildNegotiation, SMALL } from '../../bench/negotiation-document.ts'
import type { Actor } from '../../src/core/auth/actor.ts'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { createBody, createProcess } from '../../src/modules/processes/index.ts'
import { accountWithRole, TestClient } from '../support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'

describe.each(DATABASE_KINDS)('the negotiation bench document on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let chair: Actor
  let bodyId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const ctx = { actor: SYSTEM, now: new Date() }
    const body = await createBody(runtime.deps.db, ctx, { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(runtime.deps.db, ctx, {
      bodyId: body.value.id,
      slug: 'wg-draft',
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    bodyId = body.value.id
    chair = {
      kind: 'account',
      accountId: 1,
      displayName: 'Chair',
      email: 'chair@example.org',
      grants: [{ id: 0, role: 'chair', scope: { type: 'body', id: String(body.value.id) } }],
      via: 'session',
    }
  })
  afterAll(async () => runtime?.close())

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(runtime.deps.db)).rows[0]?.n)

  // building takes a few seconds; more on a loaded machine
  it('builds the document to the size asked, through the commands, the same for the same seed', {
    timeout: 180_000,
  }, async () => {
    const db = runtime.deps.db
    const first = await buildNegotiation(db, { processId, bodyId: 0, chair, size: SMALL, seed: 7 })
    const id = first.documentId
    expect(first.counts.paragraphs).toBe(SMALL.paragraphs + SMALL.inserted)
    expect(await count(sql`select count(*)::int n from negotiation_amendment where document_id = ${id}`)).toBe(
      SMALL.amendments,
    )
    expect(
      await count(sql`select count(distinct member_state_iso3)::int n from negotiation_amendment
        where document_id = ${id}`),
    ).toBe(SMALL.states)
    const closed = await count(sql`select count(*)::int n from negotiation_amendment
      where document_id = ${id} and status <> 'tabled'`)
    expect(closed).toBe(first.counts.closed)
    expect(closed).toBeGreaterThan(SMALL.amendments * 0.4)
    expect(closed).toBeLessThan(SMALL.amendments * 0.7)
    expect(first.counts.positions).toBe(SMALL.positions)
    expect(await count(sql`select count(*)::int n from negotiation_revision where document_id = ${id}`)).toBe(
      SMALL.revisions + 1,
    )
    // every command left its audit entry
    expect(await count(sql`select count(*)::int n from audit_entry where action = 'position.taken'`)).toBe(
      SMALL.positions,
    )

    const second = await buildNegotiation(db, { processId, bodyId: 0, chair, size: SMALL, seed: 7 })
    const texts = async (documentId: number) =>
      (
        await sql<{ text: string; status: string }>`select text, status from negotiation_paragraph
          where document_id = ${documentId} order by position, id`.execute(db)
      ).rows
    expect(await texts(second.documentId)).toEqual(await texts(id))
  })

  it('keeps the document page and the busiest paragraph page light for a visitor, a delegate and the Chair', {
    timeout: 180_000,
  }, async () => {
    const db = runtime.deps.db
    const built = await buildNegotiation(db, { processId, bodyId, chair, size: SMALL, seed: 8 })
    const busiest = await sql<{ id: number }>`select paragraph_id::int id from negotiation_amendment
      where document_id = ${built.documentId} group by paragraph_id order by count(*) desc limit 1`.execute(db)
    const paragraphId = busiest.rows[0]?.id
    const readers = {
      visitor: new TestClient(runtime),
      // the first State of the build takes part: its delegate sees its forms
      delegate: (await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'AFG' })).client,
      Chair: (await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) })).client,
    }
    for (const [role, client] of Object.entries(readers)) {
      for (const path of [`/negotiation/${built.documentId}`, `/paragraphs/${paragraphId}`]) {
        const response = await client.request(path, { headers: { 'accept-encoding': 'gzip' } })
        expect(response.status, `${path} as ${role}`).toBe(200)
        const bytes = Buffer.from(await response.arrayBuffer())
        expect(bytes.length, `${path} as ${role}`).toBeLessThanOrEqual(30 * 1024)
        const html =
          response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes).toString() : bytes.toString()
        // the document page has no per-paragraph forms: its forms do not grow with the text
        if (path.startsWith('/negotiation/')) expect(html.split('<form').length - 1, role).toBeLessThanOrEqual(6)
      }
    }
  })
})
