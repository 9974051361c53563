// The modules' boundaries at the tables, seen from TypeScript: a module's code names only its own
// tables, in Kysely's builders (`selectFrom('negotiationDocument')`, `'negotiationDocument.id'`)
// and in raw SQL (`sql\`select ... from negotiation_document\``); another module's tables it reaches
// through that module's index.ts. A table belongs to the module whose migration creates it (or
// took it by rename), as sql-dependencies.ts decides. A pure function over sources and owners, so
// the check itself can be tested on code made to break it.
import { type Migrations, sqlObjects } from './sql-dependencies.ts'

export interface TableUse {
  file: string
  line: number
  table: string
  owner: string
  why: string
}

/** snake_case -> the camelCase name Kysely's CamelCasePlugin gives TypeScript. */
export const camelOf = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** table (or view) name -> the module owning it, from the migrations; core's tables are no module's. */
export function tableOwners(migrations: Migrations): Map<string, string> {
  const owners = new Map<string, string>()
  for (const object of sqlObjects(migrations).values())
    if (object.kind === 'table' || object.kind === 'view') owners.set(object.name, object.module)
  return owners
}

/** The module a file belongs to (`src/modules/<m>/...`), 'core' for the rest of src. */
export const ownerOfFile = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? 'core'

/**
 * The code as written to run: block and line comments blanked (`//` only at a line's start or
 * after a space, so `https://` stays), line breaks kept so line numbers hold.
 */
export function codeText(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|\s)\/\/[^\n]*/g, '$1')
}

/**
 * Every table a source names, with its line: a quoted Kysely name (alone, aliased, or before a
 * column) and a snake_case name as a word anywhere in the code (raw SQL; TypeScript spells its own
 * identifiers in camelCase, so a snake_case table name in code is SQL or a table list).
 */
export function tablesNamed(source: string, tables: Iterable<string>): { table: string; line: number }[] {
  const code = codeText(source)
  const byCamel = new Map<string, string>()
  const bySnake = new Set<string>()
  for (const table of tables) {
    byCamel.set(camelOf(table), table)
    bySnake.add(table)
  }
  const found: { table: string; line: number }[] = []
  const lineAt = (index: number) => code.slice(0, index).split('\n').length
  for (const m of code.matchAll(/['"`]([a-z][A-Za-z0-9]*)(?=['"`. ])/g)) {
    const table = byCamel.get(m[1] as string)
    if (table) found.push({ table, line: lineAt(m.index ?? 0) })
  }
  for (const m of code.matchAll(/(?<![A-Za-z0-9_$.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_$])/g))
    if (bySnake.has(m[0])) found.push({ table: m[0], line: lineAt(m.index ?? 0) })
  return found.sort((a, b) => a.line - b.line)
}

/**
 * Where code (tests aside) names another module's table. `allowed` lists the files that read every module's
 * tables by design, with the tables (or '*') each may name; a listed file that no longer names
 * any, or is gone, is reported too, so the list only shrinks.
 */
export function tableUseViolations(
  sources: ReadonlyMap<string, string>,
  owners: ReadonlyMap<string, string>,
  allowed: ReadonlyMap<string, readonly string[]> = new Map(),
): TableUse[] {
  const violations: TableUse[] = []
  for (const [file, source] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    // a test observes the database whole: it counts the statements a page sends per table, or sets
    // up a state the owner's exports refuse (to see its triggers refuse it too)
    if (/\.test\.tsx?$/.test(file)) continue
    const module = ownerOfFile(file)
    const permitted = allowed.get(file)
    let named = 0
    const seen = new Set<string>()
    for (const { table, line } of tablesNamed(source, owners.keys())) {
      const owner = owners.get(table) as string
      if (owner === module) continue
      named++
      if (permitted && (permitted.includes('*') || permitted.includes(table))) continue
      // one finding per file and table: a table named ten times is one reach
      if (seen.has(table)) continue
      seen.add(table)
      violations.push({
        file,
        line,
        table,
        owner,
        why: `${module === 'core' ? 'core' : `the ${module} module`} names a table of ${owner}: call a function src/modules/${owner}/index.ts exports instead (or move the table to the module that owns its rules)`,
      })
    }
    if (permitted && named === 0)
      violations.push({
        file,
        line: 0,
        table: '',
        owner: '',
        why: 'allowed but names no other table now: take it off the list',
      })
  }
  for (const file of allowed.keys())
    if (!sources.has(file))
      violations.push({ file, line: 0, table: '', owner: '', why: 'allowed but gone: take it off the list' })
  return violations
}
