// A browser-like client for in-process HTTP tests: it keeps cookies, reads the CSRF token from
// the page a form is on, and posts forms the way a browser without JavaScript would.
import { createAccount } from '../../src/core/auth/accounts.ts'
import type { GrantedRole, Scope } from '../../src/core/auth/actor.ts'
import { grantRole } from '../../src/core/auth/grants.ts'
import { TOKEN_SCOPES, type TokenScope } from '../../src/core/auth/scopes.ts'
import { createApiToken } from '../../src/core/auth/tokens.ts'
import type { TestRuntime } from './runtime.ts'

export class TestClient {
  readonly cookies = new Map<string, string>()
  lastCsrf = ''
  /** each client comes from its own address, as different people would */
  readonly ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`

  constructor(
    private readonly runtime: TestRuntime,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v)
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (!headers.has('host')) headers.set('host', 'localhost')
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.ip)
    const response = await this.runtime.app.request(path, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attributes.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  async get(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.request(path)
    const html = await response.text()
    const token = /name="_csrf" value="([^"]+)"/.exec(html)
    if (token?.[1]) this.lastCsrf = token[1]
    return { response, html }
  }

  /** Posts a form as a browser would: from `page` (default: the form's own address) with its CSRF token. */
  async submit(action: string, fields: Record<string, string | string[]>, page = action) {
    await this.get(page)
    const body = new URLSearchParams()
    body.set('_csrf', this.lastCsrf)
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) for (const item of v) body.append(`${k}[]`, item)
      else body.set(k, v)
    }
    const response = await this.request(action, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
    return { response, html: await response.text() }
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  async json(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
    const response = await this.request(path, init)
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
}

/** The confirmation link last mailed to an address (sign-up goes through the mail outbox). */
export async function confirmationLink(runtime: Pick<TestRuntime, 'deps'>, email: string): Promise<string | null> {
  const mail = await runtime.deps.db
    .selectFrom('coreMailOutbox')
    .select('bodyText')
    .where('toAddress', '=', email.trim().toLowerCase())
    .where('kind', '=', 'email_confirmation')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return /\/sign-up\/confirm\/[\w-]+/.exec(mail?.bodyText ?? '')?.[0] ?? null
}

/** Signs a new person up as a browser would: the form, the mailed link, the password again. */
export async function signUp(
  runtime: TestRuntime,
  name = 'Test Person',
  email = `person-${Math.random().toString(36).slice(2)}@example.org`,
  password = 'correct horse battery',
) {
  const client = new TestClient(runtime)
  const { response } = await client.submit('/sign-up', { displayName: name, email, password })
  if (response.status !== 303) throw new Error(`sign-up failed with ${response.status}`)
  const link = await confirmationLink(runtime, email)
  if (!link) throw new Error(`no confirmation mail for ${email}`)
  const confirmed = await client.submit(link, { password })
  if (confirmed.response.status !== 303) throw new Error(`confirmation failed with ${confirmed.response.status}`)
  return { client, email }
}

export async function signIn(runtime: TestRuntime, email: string, password: string) {
  const client = new TestClient(runtime)
  const { response } = await client.submit('/sign-in', { email, password })
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed with ${response.status}`)
  return client
}

/** An account holding `role` (granted directly, as an administrator would), signed in. */
export async function accountWithRole(
  runtime: TestRuntime,
  role: GrantedRole,
  scope: Scope | null = null,
  name = `${role} person`,
) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.org`
  const created = await createAccount(runtime.deps.db, {
    email,
    displayName: name,
    password: 'correct horse battery',
    confirmed: true,
  })
  if (!created.ok) throw new Error('could not create account')
  await grantRole(runtime.deps.db, { accountId: created.value.id, role, scope, grantedBy: null })
  const client = await signIn(runtime, email, 'correct horse battery')
  return { client, accountId: created.value.id, email }
}

/** An API token for an account, by default with every scope (the owner's roles still cap it). */
export async function apiTokenFor(
  runtime: TestRuntime,
  accountId: number,
  scopes: readonly TokenScope[] = TOKEN_SCOPES,
): Promise<string> {
  return (await createApiToken(runtime.deps.db, accountId, { name: 'test', scopes }, runtime.deps.now())).token
}
