// Schema conventions every migration keeps, checked on the migrated database.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'

describe('the schema', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite')
  })
  afterAll(() => runtime.close())

  it('makes every foreign key deferrable, so that an import can load rows in any order', async () => {
    const rows = await sql<{ name: string }>`
      select conname as name from pg_constraint
      where contype = 'f' and not condeferrable and connamespace = current_schema()::regnamespace`.execute(
      runtime.deps.db,
    )
    expect(rows.rows.map((r) => r.name)).toEqual([])
  })

  it('names every table with its module prefix', async () => {
    const rows = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
      runtime.deps.db,
    )
    // a module's id (its message namespace, "annualReports") in snake case ("annual_reports_")
    const snake = (id: string) => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replaceAll('-', '_')
    const prefixes = ['core_', 'auth_', 'audit_', ...runtime.deps.modules.map((m) => `${snake(m.id)}_`)]
    const strays = rows.rows.map((r) => r.name).filter((name) => !prefixes.some((p) => name.startsWith(p)))
    expect(strays).toEqual([])
  })

  it('applies the migrations again without change (they are recorded)', async () => {
    const { migrate } = await import('../../runtime.ts')
    expect(await migrate(runtime.database, runtime.deps.modules, runtime.deps.log)).toEqual([])
  })
})
