// The kept counts' lock order, on PostgreSQL (PGlite runs one transaction at a time: no lock is
// waited for there, docs/adr/0002). An import batch counted after its insert
// (contributions_counts_of_batch) locks the tally, the person turns, the speakers, the people; a
// single write counts in its statement's triggers. Here the two run at once on two connections, on
// the same process and people, in each order, forced by a third connection holding the people
// counts' rows (each side is seen waiting in pg_stat_activity before the next step: no pauses).
// Neither may deadlock, and the counts then equal a recount. Each side runs once (retry: false):
// a deadlock would otherwise be hidden by inTransaction's retry.
//
// A submission's insert counted the people before the tally (its statement triggers fire in name
// order: contributions_counts_added before contributions_tally_added): holding the people counts'
// rows it waited for the tally row the batch held, while the batch waited for those rows: a
// deadlock, until migration 20261214-0400 counted the tally first there too.
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'
import { createAccount } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import { countImportedBatch } from './queries-bulk-write.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const AT = new Date('2026-03-01T09:00:00Z')
const IMPORT = 7

describe.runIf(process.env.TEST_DATABASE_URL)('the kept counts locked in one order (PostgreSQL)', () => {
  let runtime: TestRuntime
  let db: Db
  // the submissions' call and the import's, in one process (one tally, one process's people)
  const calls: { id: number; question: number }[] = []
  let processId = 0
  let secretariat = 0
  let seed = 0
  let line = 0
  let accounts = 0

  beforeAll(async () => {
    runtime = await createTestRuntime('postgresql')
    db = runtime.deps.db
    const bodyId = must(await createBody(db, system(), { slug: 'order', name: 'Body' })).id
    processId = must(
      await createProcess(db, system(), {
        bodyId,
        slug: 'lock-order',
        title: 'Process',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const question = (await guidingQuestions(db, processId))[0]?.id as number
    for (const title of ['Submissions', 'Imports']) {
      const call = must(
        await openCall(db, system(), processId, {
          title,
          opensAt: new Date('2020-01-01T00:00:00Z'),
          closesAt: new Date('2030-01-01T00:00:00Z'),
          eligibility: 'everyone',
          languages: ['en', 'fr'],
          moderation: 'immediate',
          questionIds: [question],
        }),
      )
      calls.push({ id: call.id, question })
    }
    secretariat = (await accountWithRole(runtime, 'secretariat')).accountId
    // the rows every later write shares its count rows with: a submission, and an import of two
    seed = await submit()
    await batch(['Ana', 'Bea', 'Ivy', 'Jo'])
  }, 180_000)
  afterAll(() => runtime.close())

  /** One contribution as a submission inserts it (a copy of the first with a new author), once. */
  async function submit(language = 'en'): Promise<number> {
    const account = must(
      await createAccount(db, {
        email: `order-${++accounts}@example.org`,
        displayName: `Person ${accounts}`,
        password: 'correct horse battery',
        confirmed: true,
      }),
    )
    return inTransaction(
      db,
      async (trx) => {
        if (seed === 0) {
          const row = await sql<{ id: string }>`insert into contributions_contribution (call_id, process_id,
              speaking_for, author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids,
              language, status, answered_question_ids, created_at, updated_at, published_at)
            values (${calls[0]?.id}, ${processId}, 'self', ${account.id}, 'Person', 'individual', 'african', false,
              false, false, 'en', 'published', ${[calls[0]?.question]}::int[], ${AT}, ${AT}, ${AT})
            returning id`.execute(trx)
          return Number(row.rows[0]?.id)
        }
        const row = await sql<{ id: string }>`insert into contributions_contribution (call_id, process_id,
            speaking_for, author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids,
            language, status, answered_question_ids, created_at, updated_at, published_at)
          select call_id, process_id, speaking_for, ${account.id}, contributor_name, stakeholder_group,
            regional_group, ldc, lldc, sids, ${language}, status, answered_question_ids, created_at, updated_at,
            published_at
          from contributions_contribution where id = ${seed}
          returning id`.execute(trx)
        return Number(row.rows[0]?.id)
      },
      { retry: false },
    )
  }

  /** One batch of the import (the same import: a name is the same person), counted as an import does. */
  function batch(names: string[], language = (_: string) => 'en') {
    return inTransaction(
      db,
      async (trx) => {
        const stored = await insertImportedContributions(
          trx,
          {
            callId: calls[1]?.id as number,
            processId,
            authorAccountId: secretariat,
            importId: IMPORT,
            sourceFile: 'c.csv',
          },
          names.map((name) => ({
            externalId: `order-${++line}`,
            submittedAt: AT,
            speakingFor: 'self' as const,
            memberStateIso3: null,
            organizationId: null,
            contributorName: name,
            stakeholderGroup: 'individual',
            regionalGroup: 'african',
            ldc: false,
            lldc: false,
            sids: false,
            language: language(name),
            questionId: calls[1]?.question as number,
            text: `Text ${line}`,
            sourceLine: line,
          })),
          { countsLater: true },
        )
        await countImportedBatch(
          trx,
          stored.map((r) => r.id),
        )
        return stored.map((r) => r.id)
      },
      { retry: false },
    )
  }

  /** A revision changing a contribution's language (its other columns do not matter to the counts). */
  function revise(id: number, language: string) {
    return inTransaction(
      db,
      async (trx) => {
        await sql`update contributions_contribution set language = ${language}, updated_at = now() where id = ${id}`.execute(
          trx,
        )
      },
      { retry: false },
    )
  }

  /** A moderation hiding a contribution, its row locked first as hideContribution does. */
  function hide(id: number) {
    return inTransaction(
      db,
      async (trx) => {
        await sql`select id from contributions_contribution where id = ${id} for update`.execute(trx)
        await sql`update contributions_contribution set status = 'hidden', hidden_at = now(), hidden_reason = 'Abuse',
          updated_at = now() where id = ${id}`.execute(trx)
      },
      { retry: false },
    )
  }

  async function importedOf(name: string): Promise<number> {
    const row = await sql<{ id: string }>`select min(id) as id from contributions_contribution
      where import_id = ${IMPORT} and contributor_name = ${name} and status = 'published'`.execute(db)
    return Number(row.rows[0]?.id)
  }

  /** Resolves once `n` backends of this database wait for a lock (fails if a side ended instead). */
  async function waiting(n: number, sides: { ended: boolean }[]): Promise<void> {
    for (;;) {
      if (sides.some((s) => s.ended)) throw new Error('a side ended before it waited for the people counts')
      const found = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db)
      if ((found.rows[0]?.n ?? 0) >= n) return
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  /**
   * Runs `first` until it waits for the rows `held` locks (held by another connection: by default the
   * people counts'), then `second` until it waits too, then lets them go; both must finish (no
   * deadlock).
   */
  async function race(
    first: () => Promise<unknown>,
    second: () => Promise<unknown>,
    held = 'select 1 from contributions_people_count for update',
  ) {
    const holder = new pg.Client({ connectionString: runtime.databaseUrl })
    await holder.connect()
    try {
      await holder.query('begin')
      await holder.query(held)
      const sides: { ended: boolean }[] = []
      const start = (side: () => Promise<unknown>) => {
        const flag = { ended: false }
        sides.push(flag)
        const run = side().finally(() => {
          flag.ended = true
        })
        run.catch(() => {})
        return run
      }
      const a = start(first)
      await waiting(1, sides)
      const b = start(second)
      await waiting(2, sides)
      await holder.query('commit')
      const outcome = await Promise.allSettled([a, b])
      return outcome.map((o) => (o.status === 'fulfilled' ? 'done' : String((o.reason as { code?: string }).code)))
    } finally {
      await holder.end()
    }
  }
  const differences = async () =>
    (await sql<{ kept_table: string }>`select * from contributions_counts_recount()`.execute(db)).rows

  it('lets a submission waiting at the people counts and a batch after it both finish', async () => {
    expect(
      await race(
        () => submit(),
        () => batch(['Ana', 'Cal']),
      ),
    ).toEqual(['done', 'done'])
    expect(await differences()).toEqual([])
  }, 60_000)

  it('lets a batch waiting at the people counts and a submission after it both finish', async () => {
    expect(
      await race(
        () => batch(['Bea', 'Dan']),
        () => submit(),
      ),
    ).toEqual(['done', 'done'])
    expect(await differences()).toEqual([])
  }, 60_000)

  it('lets a moderation of a person in the batch and the batch both finish, in either order', async () => {
    // people with one contribution each: hiding it changes the people counts
    const ivy = await importedOf('Ivy')
    expect(
      await race(
        () => hide(ivy),
        () => batch(['Ivy', 'Eve']),
      ),
    ).toEqual(['done', 'done'])
    const jo = await importedOf('Jo')
    expect(
      await race(
        () => batch(['Jo', 'Fay']),
        () => hide(jo),
      ),
    ).toEqual(['done', 'done'])
    expect(await differences()).toEqual([])
  }, 60_000)

  it('lets a revision from French to English and a batch in both languages both finish', async () => {
    const french = await submit('fr')
    expect(
      await race(
        () => revise(french, 'en'),
        () => batch(['Gus', 'Hal'], (name) => (name === 'Hal' ? 'fr' : 'en')),
        `select 1 from contributions_tally where process_id = ${processId} and language = 'fr' for update`,
      ),
    ).toEqual(['done', 'done'])
    expect(await differences()).toEqual([])
  }, 60_000)
})
