// The size rule of the house, as a pure function over file lengths, so the check itself can be
// tested on made-up files: no source file over 300 lines except data, and a list of the files
// still too long that only shrinks.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** A source file may have at most this many lines. */
export const MAX_LINES = 300

/**
 * Files that are data, not code, and so keep their length:
 * - `src/modules/<m>/reference/**`: reference data built from the UN's own sources (Member States,
 *   their names in six languages, groups and classifications), rebuilt by a script, never read as code;
 * - `src/modules/<m>/demo-*.ts(x)`: demo data (the seeded bodies, organizations, mechanisms), one
 *   record after another. A module's `demo.ts`, the code that loads it, is code and is checked.
 */
export const DATA_FILES: readonly RegExp[] = [
  /^src\/modules\/[^/]+\/reference\//,
  /^src\/modules\/[^/]+\/demo-[^/]+\.tsx?$/,
]

export const isSource = (file: string) =>
  file.startsWith('src/') && /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts')

export const isData = (file: string) => DATA_FILES.some((pattern) => pattern.test(file))

export interface SizeViolation {
  file: string
  lines: number
  why: string
}

/**
 * Source files over MAX_LINES that are not data nor listed as still too long, and listed files
 * that are now short enough or gone (take them off the list, so it only shrinks).
 */
export function sizeViolations(lengths: ReadonlyMap<string, number>, stillTooLong: readonly string[]): SizeViolation[] {
  const violations: SizeViolation[] = []
  const listed = new Set(stillTooLong)
  for (const [file, lines] of [...lengths].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isSource(file) || isData(file) || lines <= MAX_LINES || listed.has(file)) continue
    violations.push({
      file,
      lines,
      why: `over ${MAX_LINES} lines: split it by page group or concern (views/, routes-<group>.tsx, queries-<what>.ts)`,
    })
  }
  for (const file of stillTooLong) {
    const lines = lengths.get(file)
    if (lines === undefined)
      violations.push({ file, lines: 0, why: 'listed as still too long but gone: take it off STILL_TOO_LONG' })
    else if (lines <= MAX_LINES)
      violations.push({ file, lines, why: `now ${lines} lines, short enough: take it off STILL_TOO_LONG` })
  }
  return violations
}

/** Lines per file (as `wc -l` counts them) of every TypeScript file under the given folders. */
export function fileLengths(root: string, folders: readonly string[]): Map<string, number> {
  const lengths = new Map<string, number>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8')
        lengths.set(relative(root, path).split(sep).join('/'), text.split('\n').length - (text.endsWith('\n') ? 1 : 0))
      }
    }
  }
  for (const folder of folders) walk(join(root, folder))
  return lengths
}
