// Where SQL may be written: in a module, only its queries files (`queries*.ts`, `queries/`) touch
// tables; the app's own files (app, cli, runtime, server, demo) touch none. Core is not checked
// here: each core subsystem owns its tables (core/auth the accounts, core/audit the log).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** Kysely's table-touching builders, and the `sql` template tag (with or without a type argument). */
const TABLE_ACCESS =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(|\bsql(<[^`\n]*>)?`|\bsql\.(raw|ref|table|id|lit)\(/

export interface SqlViolation {
  file: string
  line: number
  why: string
}

/** Whether the file is one that may touch tables (a module's queries), or one not checked. */
export function mayTouchTables(file: string): boolean {
  if (/\.test\.tsx?$/.test(file)) return true
  if (file.startsWith('src/modules/')) return /\/queries[^/]*\.tsx?$/.test(file) || /\/queries\//.test(file)
  if (/^src\/[^/]+\.tsx?$/.test(file)) return false
  return true
}

/** The first line of `source` that touches a table (1-based), or 0. */
export function firstTableAccess(source: string): number {
  const lines = source.split('\n')
  const found = lines.findIndex((line) => !/^\s*(\/\/|\*)/.test(line) && TABLE_ACCESS.test(line))
  return found + 1
}

/**
 * Files that touch tables where they may not, and listed files that no longer do or are gone
 * (take them off the list, so it only shrinks).
 */
export function sqlViolations(sources: ReadonlyMap<string, string>, stillOutside: readonly string[]): SqlViolation[] {
  const violations: SqlViolation[] = []
  const listed = new Set(stillOutside)
  for (const [file, source] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    if (mayTouchTables(file)) continue
    const line = firstTableAccess(source)
    if (line === 0) {
      if (listed.has(file)) violations.push({ file, line: 0, why: 'no SQL left: take it off STILL_OUTSIDE_QUERIES' })
      continue
    }
    if (listed.has(file)) continue
    violations.push({
      file,
      line,
      why: file.startsWith('src/modules/')
        ? "SQL outside the module's queries: move it to queries.ts (or queries-<what>.ts) and call it"
        : "SQL in the app's own files: ask the owning module's queries (through its index.ts) or core",
    })
  }
  for (const file of stillOutside) {
    if (!sources.has(file))
      violations.push({ file, line: 0, why: 'listed but gone: take it off STILL_OUTSIDE_QUERIES' })
  }
  return violations
}

/** The TypeScript sources under the given folders, by path from the root. */
export function sourcesUnder(root: string, folders: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name))
        sources.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'))
    }
  }
  for (const folder of folders) walk(join(root, folder))
  return sources
}
