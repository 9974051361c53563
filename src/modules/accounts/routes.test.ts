// Accounts as a person uses them, through the HTML forms, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'

describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  it('signs a new person up and in, with a session cookie that is HttpOnly and SameSite', async () => {
    const client = new TestClient(runtime)
    await client.get('/sign-up')
    const body = new URLSearchParams({
      _csrf: client.lastCsrf,
      displayName: 'Amina Diallo',
      email: 'Amina@Example.org',
      password: 'a long enough passphrase',
    })
    const response = await client.request('/sign-up', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(303)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ecp_session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Secure/i)
    const account = await client.get('/account')
    expect(account.response.status).toBe(200)
    expect(account.html).toContain('amina@example.org')
    expect(account.html).toContain('Welcome')
  })

  it('lets a name be typed in any script, and an address always left to right', async () => {
    const { html } = await new TestClient(runtime).get('/sign-up?lang=ar')
    expect(html).toMatch(/<input id="field-displayName" name="displayName" type="text"[^>]* dir="auto"/)
    expect(html).toMatch(/<input id="field-email" name="email" type="email"[^>]* dir="ltr"/)
  })

  it('keeps what was typed and explains each problem when the form is wrong', async () => {
    const client = new TestClient(runtime)
    const { response, html } = await client.submit('/sign-up', {
      displayName: 'Kofi',
      email: 'not-an-email',
      password: 'short',
    })
    expect(response.status).toBe(422)
    expect(html).toContain('value="Kofi"')
    expect(html).toContain('value="not-an-email"')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toMatch(/href="#field-email"/)
    expect(html).toMatch(/href="#field-password"/)
  })

  it('refuses a second account with the same email, whatever its case', async () => {
    await signUp(runtime, 'First', 'same@example.org')
    const { response, html } = await new TestClient(runtime).submit('/sign-up', {
      displayName: 'Second',
      email: 'SAME@example.org',
      password: 'another long passphrase',
    })
    expect(response.status).toBe(422)
    expect(html).toContain('already exists')
  })

  it('says the same thing for a wrong password and an unknown email', async () => {
    await signUp(runtime, 'Known', 'known@example.org')
    const wrong = await new TestClient(runtime).submit('/sign-in', {
      email: 'known@example.org',
      password: 'nope nope nope',
    })
    const unknown = await new TestClient(runtime).submit('/sign-in', {
      email: 'nobody@example.org',
      password: 'nope nope nope',
    })
    expect(wrong.response.status).toBe(422)
    expect(unknown.response.status).toBe(422)
    const message = (html: string) => /<div class="error-summary".*?<\/div>/s.exec(html)?.[0]
    expect(message(wrong.html)).toBe(message(unknown.html))
  })

  it('limits sign-in attempts per email address (429 with Retry-After)', async () => {
    await signUp(runtime, 'Target', 'target@example.org')
    let last: Response | undefined
    for (let i = 0; i < 9; i++) {
      last = (
        await new TestClient(runtime).submit('/sign-in', { email: 'target@example.org', password: 'guess guess guess' })
      ).response
    }
    expect(last?.status).toBe(429)
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('changes the password, signs other browsers out, and accepts the new password', async () => {
    const { client, email } = await signUp(runtime)
    const other = await signIn(runtime, email, 'correct horse battery')
    const changed = await client.submit(
      '/account/password',
      { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
      '/account',
    )
    expect(changed.response.status).toBe(303)
    expect((await client.get('/account')).response.status).toBe(200)
    expect((await other.get('/account')).response.status).toBe(303)
    await signIn(runtime, email, 'a brand new passphrase')
  })

  it('refuses a password change with the wrong current password', async () => {
    const { client } = await signUp(runtime)
    const { response, html } = await client.submit(
      '/account/password',
      { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new passphrase' },
      '/account',
    )
    expect(response.status).toBe(422)
    expect(html).toContain('The current password is not right')
  })

  it('signs out, and the old session cookie no longer works', async () => {
    const { client } = await signUp(runtime)
    const session = client.cookies.get('ecp_session')
    await client.submit('/sign-out', {}, '/account')
    expect(client.cookies.get('ecp_session')).toBeUndefined()
    const replay = new TestClient(runtime)
    replay.cookies.set('ecp_session', session as string)
    expect((await replay.get('/account')).response.status).toBe(303)
  })

  it('never follows a sign-in "next" to another site', async () => {
    const { email } = await signUp(runtime)
    const client = new TestClient(runtime)
    const { response } = await client.submit('/sign-in', {
      email,
      password: 'correct horse battery',
      next: '//evil.example/',
    })
    expect(response.headers.get('location')).toBe('/account')
  })

  it('creates an API token shown once, which then authenticates API calls until revoked', async () => {
    const { client } = await signUp(runtime)
    const { html } = await client.submit('/account/tokens', { name: 'script' }, '/account')
    const token = /<code>(ecp_[\w-]+)<\/code>/.exec(html)?.[1] as string
    expect(token).toBeTruthy()
    expect((await client.get('/account')).html).not.toContain(token)
    const api = new TestClient(runtime, { authorization: `Bearer ${token}` })
    expect((await api.json('/api/v1/member-states/FRA')).status).toBe(200)
    const id = /action="\/account\/tokens\/(\d+)\/revoke"/.exec((await client.get('/account')).html)?.[1]
    await client.submit(`/account/tokens/${id}/revoke`, {}, '/account')
    expect((await api.json('/api/v1/member-states/FRA')).status).toBe(401)
  })

  it('remembers the preferred language chosen in the profile', async () => {
    const { client } = await signUp(runtime, 'Léa Martin')
    await client.submit('/account/profile', { displayName: 'Léa Martin', preferredLocale: 'fr' }, '/account')
    expect(client.cookies.get('ecp_lang')).toBe('fr')
    expect((await client.get('/account')).html).toContain('lang="fr"')
  })
})
