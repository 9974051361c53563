// Visitors' copies of pages: served while the data has not moved, never to someone signed in,
// never with a form's token, and dropped by a write of this process at once and by another
// process's write after one poll.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { recordAudit } from '../audit/audit.ts'
import { SYSTEM } from '../auth/actor.ts'

const HOST = { host: '127.0.0.1' }

describe.each(DATABASE_KINDS)('visitors’ copies of pages (%s)', (kind) => {
  let rt: TestRuntime
  let clock = Date.parse('2026-12-06T10:00:00Z')
  const get = (path: string, headers: Record<string, string> = {}) =>
    rt.app.request(path, { headers: { ...HOST, 'accept-language': 'en', ...headers } })
  // a change made behind the HTTP layer's back, as another process would
  const renameFrance = (name: string) =>
    sql`update actors_member_state set short_name = jsonb_set(short_name, '{en}', to_jsonb(${name}::text))
      where iso3 = 'FRA'`.execute(rt.deps.db)

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { now: () => new Date(clock), config: { pageCacheBytes: 4 * 1024 * 1024 } })
  })
  afterAll(async () => rt?.close())

  it('a visitor’s second read is the kept copy, with an ETag, and no cookie', async () => {
    // the first request reads the audit log's head; a page made while that reading moves the
    // version is not kept
    await get('/')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const first = await get('/member-states/FRA')
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, no-cache')
    expect(first.headers.getSetCookie()).toEqual([])
    await renameFrance('Frankreich-behind-the-back')
    const second = await get('/member-states/FRA')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(await second.text()).not.toContain('Frankreich-behind-the-back')
  })

  it('a matching If-None-Match is answered 304 without a body', async () => {
    const first = await get('/member-states')
    const etag = first.headers.get('etag') as string
    const again = await get('/member-states', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await get('/member-states', { 'if-none-match': '"something-else"' })
    expect(other.status).toBe(200)
  })

  it('a write of this process drops the copies at once, even a refused one', async () => {
    await renameFrance('France-after-a-write')
    const refused = await rt.app.request('/sign-in', { method: 'POST', headers: HOST })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(await (await get('/member-states/FRA')).text()).toContain('France-after-a-write')
  })

  it('another process’s write is seen after one poll of the audit log’s head', async () => {
    await get('/member-states/FRA')
    await renameFrance('France-from-another-process')
    await recordAudit(rt.deps.db, {
      actor: SYSTEM,
      action: 'test.renamed',
      subjectType: 'member_state',
      subjectId: 'FRA',
    })
    expect(await (await get('/member-states/FRA')).text()).not.toContain('France-from-another-process')
    clock += 1_000
    // the first request after the interval reads the head without waiting for it
    await get('/member-states/FRA')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await (await get('/member-states/FRA')).text()).toContain('France-from-another-process')
  })

  it('no copy outlives a minute', async () => {
    await get('/member-states/FRA')
    await renameFrance('France-a-minute-later')
    clock += 61_000
    expect(await (await get('/member-states/FRA')).text()).toContain('France-a-minute-later')
  })

  it('each language has its own copy', async () => {
    const en = await get('/member-states', { 'accept-language': 'en' })
    const fr = await get('/member-states', { 'accept-language': 'fr' })
    expect(en.headers.get('content-language')).toBe('en')
    expect(fr.headers.get('content-language')).toBe('fr')
    expect(fr.headers.get('etag')).not.toBe(en.headers.get('etag'))
  })

  it('a page with a form is not kept: it carries the visitor’s own token and cookie', async () => {
    const first = await get('/sign-in')
    const second = await get('/sign-in')
    expect(first.headers.get('etag')).toBeNull()
    expect(first.headers.getSetCookie().some((c) => c.startsWith('ecp_csrf='))).toBe(true)
    const token = (r: string) => /name="_csrf" value="([^"]+)"/.exec(r)?.[1]
    expect(token(await second.text())).not.toBe(token(await first.text()))
  })

  it('someone signed in is never served a copy', async () => {
    const { client } = await accountWithRole(rt, 'secretariat')
    await renameFrance('France-for-visitors')
    await get('/member-states/FRA')
    await renameFrance('France-for-the-signed-in')
    const mine = await client.request('/member-states/FRA', { headers: { 'accept-language': 'en' } })
    expect(await mine.text()).toContain('France-for-the-signed-in')
    expect(mine.headers.get('etag')).toBeNull()
    expect(mine.headers.get('cache-control')).toBe('no-store')
  })
})
