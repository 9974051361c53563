// Signing in as an attacker would probe it: lockouts, meeting rooms behind one address, growing
// delays, forged X-Forwarded-For, open redirects, session rotation and lifetime, CSRF tokens
// tied to the session, caching of private pages. On each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'

const PASSWORD = 'correct horse battery'

describe.each(DATABASE_KINDS)('signing in on %s', (kind) => {
  let runtime: TestRuntime
  let clock = new Date('2026-12-05T09:00:00Z')
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000)
  }
  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { now: () => clock })
  })
  afterAll(() => runtime.close())

  const attempt = (email: string, password: string, ip: string) =>
    new TestClient(runtime, { 'x-forwarded-for': ip }).submit('/sign-in', { email, password })

  it("lets the owner in from their own address after anyone's eight wrong passwords", async () => {
    const { email } = await signUp(runtime)
    for (let i = 0; i < 8; i++) await attempt(email, `wrong guess number ${i}`, '203.0.113.66')
    const owner = await attempt(email, PASSWORD, '198.51.100.20')
    expect(owner.response.status).toBe(303)
  })

  it('slows a guesser down with delays that grow, and lets the right password through once the delay is over', async () => {
    const { email } = await signUp(runtime)
    const ip = '203.0.113.77'
    for (let i = 0; i < 5; i++) expect((await attempt(email, `wrong ${i} wrong wrong`, ip)).response.status).toBe(422)
    const delays: number[] = []
    for (let i = 0; i < 3; i++) {
      // during a delay even the right password is refused, so guesses cannot go faster
      const refused = await attempt(email, PASSWORD, ip)
      expect(refused.response.status).toBe(429)
      const wait = Number(refused.response.headers.get('retry-after'))
      delays.push(wait)
      advance(wait)
      expect((await attempt(email, `wrong again ${i} wrong`, ip)).response.status).toBe(422)
    }
    expect(delays[0]).toBeGreaterThan(0)
    expect(delays[1]).toBeGreaterThan(delays[0] as number)
    expect(delays[2]).toBeGreaterThan(delays[1] as number)
    expect((await attempt(email, PASSWORD, ip)).response.status).toBe(429)
    advance((delays[2] as number) * 2)
    expect((await attempt(email, PASSWORD, ip)).response.status).toBe(303)
    // the success cleared the count: one more mistake is free again
    expect((await attempt(email, 'one honest typo here', ip)).response.status).toBe(422)
    expect((await attempt(email, PASSWORD, ip)).response.status).toBe(303)
  })

  it('lets the 21 delegates of a meeting room behind one address all sign in, successes never counting', async () => {
    const room = '198.51.100.99'
    const emails: string[] = []
    for (let i = 0; i < 21; i++) emails.push((await signUp(runtime, `Delegate ${i}`)).email)
    for (const email of emails) expect((await attempt(email, PASSWORD, room)).response.status).toBe(303)
    // a few typos in the room do not shut it either
    for (const email of emails.slice(0, 10)) await attempt(email, 'a typo in the room', room)
    for (const email of emails.slice(0, 10)) expect((await attempt(email, PASSWORD, room)).response.status).toBe(303)
  })

  it('takes the client address from the right of X-Forwarded-For, where the trusted proxy wrote it', async () => {
    const { email } = await signUp(runtime)
    const real = '203.0.113.88'
    // a guesser who varies the left-most entry is still one address
    for (let i = 0; i < 6; i++) await attempt(email, `forged guess ${i} here`, `10.9.8.${i}, ${real}`)
    expect((await attempt(email, PASSWORD, `10.9.9.9, ${real}`)).response.status).toBe(429)
  })

  it('counts as many proxies as ECP_TRUST_PROXY says', async () => {
    const twoHops = await createTestRuntime(kind, { config: { trustProxy: 2 } })
    try {
      const { email } = await signUp(twoHops)
      const guess = (xff: string, password: string) =>
        new TestClient(twoHops, { 'x-forwarded-for': xff }).submit('/sign-in', { email, password })
      for (let i = 0; i < 6; i++) await guess(`10.0.0.${i}, 203.0.113.5, 192.0.2.1`, `wrong guess ${i} again`)
      expect((await guess('10.1.1.1, 203.0.113.5, 192.0.2.9', PASSWORD)).response.status).toBe(429)
      expect((await guess('10.1.1.1, 203.0.113.6, 192.0.2.1', PASSWORD)).response.status).toBe(303)
    } finally {
      await twoHops.close()
    }
  })

  it.each([
    ['/\t/evil.example', '/account'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['//evil.example/', '/account'],
    ['/\\evil.example', '/account'],
    ['https://evil.example/', '/account'],
    ['/\n/evil.example', '/account'],
    ['/processes/2?tab=calls#x', '/processes/2?tab=calls#x'],
  ])('follows "next" = %j only to a path of this site', async (next, expected) => {
    const { email } = await signUp(runtime)
    const { response } = await new TestClient(runtime).submit('/sign-in', { email, password: PASSWORD, next })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') as string
    expect(location).toBe(expected)
    expect(new URL(location, 'http://localhost').origin).toBe('http://localhost')
  })

  it('never answers 500 to a newline in "next", in the page or the form', async () => {
    const { email } = await signUp(runtime)
    const page = await new TestClient(runtime).get('/sign-in?next=%2F%0D%0ASet-Cookie:x=1')
    expect(page.response.status).toBe(200)
    const signedIn = await signIn(runtime, email, PASSWORD)
    const redirect = await signedIn.request('/sign-in?next=%2F%0A%2Fevil.example')
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('location')).toBe('/account')
  })

  it('starts a new session at sign-in and ends the one the browser had', async () => {
    const { client, email } = await signUp(runtime)
    const before = client.cookies.get('ecp_session') as string
    // a sign-in form left open in a signed-in browser
    await client.get('/account')
    const response = await client.request('/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: client.lastCsrf, email, password: PASSWORD }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
    expect(response.status).toBe(303)
    const after = client.cookies.get('ecp_session')
    expect(after).toBeTruthy()
    expect(after).not.toBe(before)
    const replay = new TestClient(runtime)
    replay.cookies.set('ecp_session', before)
    expect((await replay.get('/account')).response.status).toBe(303)
  })

  it('ends a session 30 days after sign-in even when it is used every day', async () => {
    const { email } = await signUp(runtime)
    const client = await signIn(runtime, email, PASSWORD)
    for (let day = 0; day < 29; day++) {
      advance(24 * 60 * 60)
      expect((await client.get('/account')).response.status, `day ${day + 1}`).toBe(200)
    }
    advance(24 * 60 * 60)
    expect((await client.get('/account')).response.status).toBe(303)
  })

  it('ends a session left unused for 14 days', async () => {
    const { email } = await signUp(runtime)
    const client = await signIn(runtime, email, PASSWORD)
    advance(14 * 24 * 60 * 60 + 60)
    expect((await client.get('/account')).response.status).toBe(303)
  })

  it('refuses a CSRF token taken before sign-in or from another session', async () => {
    const { email } = await signUp(runtime)
    const client = new TestClient(runtime)
    await client.get('/sign-in')
    const anonymousToken = client.lastCsrf
    await client.submit('/sign-in', { email, password: PASSWORD })
    const post = (token: string) =>
      client.request('/account/profile', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: token, displayName: 'Changed by a forger' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      })
    expect((await post(anonymousToken)).status).toBe(403)
    const other = await signIn(runtime, email, PASSWORD)
    await other.get('/account')
    expect((await post(other.lastCsrf)).status).toBe(403)
    await client.get('/account')
    expect((await post(client.lastCsrf)).status).toBe(303)
  })

  it('refuses a form from another site that sends no Origin but says so in Sec-Fetch-Site', async () => {
    const { client } = await signUp(runtime)
    await client.get('/account')
    const post = (site: string) =>
      client.request('/account/profile', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: client.lastCsrf, displayName: 'Someone' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': site },
      })
    expect((await post('cross-site')).status).toBe(403)
    expect((await post('same-site')).status).toBe(403)
    expect((await post('same-origin')).status).toBe(303)
  })

  it('marks every page a signed-in account sees Cache-Control: no-store, and leaves public pages cacheable', async () => {
    const { client } = await signUp(runtime)
    for (const path of ['/account', '/', '/member-states', '/api/v1/member-states/FRA']) {
      expect((await client.request(path)).headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await new TestClient(runtime).request('/member-states')).headers.get('cache-control')).toBeNull()
  })
})
