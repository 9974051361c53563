// The modules' boundaries inside the database, which the import rules (boundaries.ts) cannot see:
// a module's migrations create its tables, views and functions under its own prefix; another
// module's SQL may point a foreign key at them, but reads or writes none of them, and calls only
// the functions their owner declares in its index.ts (`SQL_FUNCTIONS`), as TypeScript may only use
// what that index.ts exports. A pure function over the migrations' text, so the check itself can
// be tested on migrations made to break it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SqlObject {
  name: string
  kind: string
  module: string
  file: string
}

export interface SqlViolation {
  module: string
  file: string
  name: string
  why: string
}

/** module name -> its migrations, file name -> text */
export type Migrations = ReadonlyMap<string, ReadonlyMap<string, string>>

/** The prefix of a module's SQL names: `contribution-search` -> `contribution_search`. */
export const prefixOf = (module: string) => module.replace(/-/g, '_')
const carriesPrefix = (name: string, module: string) =>
  name === prefixOf(module) || name.startsWith(`${prefixOf(module)}_`)

const CREATE =
  /\bcreate\s+(?:or\s+replace\s+)?(?:unlogged\s+|temporary\s+|temp\s+|materialized\s+|unique\s+|constraint\s+)*(table|view|function|procedure|index|sequence|type|trigger|aggregate|domain)\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/g
/** a table handed over to another module under that module's name (how bodies and proposals took
 * their tables), with its indexes and sequences */
const HANDOVER =
  /\balter\s+(?:table|index|sequence)\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)\s+rename\s+to\s+([a-z_][a-z0-9_]*)/g
const CALLABLE = new Set(['function', 'procedure', 'aggregate'])

/** The SQL as written to run: comments out, lower case (names are not quoted in this repository). */
export function sqlText(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .toLowerCase()
}

/** In file order, who made each object: the first module to create it, or the one it was handed to. */
export function sqlObjects(migrations: Migrations): Map<string, SqlObject> {
  const files = [...migrations].flatMap(([module, sources]) =>
    [...sources].map(([file, source]) => ({ module, file, text: sqlText(source) })),
  )
  // migration files are named by time, so their names order them as the runner applies them
  files.sort((a, b) => a.file.localeCompare(b.file))
  const objects = new Map<string, SqlObject>()
  for (const { module, file, text } of files) {
    // `create index on t (...)`: an index left to PostgreSQL to name
    for (const [, kind, name] of text.matchAll(CREATE))
      if (name !== 'on' && !objects.has(name as string))
        objects.set(name as string, { name: name as string, kind: kind as string, module, file })
    for (const [, from, to] of text.matchAll(HANDOVER)) {
      const was = objects.get(from as string)
      if (was && carriesPrefix(to as string, module))
        objects.set(to as string, { ...was, name: to as string, module, file })
    }
  }
  return objects
}

/**
 * Where a module's SQL reaches past its own objects: another module's table, view, index or
 * sequence (a foreign key excepted), a function its owner does not declare, an object made under
 * another module's prefix; and declarations naming no function of the declaring module.
 */
export function sqlDependencyViolations(
  migrations: Migrations,
  declared: ReadonlyMap<string, readonly string[]>,
): SqlViolation[] {
  const objects = sqlObjects(migrations)
  const violations: SqlViolation[] = []
  for (const object of objects.values())
    if (!carriesPrefix(object.name, object.module))
      violations.push({
        module: object.module,
        file: object.file,
        name: object.name,
        why: `made under another prefix: the ${object.module} module's names begin ${prefixOf(object.module)}_`,
      })
  for (const [module, sources] of migrations) {
    for (const [file, source] of sources) {
      const text = sqlText(source)
      for (const word of text.matchAll(/[a-z_][a-z0-9_]*/g)) {
        const name = word[0]
        const object = objects.get(name)
        if (!object || object.module === module) continue
        const before = text.slice(Math.max(0, (word.index ?? 0) - 40), word.index)
        // a foreign key names the table it points at, which its owner keeps
        if (/\breferences\s+$/.test(before)) continue
        // a table (index, sequence) handed over: renamed into this module's own name
        if (/\balter\s+(?:table|index|sequence)\s+(?:if\s+exists\s+)?$/.test(before)) {
          const after = text.slice((word.index ?? 0) + name.length, (word.index ?? 0) + name.length + 120)
          const to = /^\s+rename\s+to\s+([a-z_][a-z0-9_]*)/.exec(after)?.[1]
          if (to && carriesPrefix(to, module)) continue
        }
        if (CALLABLE.has(object.kind)) {
          if ((declared.get(object.module) ?? []).includes(name)) continue
          violations.push({
            module,
            file,
            name,
            why: `calls a function of ${object.module} that it does not declare: add it to SQL_FUNCTIONS in src/modules/${object.module}/index.ts, or ask ${object.module} for one it declares`,
          })
          continue
        }
        violations.push({
          module,
          file,
          name,
          why: `uses a ${object.kind} of ${object.module}: another module's SQL calls a function ${object.module} declares (SQL_FUNCTIONS in its index.ts), never its tables`,
        })
      }
    }
  }
  for (const [module, names] of declared)
    for (const name of names) {
      const object = objects.get(name)
      if (!object || object.module !== module || !CALLABLE.has(object.kind))
        violations.push({
          module,
          file: `src/modules/${module}/index.ts`,
          name,
          why: `declared in SQL_FUNCTIONS but not a function the ${module} module's migrations create`,
        })
    }
  // one line per module, file and name: a function called ten times in a migration is one finding
  const seen = new Set<string>()
  return violations.filter((v) => {
    const key = `${v.module} ${v.file} ${v.name} ${v.why}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The functions a module's index.ts declares for other modules' SQL (`export const SQL_FUNCTIONS = [...]`). */
export function declaredFunctions(indexSource: string): string[] {
  const list = /export\s+const\s+SQL_FUNCTIONS\b[^=]*=\s*\[([\s\S]*?)\]/.exec(indexSource)?.[1]
  return list ? [...list.matchAll(/['"]([a-z_][a-z0-9_]*)['"]/g)].map((m) => m[1] as string) : []
}

/** Every module's migrations and declarations, read from src/modules. */
export function readModules(root: string): { migrations: Migrations; declared: Map<string, string[]> } {
  const modulesDir = join(root, 'src', 'modules')
  const migrations = new Map<string, Map<string, string>>()
  const declared = new Map<string, string[]>()
  for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const dir = join(modulesDir, entry.name)
    const files = new Map<string, string>()
    try {
      for (const file of readdirSync(join(dir, 'migrations')))
        if (file.endsWith('.sql')) files.set(file, readFileSync(join(dir, 'migrations', file), 'utf8'))
    } catch {
      // a module without migrations
    }
    migrations.set(entry.name, files)
    try {
      declared.set(entry.name, declaredFunctions(readFileSync(join(dir, 'index.ts'), 'utf8')))
    } catch {
      declared.set(entry.name, [])
    }
  }
  return { migrations, declared }
}
