// The map on each database: the shipped taxonomy in six languages, proposing and triaging an
// issue, the gap and overlap analyses as pages, CSV and JSON, and the open-data ZIP rebuilt when
// the data changes.
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createOrganization } from '../actors/index.ts'
import { createMechanism } from './commands.ts'
import { findIssue, listIssues } from './queries.ts'

describe.each(DATABASE_KINDS)('the issue map on %s', (kind) => {
  let runtime: TestRuntime
  let orgs: number[]

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    orgs = []
    for (const [slug, acronym] of [
      ['treaty-org', 'TO'],
      ['standards-org', 'SO'],
      ['forum-org', 'FO'],
    ] as const) {
      const created = await createOrganization(
        runtime.deps.db,
        { actor: SYSTEM, now: new Date() },
        {
          acronym,
          name: { en: `${slug} ${acronym}` },
          stakeholderGroup: 'intergovernmental_organization',
        },
      )
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      orgs.push(created.value.id)
    }
  })
  afterAll(() => runtime.close())

  const issueId = async (slug: string) => (await findIssue(runtime.deps.db, slug))?.id as number

  it('ships the taxonomy with names in the six languages and a scope per issue', async () => {
    const issues = await listIssues(runtime.deps.db)
    // the reference taxonomy, whatever issues proposals have added since
    expect(issues.filter((i) => i.origin !== 'proposal').length).toBe(54)
    const cyber = issues.find((i) => i.slug === 'cybercrime')
    expect(Object.keys(cyber?.name ?? {}).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh'])
    expect(cyber?.scope).toBe('public_policy')
    const api = await new TestClient(runtime).json('/api/v1/issues')
    expect(api.body.data).toHaveLength(issues.length)
    const french = (await new TestClient(runtime).get('/issues?lang=fr')).html
    expect(french).toContain(cyber?.name.fr as string)
  })

  it('lets anyone signed in propose an issue and the Secretariat triage it with a recorded reason', async () => {
    const active = (await new TestClient(runtime).json('/api/v1/issues')).body.data.length
    const { client } = await signUp(runtime, 'Proposer')
    const proposed = await client.submit('/issues/propose', {
      name: 'Satellite Internet constellations',
      description: 'Spectrum, orbital slots and the policy questions of low-earth-orbit broadband.',
      basket: 'infrastructure',
    })
    expect(proposed.response.status).toBe(303)
    const issue = await findIssue(runtime.deps.db, 'satellite-internet-constellations')
    expect(issue?.status).toBe('proposed')
    expect(issue?.emerging).toBe(true)
    expect((await new TestClient(runtime).json('/api/v1/issues')).body.data).toHaveLength(active)
    const refused = await client.submit(
      `/issues/${issue?.id}/triage`,
      { decision: 'accept', scope: 'mixed', basket: 'infrastructure', reason: 'I would like it' },
      '/issues',
    )
    expect(refused.response.status).toBe(403)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const noReason = await secretariat.submit(
      `/issues/${issue?.id}/triage`,
      { decision: 'accept', scope: 'mixed', basket: 'infrastructure', reason: '', scopeRationale: 'Orbits' },
      '/administration/issues',
    )
    expect(noReason.response.status).toBe(422)
    expect(noReason.html).toContain(`id="i${issue?.id}-field-reason-error"`)
    expect(noReason.html).toContain('value="Orbits"')
    const longReason = `Spectrum. ${'r'.repeat(2000)}`
    const tooLong = await secretariat.submit(
      `/issues/${issue?.id}/triage`,
      { decision: 'accept', scope: 'mixed', basket: 'infrastructure', reason: longReason },
      '/administration/issues',
    )
    expect(tooLong.response.status).toBe(422)
    expect(tooLong.html).toMatch(
      new RegExp(`id="i${issue?.id}-field-reason-error"[^>]*>Enter at most 2,000 characters`),
    )
    expect(tooLong.html).toContain(longReason)
    expect((await findIssue(runtime.deps.db, 'satellite-internet-constellations'))?.status).toBe('proposed')
    const accepted = await secretariat.submit(
      `/issues/${issue?.id}/triage`,
      {
        decision: 'accept',
        scope: 'mixed',
        basket: 'infrastructure',
        reason: 'Raised by several delegations; spectrum is public policy, operations are not.',
        emerging: 'true',
      },
      '/administration/issues',
    )
    expect(accepted.response.status).toBe(303)
    const after = await findIssue(runtime.deps.db, 'satellite-internet-constellations')
    expect(after).toMatchObject({ status: 'active', scope: 'mixed', emerging: true })
    expect(after?.triageReason).toContain('spectrum is public policy')
    const again = await secretariat.submit(
      `/issues/${issue?.id}/triage`,
      { decision: 'decline', scope: 'mixed', basket: 'infrastructure', reason: 'again' },
      '/administration/issues',
    )
    expect(again.response.status).toBe(409)
  })

  it('finds the gaps and the overlaps, as pages, CSV and JSON', async () => {
    const db = runtime.deps.db
    const spam = await issueId('spam')
    const cybercrime = await issueId('cybercrime')
    const add = (
      org: number,
      name: string,
      issues: number[],
      over: Partial<Parameters<typeof createMechanism>[2]> = {},
    ) =>
      createMechanism(
        db,
        { actor: SYSTEM, now: new Date() },
        {
          organizationId: org,
          name,
          type: 'forum',
          governments: 'equal_footing',
          stakeholders: 'full_member',
          support: ['remote_participation'],
          issueIds: issues,
          ...over,
        },
      )
    await add(orgs[0] as number, 'Treaty committee', [cybercrime], {
      type: 'treaty_body',
      stakeholders: 'observer',
      support: [],
    })
    await add(orgs[1] as number, 'Standards group', [cybercrime, spam], { type: 'standards_body', governments: 'none' })
    await add(orgs[2] as number, 'Open forum', [cybercrime])
    const anonymous = new TestClient(runtime)
    const gaps = await anonymous.json('/api/v1/map/gaps?basket=security')
    const spamGaps = gaps.body.data
      .filter((g: { issue: string }) => g.issue === 'spam')
      .map((g: { gap: string }) => g.gap)
    expect(spamGaps).toEqual(['no_equal_footing'])
    expect(gaps.body.data.some((g: { issue: string }) => g.issue === 'cybercrime')).toBe(false)
    const overlaps = await anonymous.json('/api/v1/map/overlaps?n=3')
    expect(overlaps.body.data.map((o: { issue: string }) => o.issue)).toEqual(['cybercrime'])
    const csv = await anonymous.request('/map/gaps.csv?basket=security')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect((await csv.text()).split('\n')[0]).toBe('issue,basket,scope,gap,mechanisms')
    const page = (await anonymous.get('/map/gaps?basket=security')).html
    expect(page).toContain('<svg')
    expect(page).toContain('role="img"')
    expect((await anonymous.get('/map/overlaps?n=2')).html).toContain('Open forum')
    expect((await anonymous.get('/map?basket=security&type=forum')).html).toContain('FO')
    const bad = await anonymous.json('/api/v1/map/overlaps?n=abc')
    expect(bad.status).toBe(400)
  })

  it('offers all open data as one ZIP with a dictionary and a licence, rebuilt when the data changes', async () => {
    const anonymous = new TestClient(runtime)
    const first = await anonymous.request('/open-data.zip')
    expect(first.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await first.arrayBuffer()))
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'issues.csv',
        'issues.json',
        'mechanisms.csv',
        'dictionary.csv',
        'LICENSE.txt',
        'README.md',
      ]),
    )
    expect(strFromU8(files['LICENSE.txt'] as Uint8Array)).toContain('CC BY 4.0')
    expect(strFromU8(files['dictionary.csv'] as Uint8Array)).toContain('mechanisms,governments,')
    const unchanged = await anonymous.request('/open-data.zip')
    expect(unchanged.headers.get('etag')).toBe(first.headers.get('etag'))
    await createMechanism(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      {
        organizationId: orgs[0] as number,
        name: 'A new research programme',
        type: 'research',
        governments: 'none',
        stakeholders: 'full_member',
        support: [],
        issueIds: [],
      },
    )
    const changed = await anonymous.request('/open-data.zip')
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'))
    const mechanisms = strFromU8(unzipSync(new Uint8Array(await changed.arrayBuffer()))['mechanisms.csv'] as Uint8Array)
    expect(mechanisms).toContain('A new research programme')
  })

  it('lets the Secretariat record a mechanism through the form, and nobody else', async () => {
    const fields = {
      organizationId: String(orgs[2]),
      name: 'Regional dialogue on data',
      type: 'forum',
      governments: 'equal_footing',
      stakeholders: 'consultative',
      support: ['interpretation'],
      issueIds: [String(await issueId('data-governance'))],
    }
    const { client: participant } = await signUp(runtime, 'Not staff')
    expect((await participant.submit('/mechanisms/new', fields, '/mechanisms')).response.status).toBe(403)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const invalid = await secretariat.submit('/mechanisms/new', { ...fields, governments: 'sometimes' })
    expect(invalid.response.status).toBe(422)
    const created = await secretariat.submit('/mechanisms/new', fields)
    expect(created.response.status).toBe(303)
    const page = (await new TestClient(runtime).get(created.response.headers.get('location') as string)).html
    expect(page).toContain('Regional dialogue on data')
    expect(page).toContain('Interpretation')
  })

  it('lets the Secretariat revise an issue’s scope with a reason, keeping what it was in the record', async () => {
    const neutrality = await issueId('network-neutrality')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const revised = await secretariat.submit(
      `/issues/${neutrality}/revise`,
      { scope: 'mixed', basket: 'infrastructure', reason: 'Traffic management is operational; the rules are policy.' },
      '/issues/network-neutrality',
    )
    expect(revised.response.status).toBe(303)
    expect((await findIssue(runtime.deps.db, 'network-neutrality'))?.scope).toBe('mixed')
    const entry = await runtime.deps.db
      .selectFrom('auditEntry')
      .select(['payload'])
      .where('action', '=', 'issue.revised')
      .executeTakeFirst()
    expect(JSON.stringify(entry?.payload)).toContain('public_policy')
    const longReason = `Operational. ${'o'.repeat(2000)}`
    const tooLong = await secretariat.submit(
      `/issues/${neutrality}/revise`,
      { scope: 'technical_operational', basket: 'infrastructure', reason: longReason },
      '/issues/network-neutrality',
    )
    expect(tooLong.response.status).toBe(422)
    expect(tooLong.html).toMatch(/id="rev-field-reason-error"[^>]*>Enter at most 2,000 characters/)
    expect(tooLong.html).toContain(longReason)
    expect((await findIssue(runtime.deps.db, 'network-neutrality'))?.scope).toBe('mixed')
    const { client: participant } = await signUp(runtime, 'Reviser')
    expect(
      (
        await participant.submit(
          `/issues/${neutrality}/revise`,
          { scope: 'technical_operational', basket: 'infrastructure', reason: 'Because I can' },
          '/issues/network-neutrality',
        )
      ).response.status,
    ).toBe(403)
  })
})
