// Every page a person can reach, walked from the registered routes as a visitor, an administrator,
// the Secretariat, a Chair, a delegate and an organization's focal point, in English and in Arabic: no page shows a raw message key, `undefined`,
// `NaN` or `[object Object]`, and every registered page route is reached by the walk (a page
// nobody links to is either dead or missing a link). PGlite only: a page's words do not depend
// on the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo.ts'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import { modules } from '../../src/modules/index.ts'
import { loadMessages } from '../../src/runtime.ts'
import { signIn, TestClient } from '../support/client.ts'
import { createTestRuntime, type TestRuntime } from '../support/runtime.ts'
import { NOT_PAGES, pageProblems, routePattern, UNLINKED } from './pages.ts'

const SKIP = NOT_PAGES
/** how many addresses of one route pattern the walk opens (193 Member States add nothing) */
const PER_PATTERN = 3

const keys = new Set(Object.keys(loadMessages(modules).catalogs.en))

describe('every page, in English and Arabic', () => {
  let runtime: TestRuntime
  let patterns: { path: string; regex: RegExp }[]

  beforeAll(async () => {
    runtime = await createTestRuntime('pglite')
    await loadDemo(runtime)
    patterns = [
      ...new Set(runtime.app.routes.filter((r) => r.method === 'GET' && !r.path.includes('*')).map((r) => r.path)),
    ]
      .filter((path) => !SKIP.test(path))
      .map((path) => ({ path, regex: routePattern(path) }))
    // the whole demo loads first: over two minutes on two cores shared with other suites
  }, 300_000)
  afterAll(() => runtime.close())

  async function walk(client: TestClient, lang: 'en' | 'ar', reached: Set<string>) {
    const seen = new Set<string>()
    const perPattern = new Map<string, number>()
    const queue = ['/', '/processes', '/administration', '/account', '/member-states', '/organizations']
    const problems: string[] = []
    await client.request(`/?lang=${lang}`)
    while (queue.length > 0) {
      const path = queue.shift() as string
      if (seen.has(path)) continue
      const pattern = patterns.find((p) => p.regex.test(path.split('?')[0] as string))?.path ?? path
      const opened = perPattern.get(pattern) ?? 0
      if (opened >= PER_PATTERN) continue
      perPattern.set(pattern, opened + 1)
      seen.add(path)
      const response = await client.request(path)
      if (response.status >= 500) problems.push(`${path}: ${response.status}`)
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue
      if (response.status < 400) reached.add(pattern)
      const html = await response.text()
      for (const problem of pageProblems(html, keys)) problems.push(`${lang} ${path}: ${problem}`)
      for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = (href as string).replaceAll('&amp;', '&').replace(/[?&]lang=[a-z]{2}/, '')
        if (!SKIP.test(link) && !seen.has(link)) queue.push(link)
      }
    }
    return problems
  }

  it('shows no raw message key, undefined, NaN or [object Object], and reaches every page route', {
    timeout: 600_000,
  }, async () => {
    const reached = new Set<string>()
    const problems: string[] = []
    for (const lang of ['en', 'ar'] as const) {
      problems.push(...(await walk(new TestClient(runtime), lang, reached)))
      for (const email of [
        'admin@ecp.example',
        'secretariat@ecp.example',
        'chair@ecp.example',
        'delegate.bra@ecp.example',
        'apc@ecp.example',
      ]) {
        problems.push(...(await walk(await signIn(runtime, email, DEMO_PASSWORD), lang, reached)))
      }
    }
    expect(problems).toEqual([])
    const unreached = patterns.map((p) => p.path).filter((path) => !reached.has(path) && !(path in UNLINKED))
    expect(unreached).toEqual([])
  })
})

describe('the page check', () => {
  const catalog = new Set(['actors.stakeholder.civilSociety', 'site.home.title'])

  it('finds a raw message key in text and in an attribute, and one the catalogs lack', () => {
    expect(pageProblems('<td>actors.stakeholder.civilSociety</td>', catalog)).toEqual([
      'raw message key actors.stakeholder.civilSociety',
    ])
    expect(pageProblems('<button aria-label="site.home.title">x</button>', catalog)).toHaveLength(1)
    expect(pageProblems('<td>actors.stakeholder.privateSector</td>', catalog)).toEqual([
      'unknown message key actors.stakeholder.privateSector',
    ])
  })

  it('finds undefined, NaN and [object Object] printed on a page', () => {
    expect(pageProblems('<p>Filled undefined of 4</p><p>NaN %</p><p>[object Object]</p>', catalog)).toHaveLength(3)
  })

  it('leaves scripts, code, addresses and ordinary dotted words alone', () => {
    const page =
      '<script>let x = undefined</script><code>capacity.matched</code>' +
      '<p>mail secretariat@ecp.example, see ecp.example/site.home or A/RES/70.125, version 1.2.3</p>'
    expect(pageProblems(page, catalog)).toEqual([])
  })

  it('turns route paths into patterns that match their addresses only', () => {
    expect(routePattern('/processes/:id{[0-9]+}').test('/processes/12')).toBe(true)
    expect(routePattern('/processes/:id{[0-9]+}').test('/processes/x')).toBe(false)
    expect(routePattern('/member-states/:iso3').test('/member-states/BRA')).toBe(true)
    expect(routePattern('/member-states/:iso3').test('/member-states/BRA/people')).toBe(false)
  })
})
