// The turn rows of people published before they existed (migration 20261212-0100): since then the
// kept counts read a person's contributions only when the person already has a turn row, so a
// person published before 20261211-0500 made the table, left without one, would have their next
// contribution counted as their first. On each database: migrated up to just before 20261211-0500,
// people publish (and one only submits for review), then the rest of the migrations run.
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseBefore } from '../../../test/support/migrated-before.ts'
import { DATABASE_KINDS } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'

const TURNS_MADE = '20261211-0500-contributions-people-counted-in-turn'
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

/** An open call of its own process, in the schema of the day. */
async function anOpenCall(db: Db, bodyId: number, slug: string) {
  const process = must(
    await createProcess(db, system(), {
      bodyId,
      slug,
      title: `Consultation ${slug}`,
      mandateSymbol: 'A/RES/70/125',
      questions: ['What should enhanced cooperation achieve?'],
    }),
  )
  await changeProcessState(db, system(), process.id, { to: 'active' })
  const questionId = (await guidingQuestions(db, process.id))[0]?.id as number
  const call = must(
    await openCall(db, system(), process.id, {
      title: 'Open call',
      opensAt: new Date(Date.UTC(2026, 9, 1)),
      closesAt: new Date(Date.UTC(2027, 1, 1)),
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: [questionId],
    }),
  )
  return { processId: process.id, callId: call.id }
}

describe.each(DATABASE_KINDS)('the person-turn backfill on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('gives each person published before turns existed one turn row, and none to who only submitted', {
    timeout: 180_000,
  }, async () => {
    const { db, migrateRest } = await databaseBefore(kind, TURNS_MADE, cleanups)
    const body = must(await createBody(db, system(), { slug: 'turn-wg', name: 'Working group' }))
    const calls = [await anOpenCall(db, body.id, 'turn-one'), await anOpenCall(db, body.id, 'turn-two')]
    const accounts: Record<string, number> = {}
    for (const name of ['ana', 'ben', 'cai']) {
      const made = await sql<{ id: number }>`insert into auth_account (email, display_name, password_hash)
        values (${`${name}@example.org`}, ${name}, '!') returning id::int`.execute(db)
      accounts[name] = made.rows[0]?.id as number
    }
    const write = (call: (typeof calls)[number], name: string, status: string) =>
      sql`insert into contributions_contribution (call_id, process_id, speaking_for, author_account_id,
        contributor_name, stakeholder_group, language, status, published_at)
        values (${call.callId}, ${call.processId}, 'self', ${accounts[name]}, ${name}, 'individual', 'en', ${status},
          ${status === 'published' ? sql`now()` : null})`.execute(db)
    // ana in both calls, ben in one: published; cai only waiting for review
    const [one, two] = calls as [(typeof calls)[number], (typeof calls)[number]]
    await write(one, 'ana', 'published')
    await write(two, 'ana', 'published')
    await write(one, 'ben', 'published')
    await write(two, 'cai', 'pending_review')

    await migrateRest()

    // a self contribution's person is its account (20261210-0501's contributions_person)
    const turns = await sql<{ name: string }>`select a.display_name as name from auth_account a
      join contributions_person_turn t on t.person_key = contributions_person_key('account:' || a.id)
      order by 1`.execute(db)
    expect(turns.rows.map((r) => r.name)).toEqual(['ana', 'ben'])
    const all = await sql<{ n: string }>`select count(*) as n from contributions_person_turn`.execute(db)
    expect(Number(all.rows[0]?.n)).toBe(2)
  })
})
