// Bodies on each database: the Secretariat sets up a body through the form and the API (names in
// six languages, seats per constituency), adds members with representatives and officers; the
// page shows one row per constituency in every language; refusals: only the Secretariat sets
// bodies up, a Chair of one body acts on no other, seats are never over-filled, an office is
// never held twice. Every change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { grantRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { createOrganization } from '../actors/index.ts'
import { changeProcessState, createProcess } from '../processes/index.ts'
import { addBodyMember, createBody } from './commands.ts'
import { memberStatesOf } from './members.ts'
import { findBody } from './queries.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('bodies on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let secretariat: TestClient
  let secretariatToken: string
  let orgs: Record<'apc' | 'isoc' | 'icc', number>

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const org = async (en: string, stakeholderGroup: 'civil_society' | 'technical_community' | 'private_sector') =>
      must(await createOrganization(db, system(), { name: { en }, stakeholderGroup })).id
    orgs = {
      apc: await org('Association for Progressive Communications', 'civil_society'),
      isoc: await org('Internet Society', 'technical_community'),
      icc: await org('International Chamber of Commerce', 'private_sector'),
    }
    const staff = await accountWithRole(runtime, 'secretariat')
    secretariat = staff.client
    secretariatToken = await apiTokenFor(runtime, staff.accountId)
  }, 120_000)
  afterAll(() => runtime.close())

  const audited = async (action: string, bodyId: number) =>
    (
      await db
        .selectFrom('auditEntry')
        .select(['payload'])
        .where('action', '=', action)
        .where('subjectType', '=', 'body')
        .where('subjectId', '=', String(bodyId))
        .execute()
    ).map((e) => e.payload)

  it('lets the Secretariat set up a working group through the form: six names, seats per constituency, one row each', async () => {
    const cstd = must(await createBody(db, system(), { slug: 'cstd-form', name: 'Commission', acronym: 'CSTD' }))
    const created = await secretariat.submit('/bodies/new', {
      name: 'Working Group on Enhanced Cooperation',
      'names.fr': 'Groupe de travail sur le renforcement de la coopération',
      'names.ar': 'الفريق العامل المعني بتعزيز التعاون',
      acronym: 'WGEC',
      slug: 'wgec-form',
      parentBodyId: String(cstd.id),
      mandateSymbol: 'A/RES/70/125',
      termStartsOn: '2016-09-30',
      termEndsOn: '2018-05-18',
      memberStateSeats: '22',
      'stakeholderSeats.civil_society': '5',
      'stakeholderSeats.technical_community': '5',
      'stakeholderSeats.private_sector': '4',
      'stakeholderSeats.academic_community': '2',
      'stakeholderSeats.intergovernmental_organization': '4',
    })
    expect(created.response.status).toBe(303)
    expect(created.response.headers.get('location')).toBe('/bodies/wgec-form')
    const body = await findBody(db, 'wgec-form')
    expect(body?.names.fr).toBe('Groupe de travail sur le renforcement de la coopération')
    expect(body?.stakeholderSeats).toEqual({
      civil_society: 5,
      technical_community: 5,
      private_sector: 4,
      academic_community: 2,
      intergovernmental_organization: 4,
    })
    must(await addBodyMember(db, system(), body?.id as number, { standing: 'member', organizationId: orgs.apc }))
    for (const lang of LOCALES) {
      const html = (await new TestClient(runtime).get(`/bodies/wgec-form?lang=${lang}`)).html
      const rows = [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)]
      // Member States and the five stakeholder groups, each once, none as a raw key
      expect(rows).toHaveLength(6)
      expect(new Set(rows.map((r) => r[1])).size).toBe(6)
      for (const r of rows) expect(r[1]).not.toMatch(/^(actors|bodies)\.|undefined/)
      expect(html).not.toMatch(/actors\.stakeholder\.|bodies\.[a-z]/)
    }
    const english = (await new TestClient(runtime).get('/bodies/wgec-form')).html
    expect(english).toMatch(/<th scope="row">Civil society<\/th><td>5<\/td><td>1<\/td>/)
    expect(english).toMatch(/<th scope="row">Member States<\/th><td>22<\/td><td>0<\/td>/)
    expect((await new TestClient(runtime).get('/bodies/wgec-form?lang=fr')).html).toContain(
      'Groupe de travail sur le renforcement de la coopération (WGEC)',
    )
    expect(await audited('body.created', body?.id as number)).toHaveLength(1)
  })

  it('refuses a body to anyone but the Secretariat, on the page, the form and the API', async () => {
    const { client: participant, accountId } = await accountWithRole(runtime, 'stakeholder_representative', {
      type: 'organization',
      id: String(orgs.apc),
    })
    expect((await participant.get('/bodies/new')).response.status).toBe(403)
    const posted = await participant.submit('/bodies/new', { name: 'Rogue body', slug: 'rogue' }, '/bodies')
    expect(posted.response.status).toBe(403)
    const anonymous = (await new TestClient(runtime).get('/bodies/new')).response
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in/)
    const token = await apiTokenFor(runtime, accountId)
    const api = await new TestClient(runtime).json('/api/v1/bodies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ slug: 'rogue', name: 'Rogue body' }),
    })
    expect(api.status).toBe(403)
    expect(await findBody(db, 'rogue')).toBeUndefined()
  })

  it('lets a Chair of body A run A’s processes but act on body B in no way', async () => {
    const a = must(await createBody(db, system(), { slug: 'body-a', name: 'Body A' }))
    const b = must(await createBody(db, system(), { slug: 'body-b', name: 'Body B' }))
    const processOf = async (bodyId: number, slug: string) => {
      const p = must(await createProcess(db, system(), { bodyId, slug, title: slug, mandateSymbol: 'A/RES/1' }))
      must(await changeProcessState(db, system(), p.id, { to: 'active' }))
      return p.id
    }
    const [pa, pb] = [await processOf(a.id, 'process-a'), await processOf(b.id, 'process-b')]
    const { client: chair } = await accountWithRole(runtime, 'chair', { type: 'body', id: String(a.id) })
    expect((await chair.get(`/processes/${pa}/meetings/new`)).response.status).toBe(200)
    expect((await chair.get(`/processes/${pb}/meetings/new`)).response.status).toBe(403)
    // setting a body up is the Secretariat's, for A as for B
    expect((await chair.get('/bodies/body-b/members/new')).response.status).toBe(403)
    expect((await chair.get('/bodies/body-b/edit')).response.status).toBe(403)
    const posted = await chair.submit(
      '/bodies/body-b/officers/new',
      { office: 'chair', name: 'Self' },
      '/bodies/body-b',
    )
    expect(posted.response.status).toBe(403)
    expect((await chair.get('/bodies/body-b')).html).not.toContain('/bodies/body-b/edit')
  })

  it('refuses a member beyond the seats of its constituency, keeping what was typed and saying why beside the field', async () => {
    const small = must(
      await createBody(db, system(), {
        slug: 'small',
        name: 'Small group',
        memberStateSeats: 1,
        stakeholderSeats: { civil_society: 1 },
      }),
    )
    const first = await secretariat.submit('/bodies/small/members/new', {
      standing: 'member',
      memberStateIso3: 'KEN',
      representatives: 'Amina Odhiambo, Head of delegation\nJoseph Mwangi',
    })
    expect(first.response.status).toBe(303)
    const second = await secretariat.submit('/bodies/small/members/new', {
      standing: 'member',
      memberStateIso3: 'BRA',
      representatives: 'Ana Silva',
    })
    expect(second.response.status).toBe(422)
    expect(second.html).toContain('Every seat of this constituency is filled')
    expect(second.html).toMatch(/<option value="BRA" selected/)
    expect(second.html).toContain('Ana Silva')
    // an observer holds no seat; a stakeholder group has its own seats
    expect(
      (await secretariat.submit('/bodies/small/members/new', { standing: 'observer', memberStateIso3: 'BRA' })).response
        .status,
    ).toBe(303)
    expect(
      (await secretariat.submit('/bodies/small/members/new', { standing: 'member', organizationId: String(orgs.apc) }))
        .response.status,
    ).toBe(303)
    const again = await addBodyMember(db, system(), small.id, { standing: 'member', organizationId: orgs.isoc })
    expect(again.ok).toBe(true)
    const page = (await new TestClient(runtime).get('/bodies/small')).html
    expect(page).toContain('Amina Odhiambo')
    expect(page).toContain('Head of delegation')
    // the rules may not drop below the members in office
    const lowered = await secretariat.submit('/bodies/small/edit', { name: 'Small group', memberStateSeats: '0' })
    expect(lowered.response.status).toBe(422)
    expect(lowered.html).toContain('More members hold seats of this constituency than this number')
    const members = await audited('body.member_added', small.id)
    expect(members).toHaveLength(4)
    expect(members[0]).toMatchObject({ memberState: 'KEN', representatives: ['Amina Odhiambo', 'Joseph Mwangi'] })
  })

  it('records officers elected or designated, with date and record, and never two Chairs nor one person twice', async () => {
    const wg = must(await createBody(db, system(), { slug: 'officers-wg', name: 'Officers group' }))
    const chair = await secretariat.submit('/bodies/officers-wg/officers/new', {
      office: 'chair',
      name: 'Ambassador One',
      memberStateIso3: 'BRA',
      selection: 'elected',
      since: '2017-01-26',
      record: 'E/CN.16/2017/CRP.1, para. 4',
    })
    expect(chair.response.status).toBe(303)
    const second = await secretariat.submit('/bodies/officers-wg/officers/new', { office: 'chair', name: 'Another' })
    expect(second.response.status).toBe(409)
    expect(second.html).toContain('a body has one Chair and one Rapporteur at a time')
    expect(second.html).toContain('value="Another"')
    const vice = { office: 'vice_chair', name: 'Vice One', selection: 'elected' }
    expect((await secretariat.submit('/bodies/officers-wg/officers/new', vice)).response.status).toBe(303)
    const twice = await secretariat.submit('/bodies/officers-wg/officers/new', { ...vice, name: 'vice one' })
    expect(twice.response.status).toBe(409)
    expect(twice.html).toContain('This person already holds this office.')
    const page = (await new TestClient(runtime).get('/bodies/officers-wg')).html
    expect(page).toContain('Ambassador One')
    expect(page).toMatch(/elected on January 26, 2017/)
    expect(page).toContain('E/CN.16/2017/CRP.1, para. 4')
    expect(await audited('body.officer_added', wg.id)).toHaveLength(2)
  })

  it('serves the same body to the API as to the page: create, change, members, officers, with refusals as 4xx', async () => {
    const send = (method: string, path: string, body: unknown) =>
      new TestClient(runtime).json(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariatToken}` },
        body: JSON.stringify(body),
      })
    const created = await send('POST', '/bodies', {
      slug: 'api-wg',
      name: 'API Working Group',
      names: { es: 'Grupo de trabajo de la API' },
      memberStateSeats: 2,
      stakeholderSeats: { technical_community: 1 },
    })
    expect(created.status).toBe(201)
    const id = created.body.data.id as number
    expect(created.body.data.seats).toEqual([
      { constituency: 'member_states', seats: 2, filled: 0 },
      { constituency: 'technical_community', seats: 1, filled: 0 },
    ])
    expect((await send('POST', '/bodies', { slug: 'api-wg', name: 'Again' })).status).toBe(409)
    const changed = await send('PATCH', `/bodies/${id}`, { acronym: 'AWG', termStartsOn: '2027-01-01' })
    expect(changed.status).toBe(200)
    expect(changed.body.data).toMatchObject({ acronym: 'AWG', term: { startsOn: '2027-01-01', endsOn: null } })
    expect((await send('PATCH', `/bodies/${id}`, { termEndsOn: '2026-01-01' })).status).toBe(400)
    expect((await send('PATCH', `/bodies/${id}`, { parentBodyId: id })).status).toBe(400)
    const member = await send('POST', `/bodies/${id}/members`, {
      standing: 'member',
      memberStateIso3: 'fra',
      representatives: [{ name: 'Claire Martin', function: 'Head of delegation' }],
    })
    expect(member.status).toBe(201)
    expect(member.body.data).toMatchObject({
      memberState: 'FRA',
      representatives: [{ name: 'Claire Martin', function: 'Head of delegation' }],
    })
    expect((await send('POST', `/bodies/${id}/members`, { standing: 'member', memberStateIso3: 'FRA' })).status).toBe(
      409,
    )
    expect(
      (await send('POST', `/bodies/${id}/members`, { standing: 'member', organizationId: orgs.isoc })).status,
    ).toBe(201)
    const ripe = must(
      await createOrganization(db, system(), { name: { en: 'RIPE NCC' }, stakeholderGroup: 'technical_community' }),
    )
    const full = await send('POST', `/bodies/${id}/members`, { standing: 'member', organizationId: ripe.id })
    expect(full.status).toBe(400)
    expect(full.body.issues).toMatchObject([{ path: 'organizationId', code: 'bodies.seatsFilled' }])
    // the private sector has no rule: no limit
    const icc = await send('POST', `/bodies/${id}/members`, { standing: 'member', organizationId: orgs.icc })
    expect(icc.status).toBe(201)
    const officer = await send('POST', `/bodies/${id}/officers`, { office: 'rapporteur', name: 'R. Porteur' })
    expect(officer.status).toBe(201)
    expect((await send('POST', `/bodies/${id}/officers`, { office: 'rapporteur', name: 'Other' })).body.id).toBe(
      'office_held',
    )
    const read = await new TestClient(runtime).json(`/api/v1/bodies/${id}`)
    expect(read.body.data.officers.map((o: { office: string }) => o.office)).toEqual(['rapporteur'])
    expect(read.body.data.members).toHaveLength(3)
    expect(read.body.data.processes).toEqual([])
    expect(
      (await send('POST', '/bodies/99999999/members', { standing: 'member', memberStateIso3: 'FRA' })).status,
    ).toBe(404)
    const spec = (await new TestClient(runtime).json('/api/openapi.json')).body
    for (const path of ['/bodies', '/bodies/{id}', '/bodies/{id}/members', '/bodies/{id}/officers']) {
      expect(spec.paths[path]).toBeDefined()
    }
    expect(spec.paths['/bodies'].post.operationId).toBe('createBody')
    expect(spec.paths['/bodies/{id}'].patch.operationId).toBe('updateBody')
  })

  it('gives other modules the Member States of a body with the accounts that speak for them', async () => {
    const wg = must(await createBody(db, system(), { slug: 'notices-wg', name: 'Notices group' }))
    must(await addBodyMember(db, system(), wg.id, { standing: 'member', memberStateIso3: 'KEN' }))
    must(await addBodyMember(db, system(), wg.id, { standing: 'observer', memberStateIso3: 'CHE' }))
    must(await addBodyMember(db, system(), wg.id, { standing: 'member', organizationId: orgs.apc }))
    const { accountId } = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'KEN' })
    await grantRole(db, {
      accountId,
      role: 'government_delegate',
      scope: { type: 'member_state', id: 'KEN' },
      grantedBy: null,
    })
    const states = await memberStatesOf(db, wg.id)
    expect(states.map((s) => s.iso3)).toEqual(['KEN'])
    expect(states[0]?.delegateAccountIds).toEqual([accountId])
  })
})
