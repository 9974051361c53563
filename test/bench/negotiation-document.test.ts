// The negotiation bench's builder at the test suite's size: it builds the document through the
// commands, to the size asked, the same way for the same seed, and every State takes part.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildNegotiation, SMALL } from '../../bench/negotiation-document.ts'
import type { Actor } from '../../src/core/auth/actor.ts'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { createBody, createProcess } from '../../src/modules/processes/index.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'

describe.each(DATABASE_KINDS)('the negotiation bench document on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let chair: Actor

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

  it('builds the document to the size asked, through the commands, the same for the same seed', async () => {
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
})
