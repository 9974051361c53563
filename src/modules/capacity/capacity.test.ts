// Capacity gaps on each database: a delegation records a gap, a provider an offer, the Secretariat
// matches them (the gap is then being addressed) and follows it to closure, with the history kept;
// views by regional group and by development status; the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createOrganization } from '../actors/index.ts'
import { historyOf } from './queries.ts'

describe.each(DATABASE_KINDS)('capacity gaps on %s', (kind) => {
  let runtime: TestRuntime
  let provider: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const created = await createOrganization(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { acronym: 'CBP', name: { en: 'Capacity Builders' }, stakeholderGroup: 'international_organization' },
    )
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    provider = created.value.id
  })
  afterAll(() => runtime.close())

  it('follows a gap from its record through a matched offer to its closure', async () => {
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'MWI',
    })
    const recorded = await delegate.submit('/capacity/gaps/new', {
      memberStateIso3: 'MWI',
      issueSlug: 'cybersecurity',
      description: 'No national CIRT.',
      identifiedOn: '2025-06-10',
    })
    expect(recorded.response.status).toBe(303)
    const gapPath = recorded.response.headers.get('location') as string
    const both = await delegate.submit('/capacity/gaps/new', {
      memberStateIso3: 'MWI',
      regionalGroup: 'african',
      issueSlug: 'cybersecurity',
      description: 'x',
      identifiedOn: '2025-06-10',
    })
    expect(both.response.status).toBe(422)

    const { client: rep } = await accountWithRole(runtime, 'stakeholder_representative', {
      type: 'organization',
      id: String(provider),
    })
    const offered = await rep.submit('/capacity/offers/new', {
      organizationId: String(provider),
      title: 'CIRT bootcamp',
      modality: 'online',
      regions: ['african'],
      languages: ['en', 'fr'],
      issues: ['cybersecurity'],
    })
    expect(offered.response.status).toBe(303)

    const anonymous = new TestClient(runtime)
    const gapPage = (await anonymous.get(gapPath)).html
    expect(gapPage).toContain('CIRT bootcamp')
    expect(gapPage).toContain('LDC')

    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const offerId = /name="offerId" value="(\d+)"/.exec((await secretariat.get(gapPath)).html)?.[1] as string
    const refused = await delegate.submit(`${gapPath}/match`, { offerId }, gapPath)
    expect(refused.response.status).toBe(403)
    await secretariat.submit(`${gapPath}/match`, { offerId, note: 'Agreed with the ministry' }, gapPath)
    await secretariat.submit(`${gapPath}/status`, { status: 'closed', note: 'CIRT operational' }, gapPath)
    const id = Number(gapPath.split('/').pop())
    expect((await historyOf(runtime.deps.db, id)).map((h) => h.status)).toEqual(['open', 'being_addressed', 'closed'])

    const api = await anonymous.json('/api/v1/capacity-gaps')
    expect(api.body.data[0]).toMatchObject({
      memberState: 'MWI',
      issue: 'cybersecurity',
      status: 'closed',
      offers: [Number(offerId)],
    })
    const byGroup = (await anonymous.get('/capacity?group=african&classification=ldc')).html
    expect(byGroup).toContain('Malawi')
    expect((await anonymous.get('/capacity?group=weog')).html).not.toContain('Malawi')
  })

  it("refuses a delegate recording another State's gap, keeping the form, and lets the Secretariat", async () => {
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'MWI',
    })
    const form = (await delegate.get('/capacity/gaps/new')).html
    expect(form).toContain('value="MWI"')
    expect(form).not.toContain('value="FJI"')
    const gap = {
      memberStateIso3: 'FJI',
      issueSlug: 'cybersecurity',
      description: 'Fiji has no CIRT.',
      identifiedOn: '2025-06-10',
    }
    const refused = await delegate.submit('/capacity/gaps/new', gap)
    expect(refused.response.status).toBe(403)
    expect(refused.html).toContain('recorded by its own delegates or by the Secretariat')
    expect(refused.html).toContain('Fiji has no CIRT.')
    expect((await historyCount()).fji).toBe(0)
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    expect((await secretariat.submit('/capacity/gaps/new', gap)).response.status).toBe(303)
    expect((await historyCount()).fji).toBe(1)
  })

  it("lets a delegate record a gap of their State's regional group, and of no other group", async () => {
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'MWI',
    })
    const gap = { issueSlug: 'cybersecurity', description: 'Regional CIRT network.', identifiedOn: '2025-06-10' }
    expect((await delegate.submit('/capacity/gaps/new', { ...gap, regionalGroup: 'african' })).response.status).toBe(
      303,
    )
    const other = await delegate.submit('/capacity/gaps/new', { ...gap, regionalGroup: 'weog' })
    expect(other.response.status).toBe(403)
    expect(other.html).toContain('choose a group your State belongs to')
  })

  it('refuses over-long text with the limit beside the field, keeping what was typed, and records nothing', async () => {
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'MWI',
    })
    const before = (await new TestClient(runtime).json('/api/v1/capacity-gaps')).body.data.length
    const long = `Typed with care. ${'x'.repeat(5000)}`
    const refused = await delegate.submit('/capacity/gaps/new', {
      memberStateIso3: 'MWI',
      issueSlug: 'cybersecurity',
      description: long,
      identifiedOn: '2025-06-10',
    })
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(/id="field-description-error"[^>]*>Enter at most 5,000 characters/)
    expect(refused.html).toContain(long)
    const impossibleDay = await delegate.submit('/capacity/gaps/new', {
      memberStateIso3: 'MWI',
      issueSlug: 'cybersecurity',
      description: 'A gap.',
      identifiedOn: '2025-02-30',
    })
    expect(impossibleDay.response.status).toBe(422)
    expect(impossibleDay.html).toContain('id="field-identifiedOn-error"')
    expect((await new TestClient(runtime).json('/api/v1/capacity-gaps')).body.data.length).toBe(before)

    const { client: rep } = await accountWithRole(runtime, 'stakeholder_representative', {
      type: 'organization',
      id: String(provider),
    })
    const offer = {
      organizationId: String(provider),
      title: 'T'.repeat(301),
      modality: 'online',
      issues: ['cybersecurity'],
      url: 'javascript:alert(1)',
    }
    const refusedOffer = await rep.submit('/capacity/offers/new', offer)
    expect(refusedOffer.response.status).toBe(422)
    expect(refusedOffer.html).toMatch(/id="field-title-error"[^>]*>Enter at most 300 characters/)
    expect(refusedOffer.html).toContain('id="field-url-error"')
    expect(refusedOffer.html).toContain('T'.repeat(301))
    const noIssue = await rep.submit('/capacity/offers/new', { ...offer, title: 'Short', url: '', issues: [] })
    expect(noIssue.response.status).toBe(422)
    expect(noIssue.html).toContain('id="field-issues-error"')
  })

  it("refuses an over-long note on a gap's status, keeping it in the form, and leaves the status", async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const recorded = await secretariat.submit('/capacity/gaps/new', {
      regionalGroup: 'weog',
      issueSlug: 'cybersecurity',
      description: 'Shared threat intelligence.',
      identifiedOn: '2025-06-10',
    })
    const gapPath = recorded.response.headers.get('location') as string
    const note = `Closed after review. ${'n'.repeat(1000)}`
    const refused = await secretariat.submit(`${gapPath}/status`, { status: 'closed', note }, gapPath)
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(/id="field-note-error"[^>]*>Enter at most 1,000 characters/)
    expect(refused.html).toContain(note)
    const id = Number(gapPath.split('/').pop())
    expect((await historyOf(runtime.deps.db, id)).map((h) => h.status)).toEqual(['open'])
    const bystander = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'MWI' })
    const notTheirs = await bystander.client.submit(`${gapPath}/status`, { status: 'nonsense' }, gapPath)
    expect(notTheirs.response.status).toBe(403)
  })

  async function historyCount() {
    const api = await new TestClient(runtime).json('/api/v1/capacity-gaps')
    return { fji: api.body.data.filter((g: { memberState: string }) => g.memberState === 'FJI').length }
  }
})
