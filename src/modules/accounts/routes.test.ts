// Accounts as a person uses them, through the HTML forms, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confirmationLink, signIn, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'

describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  it('signs a new person up, confirms the address from the mail, and signs in with an HttpOnly, SameSite cookie', async () => {
    const client = new TestClient(runtime)
    const sent = await client.submit('/sign-up', {
      displayName: 'Amina Diallo',
      email: 'Amina@Example.org',
      password: 'a long enough passphrase',
    })
    expect(sent.response.status).toBe(303)
    expect(sent.response.headers.get('location')).toBe('/sign-up/sent')
    // no session before the address is confirmed
    expect(client.cookies.get('ecp_session')).toBeUndefined()
    const link = (await confirmationLink(runtime, 'amina@example.org')) as string
    expect(link).toMatch(/^\/sign-up\/confirm\//)
    const confirmed = await client.submit(link, { password: 'a long enough passphrase' })
    expect(confirmed.response.status).toBe(303)
    const cookie = confirmed.response.headers.getSetCookie().find((c) => c.startsWith('ecp_session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Secure/i)
    const account = await client.get('/account')
    expect(account.response.status).toBe(200)
    expect(account.html).toContain('amina@example.org')
    expect(account.html).toContain('Welcome')
    // a link works once
    const again = await new TestClient(runtime).submit(link, { password: 'a long enough passphrase' })
    expect(again.response.status).toBe(404)
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

  it('refuses at sign-up a password that is short, common, or built on the address or the name', async () => {
    for (const password of [
      'aaaaaaaaaa',
      'aaaaaaaaaaaa',
      'password1234',
      'weak.sign.up@example.org',
      'Wanjiru Kamau 1',
    ]) {
      const { response, html } = await new TestClient(runtime).submit('/sign-up', {
        displayName: 'Wanjiru Kamau',
        email: 'weak.sign.up@example.org',
        password,
      })
      expect(response.status, password).toBe(422)
      expect(html, password).toMatch(/at least 12|most used|easy to guess|email address or your name/)
    }
    expect(await confirmationLink(runtime, 'weak.sign.up@example.org')).toBeNull()
  })

  it('answers a sign-up with a registered address exactly as a new one, and tells the owner by mail', async () => {
    const { email } = await signUp(runtime, 'First', 'same@example.org')
    const taken = await new TestClient(runtime).submit('/sign-up', {
      displayName: 'Second',
      email: 'SAME@example.org',
      password: 'another long passphrase',
    })
    const fresh = await new TestClient(runtime).submit('/sign-up', {
      displayName: 'Third',
      email: 'never-seen@example.org',
      password: 'another long passphrase',
    })
    for (const r of [taken, fresh]) {
      expect(r.response.status).toBe(303)
      expect(r.response.headers.get('location')).toBe('/sign-up/sent')
      expect(r.response.headers.getSetCookie().some((c) => c.startsWith('ecp_session='))).toBe(false)
    }
    const mails = await runtime.deps.db
      .selectFrom('coreMailOutbox')
      .select(['kind', 'bodyText'])
      .where('toAddress', '=', email)
      .orderBy('id')
      .execute()
    expect(mails.map((m) => m.kind)).toEqual(['email_confirmation', 'account_exists'])
    // the existing account keeps its password and name
    await signIn(runtime, email, 'correct horse battery')
  })

  it('keeps an unconfirmed account out until its address is confirmed, and mails a new link', async () => {
    const client = new TestClient(runtime)
    await client.submit('/sign-up', {
      displayName: 'Waiting',
      email: 'waiting@example.org',
      password: 'a long enough passphrase',
    })
    const first = await confirmationLink(runtime, 'waiting@example.org')
    const { response, html } = await new TestClient(runtime).submit('/sign-in', {
      email: 'waiting@example.org',
      password: 'a long enough passphrase',
    })
    expect(response.status).toBe(422)
    expect(html).toContain('Confirm your email address first')
    const second = await confirmationLink(runtime, 'waiting@example.org')
    expect(second).not.toBe(first)
    expect(
      (await new TestClient(runtime).submit(first as string, { password: 'a long enough passphrase' })).response.status,
    ).toBe(404)
  })

  it('lets a later sign-up replace the password of an account nobody confirmed, so a squatter cannot hold an address', async () => {
    const squatter = new TestClient(runtime)
    await squatter.submit('/sign-up', {
      displayName: 'Squatter',
      email: 'claimed@example.org',
      password: 'squatters own secret',
    })
    const owner = new TestClient(runtime)
    await owner.submit('/sign-up', {
      displayName: 'Owner',
      email: 'claimed@example.org',
      password: 'the rightful passphrase',
    })
    const link = (await confirmationLink(runtime, 'claimed@example.org')) as string
    // the squatter's password does not confirm the owner's link
    const wrong = await squatter.submit(link, { password: 'squatters own secret' })
    expect(wrong.response.status).toBe(422)
    const right = await owner.submit(link, { password: 'the rightful passphrase' })
    expect(right.response.status).toBe(303)
    expect((await owner.get('/account')).html).toContain('Owner')
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

  it('creates an API token shown once, which then authenticates API calls until revoked', async () => {
    const { client } = await signUp(runtime)
    const { response, html } = await client.submit('/account/tokens', { name: 'script' }, '/account')
    expect(response.headers.get('cache-control')).toBe('no-store')
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
