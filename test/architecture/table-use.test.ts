// A module's TypeScript names only its own tables, as its SQL does (sql-dependencies.test.ts); the
// core names none: a module declares what the core must know of its tables through its manifest
// (`privateTables` and `privateColumns` for the public export, `openData`, `activity`), and the
// core reads every table only from the catalog (transfer.ts). The check fails when broken.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readModules } from './sql-dependencies.ts'
import { sourcesUnder } from './sql-placement.ts'
import { tableOwners, tablesNamed, tableUseViolations } from './table-use.ts'

const root = join(import.meta.dirname, '..', '..')

const modulesOf = (modules: Record<string, Record<string, string>>) =>
  new Map(Object.entries(modules).map(([m, files]) => [m, new Map(Object.entries(files))]))
const OWNERS = tableOwners(
  modulesOf({
    a: { '20261201-0100-a-create.sql': 'create table a_thing (id bigint); create view a_summary as select 1;' },
    b: { '20261202-0100-b-create.sql': 'create table b_note (id bigint); alter table a_gift rename to b_gift;' },
  }),
)

describe('tables used from TypeScript', () => {
  it("hold across src: every module's code names only its own tables, core none of theirs", () => {
    const owners = tableOwners(readModules(root).migrations)
    const violations = tableUseViolations(sourcesUnder(root, ['src']), owners)
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.table}: ${v.why}`)).toEqual([])
  })

  it('gives each table the module whose migration made it or took it by rename', () => {
    const owners = tableOwners(readModules(root).migrations)
    expect(owners.get('negotiation_document')).toBe('negotiation')
    // negotiation's first migrations made them; proposals took them under its name (20261214-0310)
    for (const table of ['proposals_proposal', 'proposals_proposal_version', 'proposals_cosponsorship'])
      expect(owners.get(table)).toBe('proposals')
    expect(owners.get('bodies_member')).toBe('bodies')
    expect(owners.has('auth_account')).toBe(false)
  })

  it("catches another module's table in Kysely's builders, references and raw SQL, once per file", () => {
    const sources = new Map([
      ['src/modules/b/queries.ts', "db.selectFrom('aThing').selectAll()\n.where('aThing.id', '=', 1)"],
      ['src/modules/b/queries-join.ts', "db.selectFrom('bNote as n').innerJoin('aSummary as s', 's.id', 'n.id')"],
      ['src/modules/b/queries-raw.ts', 'await sql`select *\n  from a_thing join b_note using (id)`.execute(db)'],
    ])
    expect(tableUseViolations(sources, OWNERS).map((v) => [v.file, v.line, v.table, v.owner])).toEqual([
      ['src/modules/b/queries-join.ts', 1, 'a_summary', 'a'],
      ['src/modules/b/queries-raw.ts', 2, 'a_thing', 'a'],
      ['src/modules/b/queries.ts', 1, 'a_thing', 'a'],
    ])
  })

  it("accepts a module's own tables, core's tables, tests, comments and names that merely contain a table's", () => {
    const sources = new Map([
      ['src/modules/b/queries.ts', "db.selectFrom('bNote').innerJoin('bGift', 'bGift.id', 'bNote.id')"],
      ['src/modules/b/queries-core.ts', "db.selectFrom('authAccount'); sql`select 1 from audit_entry`"],
      [
        'src/modules/b/commands.ts',
        "// once read a_thing here\n/** db.selectFrom('aThing') */\nconst aThingCount = 'a_thing_count'",
      ],
      ['src/modules/b/queries.test.ts', "db.selectFrom('aThing')"],
    ])
    expect(tableUseViolations(sources, OWNERS)).toEqual([])
  })

  it('catches core naming a table unless listed, and makes the list shrink', () => {
    const sources = new Map([
      ['src/core/db/transfer.ts', "const omitted = ['a_thing', 'b_note']"],
      ['src/core/db/clean.ts', 'export const clean = 1'],
    ])
    const allowed = new Map<string, readonly string[]>([
      ['src/core/db/transfer.ts', ['a_thing']],
      ['src/core/db/clean.ts', ['*']],
      ['src/core/db/gone.ts', ['*']],
    ])
    expect(tableUseViolations(sources, OWNERS, allowed).map((v) => [v.file, v.table || v.why])).toEqual([
      ['src/core/db/clean.ts', expect.stringContaining('names no other table now')],
      ['src/core/db/transfer.ts', 'b_note'],
      ['src/core/db/gone.ts', expect.stringContaining('gone')],
    ])
  })

  it('reads a URL as code, not a comment', () => {
    expect(tablesNamed("fetch('https://x.org/a_thing') // a_thing", ['a_thing']).map((f) => f.line)).toEqual([1])
  })
})
