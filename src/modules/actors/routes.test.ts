// The actors' pages on each database: the directories, and organizations added and edited
// through forms by the Secretariat and by an organization's own representative.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { addAffiliation, createPerson } from './commands.ts'

describe.each(DATABASE_KINDS)('actors pages on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  it('filters the Member States directory and searches in the reader language', async () => {
    const client = new TestClient(runtime)
    const all = await client.get('/member-states')
    expect(all.html).toContain('Showing 195 States of 195')
    const sids = await client.get('/member-states?sids=true&group=grulac')
    expect(sids.html).toContain('Jamaica')
    expect(sids.html).not.toContain('>Brazil<')
    const french = await client.get(`/member-states?lang=fr&q=${encodeURIComponent('Côte')}`)
    expect(french.html).toContain('Côte d’Ivoire')
    expect(french.html).toContain('<html lang="fr"')
    expect(french.html).not.toContain('>Brazil<')
  })

  it("shows a State's names in the six languages and its special regional group case", async () => {
    const { html } = await new TestClient(runtime).get('/member-states/TUR')
    for (const name of ['Türkiye', 'Турция', '土耳其', 'تركيا']) expect(html).toContain(name)
    expect(html).toContain('Western European and Others Group')
    expect(html).toContain('Asia-Pacific Group')
    expect((await new TestClient(runtime).get('/member-states/tur')).response.status).toBe(301)
    expect((await new TestClient(runtime).get('/member-states/XXX')).response.status).toBe(404)
  })

  it("lists a State's current delegates with their titles, and says so when it has none", async () => {
    const ctx = { actor: SYSTEM, now: new Date() }
    const none = await new TestClient(runtime).get('/member-states/NPL')
    expect(none.html).toContain('No delegate of this State is accredited on ecp yet.')
    const person = await createPerson(runtime.deps.db, ctx, { name: 'Sita <Sharma>', profilePublic: true })
    await addAffiliation(runtime.deps.db, ctx, {
      personId: person.id,
      memberStateIso3: 'NPL',
      organizationId: null,
      title: 'First Secretary',
      startedOn: '2026-01-01',
    })
    const { html } = await new TestClient(runtime).get('/member-states/NPL')
    expect(html).not.toContain('No delegate of this State')
    expect(html).toContain(`href="/people/${person.id}"`)
    expect(html).toContain('Sita &lt;Sharma&gt;')
    expect(html).toContain(', <bdi>First Secretary</bdi>')
  })

  it('lets the Secretariat add an organization through the form, and keeps the form when it is wrong', async () => {
    const { client } = await accountWithRole(runtime, 'secretariat')
    const wrong = await client.submit('/organizations/new', {
      'name.en': '',
      acronym: 'WAN',
      stakeholderGroup: 'civil_society',
      website: 'ftp://example.org',
    })
    expect(wrong.response.status).toBe(422)
    expect(wrong.html).toContain('value="WAN"')
    expect(wrong.html).toContain('href="#field-name"')
    expect(wrong.html).toContain('href="#field-website"')
    const created = await client.submit('/organizations/new', {
      'name.en': 'World Access Network',
      'name.fr': 'Réseau mondial d’accès',
      acronym: 'WAN',
      stakeholderGroup: 'civil_society',
      headquarters: 'KEN',
      website: 'https://wan.example.org',
    })
    expect(created.response.status).toBe(303)
    expect(created.response.headers.get('location')).toBe('/organizations/wan')
    const page = await new TestClient(runtime).get('/organizations/wan?lang=fr')
    expect(page.html).toContain('Réseau mondial d’accès')
    expect(page.html).toContain('/member-states/KEN')
    expect(page.html).toContain('Aucun représentant')
  })

  it('lets a representative edit their organization, but not its stakeholder group nor another organization', async () => {
    const { client: staff } = await accountWithRole(runtime, 'secretariat')
    await staff.submit('/organizations/new', {
      'name.en': 'Open Routing Forum',
      stakeholderGroup: 'technical_community',
    })
    await staff.submit('/organizations/new', { 'name.en': 'Other Body', stakeholderGroup: 'civil_society' })
    const orgs = await new TestClient(runtime).json('/api/v1/organizations?q=open routing')
    const id = orgs.body.data[0].id as number
    const { client: rep } = await accountWithRole(runtime, 'stakeholder_representative', {
      type: 'organization',
      id: String(id),
    })
    const edited = await rep.submit('/organizations/open-routing-forum/edit', {
      'name.en': 'Open Routing Forum',
      stakeholderGroup: 'private_sector',
      website: 'https://orf.example.org',
    })
    expect(edited.response.status).toBe(303)
    const after = await new TestClient(runtime).json('/api/v1/organizations/open-routing-forum')
    expect(after.body.data.website).toBe('https://orf.example.org')
    expect(after.body.data.stakeholderGroup).toBe('technical_community')
    expect((await rep.get('/organizations/other-body/edit')).response.status).toBe(403)
  })

  it('keeps the form for adding organizations from participants', async () => {
    const { client } = await signUp(runtime)
    expect((await client.get('/organizations/new')).response.status).toBe(403)
    const posted = await client.submit(
      '/organizations/new',
      { 'name.en': 'Sneaky', stakeholderGroup: 'civil_society' },
      '/account',
    )
    expect(posted.response.status).toBe(403)
  })

  it('hides the page of a person who only signed up, until they make it public', async () => {
    const { client } = await signUp(runtime, 'Quiet Person')
    const account = await client.get('/account')
    const personPath = /href="(\/people\/\d+)"/.exec(account.html)?.[1] as string
    expect((await new TestClient(runtime).get(personPath)).response.status).toBe(404)
    expect((await client.get(personPath)).response.status).toBe(200)
    await client.submit('/account/profile', { displayName: 'Quiet Person', profilePublic: ['yes'] }, '/account')
    expect((await new TestClient(runtime).get(personPath)).response.status).toBe(200)
  })
})
