// API tokens as their owners and an attacker would use them: scopes chosen on the token page,
// never beyond the owner's roles, an expiry, revocation when the password changes, no token
// minting or password change with a token, and `ecp token create` beside a running instance.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { createAccount } from '../../core/auth/accounts.ts'

const ORGANIZATION = { name: { en: 'Scoped Alliance' }, stakeholderGroup: 'civil_society' }

describe.each(DATABASE_KINDS)('API tokens on %s', (kind) => {
  let runtime: TestRuntime
  const START = new Date('2026-12-05T09:00:00Z')
  let clock = START
  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { now: () => clock })
  })
  // every test starts at the same instant: the expiry test moves the clock on
  beforeEach(() => {
    clock = START
  })
  afterAll(() => runtime.close())

  const createOrganization = (token: string, name = `Alliance ${Math.random()}`) =>
    new TestClient(runtime).json('/api/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...ORGANIZATION, name: { en: name } }),
    })

  it('offers on the token page only the scopes the account has a use for, and a lifetime of 90 days by default', async () => {
    const participant = await signUp(runtime)
    const page = (await participant.client.get('/account')).html
    expect(page).toContain('value="contribute"')
    expect(page).not.toContain('value="negotiate"')
    expect(page).not.toContain('value="secretariat"')
    expect(page).toMatch(/<option value="90" selected/)
    const secretariat = await accountWithRole(runtime, 'secretariat')
    const staffPage = (await secretariat.client.get('/account')).html
    expect(staffPage).toContain('value="secretariat"')
    expect(staffPage).toContain('value="chair"')
  })

  it('makes a token with the scopes and lifetime chosen, and refuses a scope beyond the roles', async () => {
    const { client } = await signUp(runtime)
    const beyond = await client.submit('/account/tokens', { name: 'too much', scopes: ['secretariat'] }, '/account')
    expect(beyond.response.status).toBe(422)
    const made = await client.submit(
      '/account/tokens',
      { name: 'script', scopes: ['contribute'], days: '7' },
      '/account',
    )
    expect(made.response.status).toBe(200)
    expect(made.response.headers.get('cache-control')).toBe('no-store')
    const list = (await client.get('/account')).html
    expect(list).toContain('read and contribute')
    expect(list).toContain('Dec 12, 2026')
  })

  it('lets a token do only what its scopes cover, and only what its owner may do', async () => {
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const readOnly = await createOrganization(await apiTokenFor(runtime, accountId, ['read']))
    expect(readOnly.status).toBe(403)
    expect(readOnly.body.id).toBe('insufficient_scope')
    const negotiateOnly = await createOrganization(await apiTokenFor(runtime, accountId, ['negotiate']))
    expect(negotiateOnly.body.id).toBe('insufficient_scope')
    expect((await createOrganization(await apiTokenFor(runtime, accountId, ['secretariat']))).status).toBe(201)
    // a participant's token with every scope still has only the participant's rights
    const participant = await createAccount(runtime.deps.db, {
      email: 'scoped-participant@example.org',
      displayName: 'Pat',
      password: 'correct horse battery',
      confirmed: true,
    })
    if (!participant.ok) throw new Error('account')
    const everything = await createOrganization(await apiTokenFor(runtime, participant.value.id))
    expect(everything.status).toBe(403)
    expect(everything.body.id).toBe('forbidden:organization.create')
  })

  it('stops working when it expires', async () => {
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const token = await apiTokenFor(runtime, accountId, ['secretariat'])
    const api = new TestClient(runtime, { authorization: `Bearer ${token}` })
    expect((await api.json('/api/v1/member-states/FRA')).status).toBe(200)
    clock = new Date(clock.getTime() + 91 * 24 * 60 * 60 * 1000)
    const expired = await api.json('/api/v1/member-states/FRA')
    expect(expired.status).toBe(401)
    expect(expired.body.id).toBe('invalid_token')
  })

  it('cannot mint tokens, change the password or the profile', async () => {
    const { client, email } = await signUp(runtime)
    const account = await runtime.deps.db
      .selectFrom('authAccount')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const token = await apiTokenFor(runtime, account.id)
    const withToken = new TestClient(runtime, { authorization: `Bearer ${token}` })
    for (const [path, fields] of [
      ['/account/tokens', { name: 'minted', 'scopes[]': 'contribute' }],
      ['/account/password', { currentPassword: 'correct horse battery', newPassword: 'a password oracle attempt' }],
      ['/account/profile', { displayName: 'Renamed by a token' }],
    ] as const) {
      const response = await withToken.request(path, {
        method: 'POST',
        body: new URLSearchParams(fields),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(response.status, path).toBe(403)
      expect(await response.text(), path).toContain('browser session')
    }
    expect((await client.get('/account')).html).not.toContain('minted')
  })

  it('is revoked, with every other session, when the password changes', async () => {
    const { client, email } = await signUp(runtime)
    const made = await client.submit('/account/tokens', { name: 'script', scopes: ['contribute'] }, '/account')
    const token = /<code>(ecp_[\w-]+)<\/code>/.exec(made.html)?.[1] as string
    const api = new TestClient(runtime, { authorization: `Bearer ${token}` })
    expect((await api.json('/api/v1/member-states/FRA')).status).toBe(200)
    const other = new TestClient(runtime)
    await other.submit('/sign-in', { email, password: 'correct horse battery' })
    await client.submit(
      '/account/password',
      { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
      '/account',
    )
    expect((await api.json('/api/v1/member-states/FRA')).status).toBe(401)
    expect((await other.get('/account')).response.status).toBe(303)
    expect((await client.get('/account')).response.status).toBe(200)
  })

  it('throttles the current password on the password-change form, so a session is no password oracle', async () => {
    const { client } = await signUp(runtime)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const { response } = await client.submit(
        '/account/password',
        { currentPassword: `guess number ${i} here`, newPassword: 'a brand new passphrase' },
        '/account',
      )
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422])
    expect(statuses[5]).toBe(429)
    const right = await client.submit(
      '/account/password',
      { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
      '/account',
    )
    expect(right.response.status).toBe(429)
  })

  it('refuses a weak new password, a common one, and one built on the account’s own address', async () => {
    const { client, email } = await signUp(runtime, 'Kwame Mensah')
    for (const newPassword of ['aaaaaaaaaaaa', 'password1234', `${email}!`, 'kwame mensah 2026']) {
      const { response, html } = await client.submit(
        '/account/password',
        { currentPassword: 'correct horse battery', newPassword },
        '/account',
      )
      expect(response.status, newPassword).toBe(422)
      expect(html, newPassword).toMatch(/most used|easy to guess|email address or your name/)
    }
  })

  // the operator's command against a running instance needs a PostgreSQL server (PGlite's data
  // directory belongs to the one process that opened it)
  if (kind === 'postgresql')
    it('is made by `ecp token create` beside a running PostgreSQL-backed instance, and printed alone last', {
      timeout: 120_000,
    }, async () => {
      // the command runs on the real clock
      clock = new Date()
      const { email } = await accountWithRole(runtime, 'chair', { type: 'body', id: '1' })
      const ecp = (args: string[]) =>
        spawnSync(process.execPath, [join(import.meta.dirname, '../../../bin/ecp.mjs'), 'token', ...args], {
          env: { ...process.env, DATABASE_URL: runtime.databaseUrl, ECP_LOG: 'error', NODE_ENV: 'test' },
          encoding: 'utf8',
          timeout: 100_000,
        })
      const made = ecp(['create', email, '--scope', 'chair', '--scope', 'negotiate', '--name', 'ci', '--days', '30'])
      expect(made.status, made.stderr).toBe(1)
      expect(made.stderr).toContain('negotiate')
      const ok = ecp(['create', email, '--scope', 'chair', '--name', 'ci', '--days', '30'])
      expect(ok.status, ok.stderr).toBe(0)
      const lines = ok.stdout.trim().split('\n')
      const token = lines[lines.length - 1] as string
      expect(token).toMatch(/^ecp_[\w-]{40,}$/)
      const api = new TestClient(runtime, { authorization: `Bearer ${token}` })
      expect((await api.json('/api/v1/member-states/FRA')).status).toBe(200)
      expect(ecp(['create', email]).status).toBe(2)
      expect(ecp(['create', email, '--scope', 'everything']).status).toBe(2)
      expect(ecp(['create', 'nobody@example.org', '--scope', 'read']).status).toBe(1)
    })
})
