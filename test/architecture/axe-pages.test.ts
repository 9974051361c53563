// The browser tests' axe lists (test/e2e/axe-pages.ts) held against the registered page routes:
// a page route that no list names has no axe check, and the check says which. Those not yet in a
// list are named below with why; the list only shrinks (a named one that gains an axe check, or
// whose route is gone, fails until taken off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHAIR_PAGES,
  FOUNDATION_PUBLIC_PAGES,
  FOUNDATION_SIGNED_IN_PAGES,
  FOUNDATION_STAFF_PAGES,
  NOTICES_PAGES,
  PROCESS_PUBLIC_PAGES,
  PROCESS_SIGNED_IN_PAGES,
} from '../e2e/axe-pages.ts'
import { createTestRuntime, type TestRuntime } from '../support/runtime.ts'
import { NOT_PAGES, routePattern, UNLINKED } from './pages.ts'

/** Page routes with no axe check yet, and why. Do not add to it: add the page to an axe list. */
const NOT_YET_AXE_CHECKED: Record<string, string> = {}

const AXE_CHECKED = [
  ...FOUNDATION_PUBLIC_PAGES,
  ...FOUNDATION_SIGNED_IN_PAGES,
  ...FOUNDATION_STAFF_PAGES,
  ...PROCESS_PUBLIC_PAGES,
  ...PROCESS_SIGNED_IN_PAGES,
  ...NOTICES_PAGES,
  ...CHAIR_PAGES,
]

/** The page routes (GET, not a download, feed or API) that no checked address matches. */
function uncheckedRoutes(routes: readonly string[], checked: readonly string[]): string[] {
  const paths = checked.map((address) => address.split('?')[0] as string)
  return [...new Set(routes)]
    .filter((route) => !NOT_PAGES.test(route) && !route.includes('*') && !(route in UNLINKED))
    .filter((route) => !paths.some((path) => routePattern(route).test(path)))
    .sort()
}

describe('the axe page lists', () => {
  let runtime: TestRuntime
  let routes: string[]
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite', { referenceData: false })
    routes = runtime.app.routes.filter((r) => r.method === 'GET').map((r) => r.path)
  }, 120_000)
  afterAll(() => runtime?.close())

  it('name an address of every registered page route, or say why not', () => {
    const unchecked = uncheckedRoutes(routes, AXE_CHECKED)
    expect(unchecked.filter((route) => !(route in NOT_YET_AXE_CHECKED))).toEqual([])
    expect(Object.keys(NOT_YET_AXE_CHECKED).filter((route) => !unchecked.includes(route))).toEqual([])
  })

  it('sees a page route that no list names, and only that one', () => {
    const routes = ['/things', '/things/:id{[0-9]+}', '/things/:id{[0-9]+}/edit', '/things.csv', '/api/v1/things']
    expect(uncheckedRoutes(routes, ['/things?page=2', '/things/4'])).toEqual(['/things/:id{[0-9]+}/edit'])
  })
})
