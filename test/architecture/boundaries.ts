// The import rules of the house, as a pure function over an import graph, so the check itself can
// be tested on a graph made to break them: core imports no module (nor the app that assembles
// them); a module reaches another only through that module's index.ts; modules form no cycle.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** file (relative to the repository, with '/') -> the files it imports (same form). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>

export interface Violation {
  from: string
  to: string
  rule: 'core-imports-module' | 'module-internals' | 'module-cycle'
  why: string
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file)
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1]
const isCore = (file: string) => file.startsWith('src/core/')
/** The composition root and the registry: they assemble modules and may import each one's index.
 * (src/config.ts, the one reader of the environment, is not one of them: core may read it.) */
const isAssembly = (file: string) =>
  /^src\/(app|cli|demo|runtime|server)\.tsx?$/.test(file) || file === 'src/modules/index.ts'

export function boundaryViolations(graph: ImportGraph): Violation[] {
  const violations: Violation[] = []
  const moduleEdges = new Map<string, Map<string, { from: string; to: string }>>()
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (!to.startsWith('src/')) continue
      const target = moduleOf(to)
      // core's own tests may assemble the whole app (the module list) to test core against it
      if (isCore(from) && !isTest(from) && (target || isAssembly(to))) {
        violations.push({
          from,
          to,
          rule: 'core-imports-module',
          why: 'core knows no module: pass what core needs in through the manifest or a parameter',
        })
        continue
      }
      if (!target) continue
      const source = moduleOf(from)
      if (source === target) continue
      if (!to.endsWith(`src/modules/${target}/index.ts`)) {
        violations.push({
          from,
          to,
          rule: 'module-internals',
          why: `a module is reached only through its index.ts: export what is needed from src/modules/${target}/index.ts`,
        })
        continue
      }
      if (source && !isTest(from)) {
        const edges = moduleEdges.get(source) ?? new Map()
        if (!edges.has(target)) edges.set(target, { from, to })
        moduleEdges.set(source, edges)
      }
    }
  }
  violations.push(...cycles(moduleEdges))
  return violations
}

/** One violation per cycle among modules, found by depth-first search, naming the whole loop. */
function cycles(edges: Map<string, Map<string, { from: string; to: string }>>): Violation[] {
  const found: Violation[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const [next, edge] of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next]
        found.push({
          from: edge.from,
          to: edge.to,
          rule: 'module-cycle',
          why: `modules import each other in a loop: ${loop.join(' -> ')}`,
        })
      } else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

// Static imports and re-exports (possibly over several lines, as Biome formats them), side-effect
// imports and dynamic import() with a literal path. TypeScript 7 has no JavaScript API to ask, and
// Biome's formatting keeps these forms regular enough for patterns.
const IMPORT_FORMS = [
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
]

export function importsOf(source: string): string[] {
  return IMPORT_FORMS.flatMap((form) => [...source.matchAll(form)].map((match) => match[1] as string))
}

/** The import graph of the repository's TypeScript under the given folders. */
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name)) {
        const targets = importsOf(readFileSync(path, 'utf8'))
          .filter((name) => name.startsWith('.'))
          .map((name) =>
            relative(root, resolve(dirname(path), name))
              .split(sep)
              .join('/'),
          )
        graph.set(relative(root, path).split(sep).join('/'), targets)
      }
    }
  }
  for (const folder of folders) walk(join(root, folder))
  return graph
}
