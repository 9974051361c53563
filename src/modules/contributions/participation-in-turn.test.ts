// The people counts under concurrency (migration 20261211-0500) and `ecp counts recount`. Two
// imports writing the same people at once into two processes of one body, on two connections of
// PostgreSQL, interleaved the way that double counted before: the second statement runs while the
// first transaction has not committed. Then, on each database, kept counts made wrong behind the
// module's back are found, printed and corrected by the recount, which the audit log records.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { countsCommand } from './cli.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import { individualParticipation } from './queries-participation.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

interface Place {
  bodyId: number
  calls: { id: number; processId: number; question: number }[]
  accountId: number
}

async function twoProcessesOfOneBody(runtime: TestRuntime): Promise<Place> {
  const db = runtime.deps.db
  const bodyId = must(await createBody(db, system(), { slug: 'turn', name: 'Body' })).id
  const calls: Place['calls'] = []
  for (const p of [0, 1]) {
    const processId = must(
      await createProcess(db, system(), {
        bodyId,
        slug: `turn-${p}`,
        title: `Process ${p}`,
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const question = (await guidingQuestions(db, processId))[0]?.id as number
    const call = must(
      await openCall(db, system(), processId, {
        title: 'Call',
        opensAt: new Date('2020-01-01T00:00:00Z'),
        closesAt: new Date('2030-01-01T00:00:00Z'),
        eligibility: 'everyone',
        languages: ['en', 'fr'],
        moderation: 'immediate',
        questionIds: [question],
      }),
    )
    calls.push({ id: call.id, processId, question })
  }
  return { bodyId, calls, accountId: (await accountWithRole(runtime, 'secretariat')).accountId }
}

/** an import of people speaking for themselves, known by their names */
function importPeople(db: Db, place: Place, call: number, names: string[]) {
  const target = place.calls[call] as Place['calls'][number]
  return insertImportedContributions(
    db,
    {
      callId: target.id,
      processId: target.processId,
      authorAccountId: place.accountId,
      importId: call + 1,
      sourceFile: `import-${call}.csv`,
    },
    names.map((name, i) => ({
      externalId: `${call}-${name}`,
      submittedAt: new Date('2026-03-01T09:00:00Z'),
      speakingFor: 'self' as const,
      memberStateIso3: null,
      organizationId: null,
      contributorName: name,
      stakeholderGroup: 'individual',
      regionalGroup: 'african',
      ldc: false,
      lldc: false,
      sids: false,
      language: call === 0 ? 'en' : 'fr',
      questionId: target.question,
      text: `Imported from ${name}`,
      sourceLine: i + 2,
    })),
  )
}

const people = async (db: Db, scope: 'body' | 'year' | 'process', ids?: number[]) =>
  (await individualParticipation(db, scope, ids)).reduce((sum, c) => sum + c.people, 0)

describe.runIf(process.env.TEST_DATABASE_URL)('people counted by two transactions at once on PostgreSQL', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime('postgresql')
  }, 180_000)
  afterAll(() => runtime.close())

  it('counts once, per body and per year, a person two imports write at the same time', async () => {
    const db = runtime.deps.db
    const place = await twoProcessesOfOneBody(runtime)
    let release = () => {}
    const released = new Promise<void>((r) => {
      release = r
    })
    let firstInserted = () => {}
    const inserted = new Promise<void>((r) => {
      firstInserted = r
    })
    // the first import's batch is written, and its transaction stays open
    const first = db.transaction().execute(async (trx) => {
      await importPeople(trx, place, 0, ['Ana', 'Bo', 'Cy'])
      firstInserted()
      await released
    })
    await inserted
    // the second one's batch (the same people, named in other cases and another order, and one more),
    // into the other process, on another connection, sent once the first one's insert has returned
    const second = db.transaction().execute((trx) => importPeople(trx, place, 1, ['CY', 'Dee', 'bo', 'ANA']))
    // it either ends (it did not wait for the first one) or waits for a lock; then the first commits
    let settled = false
    const waiting = (async () => {
      while (!settled) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db)
        if ((rows[0]?.n ?? 0) > 0) return true
        await new Promise((r) => setTimeout(r, 10))
      }
      return false
    })()
    await Promise.race([second, waiting])
    settled = true
    const waited = await waiting
    release()
    await first
    await second
    expect(await people(db, 'body', [place.bodyId])).toBe(4)
    expect(await people(db, 'year', [2026])).toBe(4)
    expect(await people(db, 'process', [place.calls[0]?.processId as number])).toBe(3)
    expect(await people(db, 'process', [place.calls[1]?.processId as number])).toBe(4)
    // and it was the second one that waited, for the people the first one was counting
    expect(waited).toBe(true)
  }, 120_000)
})

