// Names people type may carry U+202E (RIGHT-TO-LEFT OVERRIDE), which reverses the text that
// follows it. This walks every page reachable from the home page, as a visitor and as the
// Secretariat, after giving a person, an organization and a contribution such names, and fails
// on any such name printed bare: each must sit alone in a <bdi> (or an element with its own
// dir), between FSI and PDI in text that holds no markup, or in a form field's value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo.ts'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import { accountWithRole, apiTokenFor, signIn, signUp, TestClient } from '../support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'

const RLO = '\u202e'
const PERSON = `Eve ${RLO}live`
const ORGANIZATION = `Rogue ${RLO}gro`
const PAGE_LIMIT = 400
const SKIP =
  /\.(docx|xml|json|jsonl|ics|csv|zip|atom)(\?|$)|^\/(sign-out|api\/|attachments\/|library\/\d+\/file)|[?&]lang=/

/** Where each RLO in the page stands, and whether it is isolated there; returns the bare ones. */
function bareNames(html: string, names: readonly string[]): string[] {
  const problems: string[] = []
  let from = 0
  for (;;) {
    const at = html.indexOf(RLO, from)
    if (at === -1) break
    from = at + 1
    const name = names.find((n) => html.startsWith(n, at - n.indexOf(RLO)))
    if (!name) {
      problems.push(`an RLO outside a known name: …${html.slice(Math.max(0, at - 60), at + 20)}…`)
      continue
    }
    const start = at - name.indexOf(RLO)
    const end = start + name.length
    const before = html.slice(Math.max(0, start - 200), start)
    const after = html.slice(end, end + 20)
    const isolatedText = before.endsWith('\u2068') && after.startsWith('\u2069')
    const ownElement = /<(bdi)(\s[^>]*)?>$|<[a-z][\w-]*\s[^>]*\bdir="[^"]*"[^>]*>$/.test(before) && /^<\//.test(after)
    const fieldValue = /\svalue="$/.test(before) || /<textarea[^>]*>$/.test(before)
    if (!isolatedText && !ownElement && !fieldValue) {
      problems.push(`${html.slice(Math.max(0, start - 80), start)}[${name}]${after}`)
    }
  }
  return problems
}

