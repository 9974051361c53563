// What is checked before a request's body is read: a write from another site, or without the
// CSRF cookie, is refused unread (403); a visitor's multipart body is held to the ordinary limit
// (only a signed-in account sends files); a body that is not the form it claims is 400, on any
// route, anonymous /sign-in included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../support/client.ts'
import { createTestRuntime, type TestRuntime } from '../support/runtime.ts'

function multipart(bytes: number, csrf = ''): { body: string; type: string } {
  const boundary = 'ecpboundary'
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\n` +
    `Content-Type: application/pdf\r\n\r\n${'x'.repeat(bytes)}\r\n--${boundary}--\r\n`
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

describe('checks before the body', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite', {
      config: { bodyLimitBytes: 64 * 1024, attachmentMaxBytes: 64 * 1024 },
    })
  }, 120_000)
  afterAll(() => runtime.close())

  it('refuses a cross-site upload of a signed-in account unread: 403, not the 413 its size would get', async () => {
    const { client } = await signUp(runtime, 'Uploader')
    await client.get('/account')
    const { body, type } = multipart(512 * 1024, client.lastCsrf)
    const forged = await client.request('/account/profile', {
      method: 'POST',
      body,
      headers: { 'content-type': type, origin: 'https://evil.example' },
    })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('did not come from this site')
  })

  it("holds a visitor's multipart body to the ordinary limit, and answers a broken one 400", async () => {
    const visitor = new TestClient(runtime)
    await visitor.get('/sign-in')
    const big = multipart(200 * 1024, visitor.lastCsrf)
    const tooLarge = await visitor.request('/sign-in', {
      method: 'POST',
      body: big.body,
      headers: { 'content-type': big.type, origin: 'http://localhost' },
    })
    expect(tooLarge.status).toBe(413)
    const broken = await visitor.request('/sign-in', {
      method: 'POST',
      body: `--ecpboundary\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${visitor.lastCsrf}\r\n--ecpb`,
      headers: { 'content-type': 'multipart/form-data; boundary=ecpboundary', origin: 'http://localhost' },
    })
    expect(broken.status).toBe(400)
    const noBoundary = await visitor.request('/sign-in', {
      method: 'POST',
      body: 'garbage',
      headers: { 'content-type': 'multipart/form-data', origin: 'http://localhost' },
    })
    expect(noBoundary.status).toBe(400)
  })

  it('lets a signed-in account send files up to the upload limit', async () => {
    const { client } = await signUp(runtime, 'Contributor')
    await client.get('/account')
    const { body, type } = multipart(200 * 1024, client.lastCsrf)
    const sent = await client.request('/account/profile', {
      method: 'POST',
      body,
      headers: { 'content-type': type, origin: 'http://localhost' },
    })
    expect(sent.status).not.toBe(413)
    expect(sent.status).toBeLessThan(500)
  })
})
