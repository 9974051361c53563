// The platform's behaviour at the HTTP boundary, on each database: health, security headers,
// CSRF, languages, errors, limits, and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../test/support/runtime.ts'

describe.each(DATABASE_KINDS)('the platform on %s', (kind) => {
  let runtime: TestRuntime
  let client: TestClient
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    client = new TestClient(runtime)
  })
  afterAll(() => runtime.close())

  it('reports its health and which database it runs on', async () => {
    const { status, body } = await client.json('/healthz')
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ok', database: kind })
  })

  it('sends a Content-Security-Policy without inline script, and other security headers', async () => {
    const { response } = await client.get('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBeTruthy()
  })

  it('renders every page in the language chosen, remembers it, and mirrors Arabic', async () => {
    const visitor = new TestClient(runtime)
    const arabic = await visitor.get('/member-states?lang=ar')
    expect(arabic.html).toMatch(/<html lang="ar" dir="rtl">/)
    expect(visitor.cookies.get('ecp_lang')).toBe('ar')
    const next = await visitor.get('/organizations')
    expect(next.html).toMatch(/<html lang="ar" dir="rtl">/)
    const chinese = await new TestClient(runtime, { 'accept-language': 'zh-CN,zh;q=0.9' }).get('/')
    expect(chinese.html).toMatch(/<html lang="zh-Hans" dir="ltr">/)
  })

  it('offers the six languages on every page, each named in itself', async () => {
    const { html } = await client.get('/about')
    for (const name of ['العربية', '中文', 'English', 'Français', 'Русский', 'Español']) expect(html).toContain(name)
  })

  it('answers an unknown page with a 404 page in the visitor language', async () => {
    const response = await new TestClient(runtime, { 'accept-language': 'fr' }).get('/nowhere')
    expect(response.response.status).toBe(404)
    expect(response.html).toContain('lang="fr"')
    const api = await client.json('/api/v1/nowhere')
    expect(api.status).toBe(404)
    expect(api.body.id).toBe('page_not_found')
  })

  it('refuses a form posted without its CSRF token, or from another site', async () => {
    const noToken = await client.request('/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@example.org', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(noToken.status).toBe(403)
    const visitor = new TestClient(runtime)
    await visitor.get('/sign-in')
    const crossSite = await visitor.request('/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: visitor.lastCsrf, email: 'a@example.org', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    })
    expect(crossSite.status).toBe(403)
  })

  it('refuses a request body over the limit with 413', async () => {
    const big = 'x'.repeat(runtime.deps.config.bodyLimitBytes + 10)
    const { status, body } = await client.json('/api/v1/organizations', {
      method: 'POST',
      body: JSON.stringify({ name: { en: big } }),
      headers: { 'content-type': 'application/json' },
    })
    expect(status).toBe(413)
    expect(body.id).toBe('body_too_large')
  })

  it('answers malformed JSON with 400 and never a stack trace', async () => {
    const { client: signedIn } = await signUp(runtime)
    await signedIn.get('/account')
    const response = await signedIn.request('/api/v1/organizations', {
      method: 'POST',
      body: '{"name": ',
      headers: { 'content-type': 'application/json', 'x-csrf-token': signedIn.lastCsrf },
    })
    const text = await response.text()
    expect(response.status).toBe(400)
    expect(text).not.toMatch(/at \w+ \(/)
  })

  it('publishes an OpenAPI 3.1 document generated from the validation schemas', async () => {
    const { status, body } = await client.json('/api/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    for (const path of ['/member-states', '/member-states/{iso3}', '/organizations'])
      expect(body.paths[path]).toBeDefined()
    expect(body.paths['/organizations'].post.requestBody).toBeDefined()
    expect(body.components.schemas.OrganizationInput.properties.stakeholderGroup.enum).toContain('civil_society')
    const page = await client.get('/api')
    expect(page.html).toContain('/api/v1/member-states')
  })

  it('compresses pages for slow connections', async () => {
    const response = await client.request('/member-states', { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
  })
})