describe.each(DATABASE_KINDS)('ecp counts recount on %s', (kind) => {
  let runtime: TestRuntime
  let place: Place
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    place = await twoProcessesOfOneBody(runtime)
    await importPeople(runtime.deps.db, place, 0, ['Ana', 'Bo'])
    await importPeople(runtime.deps.db, place, 1, ['ana', 'Cy'])
  }, 180_000)
  afterAll(() => runtime.close())

  async function recount() {
    const out: string[] = []
    const info: string[] = []
    const log = {
      error: (m: string) => void out.push(`error: ${m}`),
      info: (m: string) => void info.push(m),
      debug: () => {},
    }
    const code = await countsCommand.run(['recount'], { deps: runtime.deps, log, out: (l) => out.push(l) })
    return { code, out, info }
  }

  it('finds the kept counts made wrong, prints each, corrects them and records it in the audit log', async () => {
    const db = runtime.deps.db
    expect(await people(db, 'body', [place.bodyId])).toBe(3)
    // the double count of before, a lost row and a row of nobody
    await sql`update contributions_people_count set people = people + 1 where scope = 'body' and languages = '{en,fr}'`.execute(
      db,
    )
    await sql`delete from contributions_speaker_count where language = 'fr'`.execute(db)
    await sql`insert into contributions_people_count values ('year', 1999, 'individual', null, false, false, false, '{en}', 5)`.execute(
      db,
    )
    expect(await people(db, 'body', [place.bodyId])).toBe(4)
    const run = await recount()
    expect(run.code).toBe(0)
    expect(run.out.some((l) => l.startsWith('contributions_people_count') && l.includes('"scope":"body"'))).toBe(true)
    expect(run.out.some((l) => l.includes('"scope_id":1999') && l.endsWith('kept 5, counted 0'))).toBe(true)
    expect(run.out.some((l) => l.startsWith('contributions_speaker_count') && l.endsWith('kept 0, counted 2'))).toBe(
      true,
    )
    expect(run.info).toEqual([`${run.out.length} kept counts differed from the contributions and were corrected`])
    expect(await people(db, 'body', [place.bodyId])).toBe(3)
    expect(await people(db, 'year', [1999])).toBe(0)
    const { rows } = await sql<{ payload: { differences: number } }>`select payload from audit_entry
      where action = 'contributions.counts_recounted' order by seq`.execute(db)
    expect(rows.map((r) => r.payload.differences)).toEqual([run.out.length])
    // counted again: nothing left to correct, and that is recorded too
    const again = await recount()
    expect([again.out, again.info]).toEqual([[], ['the kept counts equal the contributions']])
    expect(
      (await sql`select 1 from audit_entry where action = 'contributions.counts_recounted'`.execute(db)).rows,
    ).toHaveLength(2)
  })

  it('answers a wrong use with its usage and changes nothing', async () => {
    const run = await countsCommand.run(['recount', 'now'], {
      deps: runtime.deps,
      log: { error: () => {}, info: () => {}, debug: () => {} },
      out: () => {},
    })
    expect(run).toBe(2)
  })
})
