// Only a module's queries touch its tables, and the app's own files touch none; the list of files
// still holding SQL elsewhere only shrinks.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { firstTableAccess, sourcesUnder, sqlViolations } from './sql-placement.ts'

const root = join(import.meta.dirname, '..', '..')

/**
 * Module files that still touch tables outside their queries, being moved by the lanes that own
 * them. Whoever moves one's SQL into queries takes it off this list: the check fails when a listed
 * file has no SQL left or is gone, so the list only shrinks. Do not add to it.
 */
const STILL_OUTSIDE_QUERIES: readonly string[] = [
  // empty: negotiation's and proposals' commands moved by arch-neg and neg-arch, notifications',
  // processes' and contributions' open data by arch-rest
]

describe('SQL placement', () => {
  it("keeps SQL in the modules' queries files and out of the app's own files", () => {
    const violations = sqlViolations(sourcesUnder(root, ['src']), STILL_OUTSIDE_QUERIES)
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.why}`)).toEqual([])
  })

  it('catches a query in a manifest, a route or the CLI, with where and why', () => {
    const sources = new Map([
      ['src/modules/a/module.ts', "const n = await db.selectFrom('aThing').selectAll().execute()"],
      ['src/modules/a/routes.tsx', 'const rows = await sql<{ n: number }>`select 1`.execute(db)'],
      ['src/cli.ts', "\n\nawait db.deleteFrom('authSession').execute()"],
      ['src/modules/a/queries.ts', "db.insertInto('aThing')"],
      ['src/modules/a/queries/things.ts', "db.updateTable('aThing')"],
      ['src/modules/a/commands.test.ts', "db.selectFrom('aThing')"],
      ['src/core/auth/accounts.ts', "db.selectFrom('authAccount')"],
    ])
    expect(sqlViolations(sources, []).map((v) => [v.file, v.line])).toEqual([
      ['src/cli.ts', 3],
      ['src/modules/a/module.ts', 1],
      ['src/modules/a/routes.tsx', 1],
    ])
    expect(sqlViolations(sources, []).map((v) => v.why)).toEqual([
      expect.stringContaining("app's own files"),
      expect.stringContaining("module's queries"),
      expect.stringContaining("module's queries"),
    ])
  })

  it('makes the list of exceptions shrink: a listed file without SQL, or gone, fails', () => {
    const sources = new Map([['src/modules/a/commands.ts', 'export const clean = 1']])
    expect(sqlViolations(sources, ['src/modules/a/commands.ts', 'src/modules/b/gone.ts']).map((v) => v.why)).toEqual([
      expect.stringContaining('no SQL left'),
      expect.stringContaining('gone'),
    ])
  })

  it('reads comments as prose, not SQL', () => {
    expect(firstTableAccess('// we used to call db.selectFrom(x) here\n * sql`...` in a doc comment')).toBe(0)
  })
})
