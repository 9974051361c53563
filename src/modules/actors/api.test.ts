// The actors' JSON API on each database: Member States with filters in six languages, and
// organizations with role-checked creation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'

describe.each(DATABASE_KINDS)('actors API on %s', (kind) => {
  let runtime: TestRuntime
  let anon: TestClient
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    anon = new TestClient(runtime)
  })
  afterAll(() => runtime.close())

  it('lists all 195 States, each with its membership', async () => {
    const { status, body } = await anon.json('/api/v1/member-states')
    expect(status).toBe(200)
    expect(body.meta.total).toBe(195)
    expect(body.data).toHaveLength(195)
    const observers = body.data.filter((s: { membership: string }) => s.membership === 'observer')
    expect(observers.map((s: { iso3: string }) => s.iso3).sort()).toEqual(['PSE', 'VAT'])
    expect(body.data.every((s: { membership: string }) => ['member', 'observer'].includes(s.membership))).toBe(true)
  })

  it('filters by regional group, development status and name in any language', async () => {
    expect((await anon.json('/api/v1/member-states?group=weog')).body.meta.total).toBe(29)
    expect((await anon.json('/api/v1/member-states?group=african&lldc=true')).body.meta.total).toBe(16)
    expect((await anon.json('/api/v1/member-states?sids=true')).body.meta.total).toBe(37)
    const ldcFalse = (await anon.json('/api/v1/member-states?ldc=false')).body.meta.total
    const ldcTrue = (await anon.json('/api/v1/member-states?ldc=true')).body.meta.total
    expect(ldcFalse + ldcTrue).toBe(195)
    const q = encodeURIComponent('Бразилия')
    expect((await anon.json(`/api/v1/member-states?q=${q}`)).body.data.map((s: { iso3: string }) => s.iso3)).toEqual([
      'BRA',
    ])
  })

  it('names States in the language asked for', async () => {
    const { body } = await anon.json('/api/v1/member-states/civ?lang=zh')
    expect(body.data.name).toBe('科特迪瓦')
    expect(body.data.regionalGroup).toBe('african')
    const arabic = await anon.json('/api/v1/member-states/EGY', { headers: { 'accept-language': 'ar' } })
    expect(arabic.body.data.name).toBe('مصر')
  })

  it('answers 404 with an error body for an unknown State', async () => {
    const { status, body } = await anon.json('/api/v1/member-states/XYZ')
    expect(status).toBe(404)
    expect(body).toMatchObject({ id: 'member_state_not_found', issues: [] })
    expect(typeof body.error).toBe('string')
  })

  it('answers 400 with the invalid parameters listed', async () => {
    const { status, body } = await anon.json('/api/v1/member-states?group=nowhere&ldc=perhaps')
    expect(status).toBe(400)
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['group', 'ldc'])
  })

  it('refuses to create an organization without credentials (401) or the right role (403)', async () => {
    const payload = { name: { en: 'Example Alliance' }, stakeholderGroup: 'civil_society' }
    const anonymous = await anon.json('/api/v1/organizations', {
      method: 'POST',
      body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    })
    expect(anonymous.status).toBe(401)
    const { client } = await signUp(runtime)
    await client.get('/account')
    const withSession = (csrf: string) =>
      client.json('/api/v1/organizations', {
        method: 'POST',
        body: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      })
    const forged = await withSession('forged')
    expect(forged.status).toBe(403)
    expect(forged.body.id).toBe('csrf_failed')
    const participant = await withSession(client.lastCsrf)
    expect(participant.status).toBe(403)
    expect(participant.body.id).toBe('forbidden:organization.create')
  })

  it('lets the Secretariat create an organization with an API token, and lists it', async () => {
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const token = await apiTokenFor(runtime, accountId)
    const created = await anon.json('/api/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: { en: 'Internet Society', fr: 'Internet Society' },
        acronym: 'ISOC',
        stakeholderGroup: 'technical_community',
        headquarters: 'usa',
        website: 'https://www.internetsociety.org',
      }),
    })
    expect(created.status).toBe(201)
    expect(created.body.data).toMatchObject({
      slug: 'isoc',
      headquarters: 'USA',
      stakeholderGroup: 'technical_community',
    })
    const list = await anon.json('/api/v1/organizations?group=technical_community&q=internet')
    expect(list.body.data.map((o: { slug: string }) => o.slug)).toContain('isoc')
    const again = await anon.json('/api/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: { en: 'ISOC Two' }, acronym: 'ISOC', stakeholderGroup: 'technical_community' }),
    })
    expect(again.body.data.slug).toBe('isoc-2')
  })

  it('validates a new organization and lists every problem', async () => {
    const { accountId } = await accountWithRole(runtime, 'administrator')
    const token = await apiTokenFor(runtime, accountId)
    const { status, body } = await anon.json('/api/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: {}, stakeholderGroup: 'lobby', website: 'javascript:alert(1)' }),
    })
    expect(status).toBe(400)
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'stakeholderGroup', 'website'])
  })

  it('stores a retried creation once when it carries the same Idempotency-Key', async () => {
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    const token = await apiTokenFor(runtime, accountId)
    const send = (body: object) =>
      anon.request('/api/v1/organizations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'abc-123' },
        body: JSON.stringify(body),
      })
    const body = { name: { en: 'Retry Foundation' }, stakeholderGroup: 'civil_society' }
    const first = await send(body)
    const second = await send(body)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(await second.json()).toEqual(await first.json())
    const list = await anon.json('/api/v1/organizations?q=retry')
    expect(list.body.meta.total).toBe(1)
    const reused = await send({ name: { en: 'Something else' }, stakeholderGroup: 'civil_society' })
    expect(reused.status).toBe(409)
  })
})
