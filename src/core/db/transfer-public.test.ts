// `ecp export --public`, table by table and column by column against the full export of the same
// data: exactly the declared tables of personal data left out (core's and each module's, from its
// manifest), exactly the declared columns rewritten, every other value as it is, on both databases.
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { loadDemo } from '../../demo.ts'
import { modules } from '../../modules/index.ts'
import { migrationFiles } from '../../runtime.ts'
import { recordAudit } from '../audit/audit.ts'
import { appliedMigrations } from './migrator.ts'
import { describeTables, type ExportOptions, exportLines, raw, transferredTables } from './transfer.ts'
import { exportedTables, publicRules } from './transfer-public.ts'

type Row = Record<string, unknown>

/** What a public export must leave out, whoever declares it: the test names them all on purpose. */
const PRIVATE_TABLES = [
  'accounts_throttle',
  'audit_commitment',
  'auth_api_token',
  'contributions_draft',
  'core_job',
  'core_mail_outbox',
  'notifications_follow',
  'notifications_preference',
]
/** What a public export writes instead of each personal column, from the full export's row. */
const REWRITTEN: Record<string, Record<string, (row: Row) => unknown>> = {
  auth_account: {
    email: (r) => `account-${r.id}@redacted.invalid`,
    display_name: (r) => `Account ${r.id}`,
    password_hash: () => '',
    preferred_locale: () => null,
    email_confirmation_hash: () => null,
    email_confirmation_expires_at: () => null,
  },
  audit_entry: {
    payload: (r) => (r.public ? r.payload : {}),
    actor_account_id: (r) => (r.public ? r.actor_account_id : null),
    subject_id: (r) => (r.public ? r.subject_id : null),
    request_id: () => null,
  },
  actors_person: {
    name: (r) => (r.profile_public ? r.name : `Person ${r.id}`),
    honorific: (r) => (r.profile_public ? r.honorific : null),
  },
}

async function exported(runtime: TestRuntime, options: ExportOptions) {
  const tables = await transferredTables(runtime.deps.db, modules)
  const migrations = await appliedMigrations(runtime.database, migrationFiles(modules))
  const rows = new Map<string, Row[]>()
  for await (const line of exportLines(runtime.deps.db, tables, migrations, options)) {
    const parsed = JSON.parse(line) as { table?: string; row?: Row }
    if (parsed.table) rows.set(parsed.table, [...(rows.get(parsed.table) ?? []), parsed.row as Row])
  }
  return rows
}

describe('the public export', () => {
  const runtimes: TestRuntime[] = []
  afterAll(async () => {
    for (const r of runtimes) await r.close()
  })

  it('leaves out every table of personal data, transient ones too should they stop being transient', async () => {
    const runtime = await createTestRuntime('pglite', { referenceData: false })
    runtimes.push(runtime)
    const every = await describeTables(runtime.deps.db, [], [])
    const names = every.map((t) => t.name)
    for (const table of PRIVATE_TABLES) expect(names).toContain(table)
    const left = exportedTables(every, publicRules(modules)).map((t) => t.name)
    expect(PRIVATE_TABLES.filter((t) => left.includes(t))).toEqual([])
    expect(left.length).toBe(names.length - PRIVATE_TABLES.length)
  })

  for (const kind of DATABASE_KINDS)
    it(`on ${kind}: is the full export without the personal tables, with only the personal columns rewritten`, async () => {
      const runtime = await createTestRuntime(kind)
      runtimes.push(runtime)
      await loadDemo(runtime)
      // rows in the module tables the demo leaves empty, so that leaving them out is seen
      const db = raw(runtime.deps.db)
      await sql`insert into notifications_follow (account_id, subject_type, subject_id) values (1, 'process', 1)`.execute(
        db,
      )
      await sql`insert into notifications_preference (account_id, frequency) values (1, 'daily')`.execute(db)
      await sql`insert into contributions_draft (call_id, account_id, answers, saved_at)
        select min(id), 3, '{"1": "a draft"}', now() from processes_call`.execute(db)
      // and values in the personal columns the demo leaves empty, so that rewriting them is seen
      await sql`update auth_account set preferred_locale = 'fr', email_confirmation_hash = 'h',
        email_confirmation_expires_at = now() where id = 1`.execute(db)
      await sql`update actors_person set honorific = 'Dr' where not profile_public`.execute(db)
      await recordAudit(runtime.deps.db, {
        actor: { kind: 'system' },
        action: 'test.published',
        subjectType: 'test',
        subjectId: 1,
        requestId: 'request-1',
      })
      const full = await exported(runtime, {})
      const published = await exported(runtime, { public: publicRules(modules) })

      const present = PRIVATE_TABLES.filter((t) => full.has(t))
      expect(present.length).toBeGreaterThanOrEqual(4)
      expect([...full.keys()].filter((t) => !published.has(t)).sort()).toEqual(present)
      expect([...published.keys()].filter((t) => !full.has(t))).toEqual([])
      const rewritten = new Set<string>()
      for (const [table, rows] of published) {
        const rules = REWRITTEN[table] ?? {}
        const fullRows = full.get(table) as Row[]
        expect(rows.length, table).toBe(fullRows.length)
        rows.forEach((row, i) => {
          const before = fullRows[i] as Row
          const expected = Object.fromEntries(
            Object.entries(before).map(([column, value]) => [column, rules[column] ? rules[column](before) : value]),
          )
          expect(row, `${table} row ${i}`).toEqual(expected)
          for (const column of Object.keys(rules))
            if (JSON.stringify(row[column]) !== JSON.stringify(before[column])) rewritten.add(`${table}.${column}`)
        })
      }
      // every rule was seen at work, and a public profile keeps its name
      const declared = Object.entries(REWRITTEN).flatMap(([t, rules]) => Object.keys(rules).map((c) => `${t}.${c}`))
      expect([...rewritten].sort()).toEqual(declared.sort())
      expect(
        (published.get('actors_person') as Row[]).some((p) => p.profile_public && p.name !== `Person ${p.id}`),
      ).toBe(true)
    }, 180_000)
})