describe.each(DATABASE_KINDS)('names isolated on every page on %s', (kind) => {
  let runtime: TestRuntime
  let secretariat: TestClient
  let eveClient: TestClient

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    // a person with a reversing name, public, who speaks for an organization with one too
    const eve = await signUp(runtime, PERSON)
    await eve.client.submit('/account/profile', { displayName: PERSON, profilePublic: ['yes'] }, '/account')
    const staff = await accountWithRole(runtime, 'secretariat')
    const token = await apiTokenFor(runtime, staff.accountId, ['secretariat'])
    const created = await new TestClient(runtime).json('/api/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: { en: ORGANIZATION }, stakeholderGroup: 'civil_society' }),
    })
    const organizationId = created.body.data.id as number
    await eve.client.submit(
      '/accreditation',
      { kind: 'stakeholder_representative', organization: String(organizationId), title: 'Director' },
      '/accreditation',
    )
    await eve.client.submit('/accreditation', { kind: 'government_delegate', memberState: 'KEN', title: 'Envoy' })
    secretariat = await signIn(runtime, 'secretariat@ecp.example', DEMO_PASSWORD)
    const queue = (await secretariat.get('/administration/accreditation')).html
    for (const [, approve] of queue.matchAll(/action="(\/administration\/accreditation\/\d+\/approve)"/g)) {
      await secretariat.submit(approve as string, {}, '/administration/accreditation')
    }
    eveClient = eve.client
    // the organization offers capacity building, proposes a text, and has a mechanism on the map
    const offerForm = (await eve.client.get('/capacity/offers/new')).html
    const issue = /name="issues\[\]"[^>]* value="([^"]+)"/.exec(offerForm)?.[1] as string
    await eve.client.submit('/capacity/offers/new', {
      organizationId: String(organizationId),
      title: 'Training for policy makers',
      issues: [issue],
      modality: 'online',
    })
    const proposal = await eve.client.submit(
      '/proposals',
      {
        processId: '2',
        title: 'A proposal from the organization',
        text: 'Invites all stakeholders to cooperate.',
        speakers: [`organization:${organizationId}`],
      },
      '/proposals/new?process=2',
    )
    expect(proposal.response.status).toBe(303)
    const mechanism = await secretariat.submit('/mechanisms/new', {
      organizationId: String(organizationId),
      name: 'Rogue forum',
      type: 'forum',
      governments: 'equal_footing',
      stakeholders: 'full_member',
      issueIds: [],
    })
    expect(mechanism.response.status).toBe(303)
    const eveOnPage = (await eve.client.get('/processes')).html
    const process = /href="\/processes\/(\d+)"/.exec(eveOnPage)?.[1]
    const call = /href="\/calls\/(\d+)\/contribute"/.exec((await eve.client.get(`/processes/${process}`)).html)?.[1]
    if (call) {
      const form = (await eve.client.get(`/calls/${call}/contribute`)).html
      const question = /name="(answers\.\d+)"/.exec(form)?.[1] as string
      const body = new FormData()
      body.set('_csrf', eve.client.lastCsrf)
      body.set('speaker', 'self')
      body.set('language', 'en')
      body.set(question, 'An answer from a person whose name reverses text.')
      await eve.client.request(`/calls/${call}/contribute`, {
        method: 'POST',
        body,
        headers: { origin: 'http://localhost' },
      })
    }
  }, 120_000)
  afterAll(() => runtime.close())

  async function crawl(client: TestClient, seeds: string[]) {
    const seen = new Set<string>()
    const queue = [...seeds]
    const problems: string[] = []
    let rlo = 0
    while (queue.length > 0 && seen.size < PAGE_LIMIT) {
      const path = queue.shift() as string
      if (seen.has(path)) continue
      seen.add(path)
      const response = await client.request(path)
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue
      const html = await response.text()
      if (html.includes(RLO)) rlo++
      for (const p of bareNames(html, [PERSON, ORGANIZATION])) problems.push(`${path}: ${p}`)
      for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = (href as string).replaceAll('&amp;', '&')
        if (!SKIP.test(link) && !seen.has(link)) queue.push(link)
      }
    }
    return { problems, pages: seen.size, withName: rlo }
  }

  it('prints no such name bare, to a visitor or to the Secretariat', { timeout: 300_000 }, async () => {
    const visitor = await crawl(new TestClient(runtime), ['/', '/organizations', '/people', '/processes'])
    const staff = await crawl(secretariat, [
      '/',
      '/administration',
      '/administration/accreditation?status=approved',
      '/organizations',
    ])
    const herself = await crawl(eveClient, ['/account', '/accreditation', '/member-states/KEN', '/'])
    expect(herself.problems).toEqual([])
    // the walk did reach pages that show the names
    expect(visitor.withName).toBeGreaterThan(2)
    expect(staff.withName).toBeGreaterThan(3)
    expect([...visitor.problems, ...staff.problems]).toEqual([])
  })

  it('recognises a bare name, and accepts the isolated forms', () => {
    expect(bareNames(`<li>${PERSON}, Kenya</li>`, [PERSON])).toHaveLength(1)
    expect(bareNames(`<li><bdi>${PERSON}</bdi>, Kenya</li>`, [PERSON])).toEqual([])
    expect(bareNames(`<td dir="auto">${PERSON}</td>`, [PERSON])).toEqual([])
    expect(bareNames(`<title>\u2068${PERSON}\u2069 - ecp</title>`, [PERSON])).toEqual([])
    expect(bareNames(`<input value="${PERSON}">`, [PERSON])).toEqual([])
  })
})
