// The house's import rules hold over the whole repository, and the check fails when they break.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boundaryViolations, importGraph, importsOf } from './boundaries.ts'

const root = join(import.meta.dirname, '..', '..')

describe('import boundaries', () => {
  it('hold across src, test and bench: core imports no module, modules meet only at index.ts, no cycles', () => {
    const violations = boundaryViolations(importGraph(root, ['src', 'test', 'bench']))
    expect(violations.map((v) => `${v.from} imports ${v.to}: ${v.why}`)).toEqual([])
  })

  it('reads imports over several lines, type-only, re-exports, side effects and dynamic ones', () => {
    const source = [
      "import {\n  a,\n  type B,\n} from '../a/index.ts'",
      "import type { C } from './c.ts'",
      "export { d } from './d.ts'",
      "import './e.css'",
      "const f = await import('../f/index.ts')",
    ].join('\n')
    expect(importsOf(source).sort()).toEqual(['../a/index.ts', '../f/index.ts', './c.ts', './d.ts', './e.css'])
  })

  it('catches core importing a module, with the reason', () => {
    const graph = new Map([['src/core/http/app.ts', ['src/modules/negotiation/index.ts']]])
    expect(boundaryViolations(graph)).toEqual([expect.objectContaining({ rule: 'core-imports-module' })])
  })

  it('catches core importing the app that assembles the modules', () => {
    const graph = new Map([['src/core/db/upkeep.ts', ['src/runtime.ts']]])
    expect(boundaryViolations(graph).map((v) => v.rule)).toEqual(['core-imports-module'])
  })

  it("catches a module reaching into another module's files, in code and in tests", () => {
    const graph = new Map([
      ['src/modules/reports/report.ts', ['src/modules/negotiation/queries.ts']],
      ['src/modules/reports/report.test.ts', ['src/modules/processes/commands.ts']],
      ['test/e2e/flow.test.ts', ['src/modules/negotiation/commands-documents.ts']],
    ])
    expect(boundaryViolations(graph).map((v) => [v.from, v.rule])).toEqual([
      ['src/modules/reports/report.ts', 'module-internals'],
      ['src/modules/reports/report.test.ts', 'module-internals'],
      ['test/e2e/flow.test.ts', 'module-internals'],
    ])
  })

  it('catches modules importing each other in a loop, naming the loop', () => {
    const graph = new Map([
      ['src/modules/a/commands.ts', ['src/modules/b/index.ts']],
      ['src/modules/b/queries.ts', ['src/modules/c/index.ts']],
      ['src/modules/c/rules.ts', ['src/modules/a/index.ts']],
    ])
    const [cycle, ...rest] = boundaryViolations(graph)
    expect(rest).toEqual([])
    expect(cycle?.rule).toBe('module-cycle')
    expect(cycle?.why).toContain('a -> b -> c -> a')
  })

  it('accepts a module using another through its index, its own files freely, and core', () => {
    const graph = new Map([
      ['src/modules/a/commands.ts', ['src/modules/b/index.ts', 'src/modules/a/rules/x.ts', 'src/core/db/database.ts']],
      ['src/modules/index.ts', ['src/modules/a/index.ts']],
      ['src/core/i18n/catalogs.test.ts', ['src/modules/index.ts']],
    ])
    expect(boundaryViolations(graph)).toEqual([])
  })
})
