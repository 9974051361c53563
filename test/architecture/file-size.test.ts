// No source file over 300 lines except data, and the list of files still too long only shrinks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileLengths, MAX_LINES, sizeViolations } from './file-size.ts'

const root = join(import.meta.dirname, '..', '..')

/**
 * Source files still over 300 lines, being split by the lanes that own them. Whoever splits one
 * takes it off this list: the check fails when a listed file is short enough or gone, so the list
 * only shrinks, and a file not listed may not grow past the limit. Do not add to it.
 */
const STILL_TOO_LONG: readonly string[] = []

describe('file size', () => {
  it(`keeps every source file under src/ at ${MAX_LINES} lines or fewer, except reference and demo data`, () => {
    const violations = sizeViolations(fileLengths(root, ['src']), STILL_TOO_LONG)
    expect(violations.map((v) => `${v.file} (${v.lines} lines): ${v.why}`)).toEqual([])
  })

  it('catches a new file over the limit, and counts neither tests, reference data nor demo data', () => {
    const lengths = new Map([
      ['src/modules/a/routes.tsx', 301],
      ['src/modules/a/queries.ts', 300],
      ['src/modules/a/routes.test.tsx', 900],
      ['src/modules/actors/reference/overrides.ts', 900],
      ['src/modules/a/demo-data.ts', 900],
      ['src/modules/a/demo.ts', 400],
      ['test/support/runtime.ts', 900],
    ])
    expect(sizeViolations(lengths, []).map((v) => [v.file, v.lines])).toEqual([
      ['src/modules/a/demo.ts', 400],
      ['src/modules/a/routes.tsx', 301],
    ])
  })

  it('lets a listed file stay long, and fails once it is short enough or gone, so the list only shrinks', () => {
    const lengths = new Map([
      ['src/modules/a/long.ts', 500],
      ['src/modules/a/split.ts', 120],
    ])
    const violations = sizeViolations(lengths, [
      'src/modules/a/long.ts',
      'src/modules/a/split.ts',
      'src/modules/a/gone.ts',
    ])
    expect(violations.map((v) => v.file)).toEqual(['src/modules/a/split.ts', 'src/modules/a/gone.ts'])
    expect(violations[0]?.why).toContain('take it off STILL_TOO_LONG')
  })

  it('counts lines as an editor numbers them, a last line without a newline included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecp-size-'))
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'src', 'a.ts'), 'one\ntwo\n')
    writeFileSync(join(dir, 'src', 'b.tsx'), 'one\ntwo\nthree')
    writeFileSync(join(dir, 'src', 'c.json'), 'one\n')
    expect(fileLengths(dir, ['src'])).toEqual(
      new Map([
        ['src/a.ts', 2],
        ['src/b.tsx', 3],
      ]),
    )
    rmSync(dir, { recursive: true })
  })
})
