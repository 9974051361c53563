// The GIN pending-list merge takes only the indexes of ecp's own role, on a PostgreSQL server where
// another role owns a fastupdate GIN index in the same schema: PostgreSQL lets only an index's
// owner merge its list, so that index is left alone (its list still full) while ecp's own are
// merged. On PGlite there is one role (single-user mode), so there is nothing to tell apart.
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { type Database, openDatabase } from './database.ts'
import { cleanGinPendingLists, ginPendingIndexes } from './upkeep.ts'

const onServer = DATABASE_KINDS.includes('postgresql')

describe.skipIf(!onServer)('the GIN merge beside another role on postgresql', () => {
  // roles belong to the whole server: names of this run's own, dropped after its database
  const suffix = randomBytes(4).toString('hex')
  const ecpRole = `upkeep2_ecp_${suffix}`
  const otherRole = `upkeep2_other_${suffix}`
  let runtime: TestRuntime
  let asEcp: Database

  beforeAll(async () => {
    runtime = await createTestRuntime('postgresql')
    const admin = runtime.deps.db
    // ecp's role not a superuser (a superuser is a member of every role, and may merge any list)
    await sql.raw(`create role ${ecpRole} login; create role ${otherRole} nologin`).execute(admin)
    await sql.raw(`grant create, usage on schema public to ${ecpRole}, ${otherRole}`).execute(admin)
    const words = (table: string, owner: string) =>
      sql.raw(`create table ${table} (id int, words tsvector);
        create index ${table}_words on ${table} using gin (words) with (fastupdate = on);
        alter table ${table} owner to ${owner}`)
    await words('upkeep_mine', ecpRole).execute(admin)
    await words('upkeep_theirs', otherRole).execute(admin)
    const url = new URL(runtime.databaseUrl as string)
    url.username = ecpRole
    asEcp = await openDatabase({ kind: 'postgresql', url: url.toString(), maxConnections: 1 })
  }, 180_000)

  afterAll(async () => {
    await asEcp?.close()
    await runtime?.close()
    // the database is gone, and with it all the two roles owned and were granted
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await client.connect()
    try {
      await client.query(`drop role if exists ${ecpRole}`)
      await client.query(`drop role if exists ${otherRole}`)
    } finally {
      await client.end()
    }
  })

  const fill = async (table: string) =>
    sql
      .raw(`insert into ${table} select g, to_tsvector('english', 'arrival ' || g || ' words of a contribution')
        from generate_series(1, 2000) g`)
      .execute(runtime.deps.db)
  // pages merged by a superuser's merge: more than 0 while the list still holds entries
  const pendingPages = async (index: string) =>
    Number(
      (await sql<{ n: string }>`select gin_clean_pending_list(${index}::regclass) as n`.execute(runtime.deps.db))
        .rows[0]?.n,
    )

  it("merges its own role's lists and leaves another role's index in the same schema untouched", async () => {
    await fill('upkeep_mine')
    await fill('upkeep_theirs')
    // ecp's role could not merge the other's list: the job would fail every 15 s without the filter
    await expect(sql`select gin_clean_pending_list('upkeep_theirs_words'::regclass)`.execute(asEcp.db)).rejects.toThrow(
      /must be owner/,
    )

    const indexes = await ginPendingIndexes(asEcp.db)
    expect(indexes).toContain('upkeep_mine_words')
    expect(indexes).not.toContain('upkeep_theirs_words')
    // nor the migrated ones, which the server's superuser owns here
    expect(indexes).not.toContain('contributions_search_document')

    const merged = await cleanGinPendingLists(asEcp.db)
    expect(merged.upkeep_mine_words).toBeGreaterThan(0)
    expect(Object.keys(merged)).not.toContain('upkeep_theirs_words')
    expect(await pendingPages('upkeep_mine_words')).toBe(0)
    expect(await pendingPages('upkeep_theirs_words')).toBeGreaterThan(0)
  })
})
