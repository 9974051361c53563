// ecp export and import: the whole database as JSON Lines; export, import into an empty
// database and export again gives the same bytes, also from PGlite to PostgreSQL and back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { loadDemo } from '../../demo.ts'
import { modules } from '../../modules/index.ts'
import { migrationFiles } from '../../runtime.ts'
import { verifyAuditLog } from '../audit/audit.ts'
import { createAccount } from '../auth/accounts.ts'
import { grantRole } from '../auth/grants.ts'
import type { DatabaseKind } from './database.ts'
import { appliedMigrations } from './migrator.ts'
import { exportLines, transferredTables } from './transfer.ts'
import { importFile } from './transfer-import.ts'
import { type PublicRules, publicRules } from './transfer-public.ts'

const dir = mkdtempSync(join(tmpdir(), 'ecp-transfer-'))

async function exportTo(runtime: TestRuntime, file: string, options: { public?: PublicRules } = {}): Promise<string> {
  const tables = await transferredTables(runtime.deps.db, modules)
  const migrations = await appliedMigrations(runtime.database, migrationFiles(modules))
  const lines: string[] = []
  for await (const line of exportLines(runtime.deps.db, tables, migrations, options)) lines.push(line)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return readFileSync(file, 'utf8')
}

async function importInto(runtime: TestRuntime, file: string) {
  const tables = await transferredTables(runtime.deps.db, modules)
  const migrations = await appliedMigrations(runtime.database, migrationFiles(modules))
  return importFile(runtime.deps.db, file, tables, migrations)
}

describe('export and import', () => {
  const runtimes: TestRuntime[] = []
  let source: TestRuntime
  let first: string
  beforeAll(async () => {
    source = await createTestRuntime('pglite')
    runtimes.push(source)
    await loadDemo(source)
    first = await exportTo(source, join(dir, 'first.jsonl'))
  })
  afterAll(async () => {
    for (const r of runtimes) await r.close()
  })

  it('writes a header, then every row of every table but the transient ones', () => {
    const [header, ...rows] = first.trim().split('\n')
    const head = JSON.parse(header as string)
    expect(head.format).toBe('ecp-export')
    expect(head.tables.actors_member_state).toBe(195)
    expect(head.tables.auth_session).toBeUndefined()
    expect(rows.length).toBe(Object.values(head.tables as Record<string, number>).reduce((a, b) => a + b, 0))
  })

  it("writes the processes last, after the record a concluded one's triggers guard (proposals' names sort after)", () => {
    const tables = first
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => (JSON.parse(line) as { table: string }).table)
    expect(tables.at(-1)).toBe('processes_process')
    expect(tables.indexOf('proposals_proposal')).toBeGreaterThan(-1)
    expect(tables.indexOf('proposals_proposal')).toBeLessThan(tables.indexOf('processes_process'))
  })

  // the databases a test writes into are made before it (hookTimeout): on a loaded machine their
  // migrations alone took half a test's time, and only the export and import are under test
  const empty = (kind: DatabaseKind) => createTestRuntime(kind, { referenceData: false }).then(kept)
  const kept = (r: TestRuntime) => {
    runtimes.push(r)
    return r
  }

  for (const kind of DATABASE_KINDS) {
    describe(`into ${kind}`, () => {
      let target: TestRuntime
      beforeAll(async () => {
        target = await empty(kind)
      })
      it(`imports into an empty ${kind} database and exports the same bytes again`, async () => {
        const result = await importInto(target, join(dir, 'first.jsonl'))
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
        const again = await exportTo(target, join(dir, `again-${kind}.jsonl`))
        expect(again).toBe(first)
        expect((await verifyAuditLog(target.deps.db)).problem).toBeNull()
        // identity sequences continue after the imported rows
        const next = await target.deps.db
          .insertInto('authAccount')
          .values({ email: `after-import-${kind}@example.org`, displayName: 'After', passwordHash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow()
        expect(next.id).toBeGreaterThan(8)
      })
    })
  }

  it('refuses to import into a database that has data', async () => {
    const result = await importInto(source, join(dir, 'first.jsonl'))
    expect(result).toMatchObject({ ok: false, problem: 'database_not_empty' })
  })

  it('refuses a file that is not an export', async () => {
    // before it looks at the database: the source's data would be refused otherwise
    writeFileSync(join(dir, 'junk.jsonl'), '{"hello": "world"}\n')
    expect(await importInto(source, join(dir, 'junk.jsonl'))).toMatchObject({ ok: false, problem: 'not_an_export' })
  })

  for (const kind of DATABASE_KINDS) {
    describe(`while ${kind} is written`, () => {
      let busy: TestRuntime
      let target: TestRuntime
      beforeAll(async () => {
        busy = kept(await createTestRuntime(kind))
        await loadDemo(busy)
        target = await empty(kind)
      })
      it(`exports one consistent moment of a ${kind} database that is being written, which imports`, async () => {
        // accounts and their grants, written in pairs while the export reads table after table
        // (auth_account before auth_role_grant): read at different moments, a grant would name an
        // account the export does not hold
        let writing = true
        let pairs = 0
        const writer = (async () => {
          while (writing) {
            const account = await createAccount(busy.deps.db, {
              email: `load-${kind}-${pairs}@example.org`,
              displayName: `Load ${pairs}`,
              password: 'correct horse battery',
              confirmed: true,
            })
            if (!account.ok) throw new Error('account not created')
            await grantRole(busy.deps.db, {
              accountId: account.value.id,
              role: 'secretariat',
              scope: null,
              grantedBy: null,
            })
            pairs++
          }
        })()
        // the export starts once the writer has written (not after a fixed delay, which on a loaded
        // machine could pass before it wrote anything), and the writer goes on while it reads
        while (pairs === 0) await Promise.race([writer, new Promise((r) => setTimeout(r, 10))])
        const exported = await exportTo(busy, join(dir, `busy-${kind}.jsonl`))
        writing = false
        await writer
        const imported = await importInto(target, join(dir, `busy-${kind}.jsonl`))
        // the refusal's problem and detail in the failure, should it ever happen
        expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true })
        expect(exported.split('\n').length).toBeGreaterThan(100)
      }, 120_000)
    })
  }

  it('leaves out personal data from a public export: emails, password and token hashes, mail, private names', async () => {
    const publicFile = await exportTo(source, join(dir, 'public.jsonl'), { public: publicRules(modules) })
    const full = first
    expect(full).toMatch(/"email":"[^"]+@ecp\.example"/)
    expect(full).toContain('$argon2')
    expect(publicFile).not.toMatch(/@ecp\.example/)
    expect(publicFile).not.toContain('$argon2')
    const header = JSON.parse(publicFile.split('\n')[0] as string)
    expect(header.tables.core_mail_outbox).toBeUndefined()
    expect(header.tables.auth_api_token).toBeUndefined()
    expect(header.tables.auth_account).toBeGreaterThan(0)
    expect(publicFile).toContain('"email":"account-1@redacted.invalid"')
    expect(header.tables.audit_commitment).toBeUndefined()
    const restricted = publicFile
      .split('\n')
      .filter((l) => l.startsWith('{"table":"audit_entry"') && l.includes('"public":false'))
    expect(restricted.length).toBeGreaterThan(0)
    for (const line of restricted) expect(JSON.parse(line).row).toMatchObject({ payload: {}, actor_account_id: null })
  })
})
