// Accreditation end to end on each database: ask, review, approve or refuse, withdraw; and a
// State keeps one voice with several delegates (grants are per State, not per person).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { grantsOfRole } from '../../core/auth/grants.ts'

describe.each(DATABASE_KINDS)('accreditation on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  async function requestId(html: string): Promise<string> {
    return /action="\/administration\/accreditation\/(\d+)\/approve"/.exec(html)?.[1] as string
  }

  it('approves a delegate: the role is granted and the person appears in the delegation', async () => {
    const { client: person } = await signUp(runtime, 'Beatriz Almeida')
    const asked = await person.submit('/accreditation', {
      kind: 'government_delegate',
      memberState: 'BRA',
      title: 'Counsellor, Permanent Mission of Brazil',
    })
    expect(asked.response.status).toBe(303)
    expect((await person.get('/accreditation')).html).toContain('Pending')

    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const queue = await secretariat.get('/administration/accreditation')
    expect(queue.html).toContain('Beatriz Almeida')
    const id = await requestId(queue.html)
    const approved = await secretariat.submit(
      `/administration/accreditation/${id}/approve`,
      {},
      '/administration/accreditation',
    )
    expect(approved.response.status).toBe(303)

    expect((await person.get('/account')).html).toContain('Government delegate of Brazil')
    expect((await person.get('/member-states/BRA')).html).toContain('Beatriz Almeida')
  })

  it('lets a State have several delegates while its grants stay scoped to that State', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    for (const name of ['Delegate One', 'Delegate Two']) {
      const { client } = await signUp(runtime, name)
      await client.submit('/accreditation', { kind: 'government_delegate', memberState: 'ZAF', title: 'Delegate' })
      const id = await requestId((await secretariat.get('/administration/accreditation')).html)
      await secretariat.submit(`/administration/accreditation/${id}/approve`, {}, '/administration/accreditation')
    }
    const delegates = await grantsOfRole(runtime.deps.db, 'government_delegate', { type: 'member_state', id: 'ZAF' })
    expect(delegates).toHaveLength(2)
  })

  it('requires a reason to refuse, and shows the reason to the person', async () => {
    const { client: person } = await signUp(runtime, 'Unverified Person')
    await person.submit('/accreditation', { kind: 'government_delegate', memberState: 'FRA', title: 'Adviser' })
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const id = await requestId((await secretariat.get('/administration/accreditation')).html)
    const noReason = await secretariat.submit(
      `/administration/accreditation/${id}/refuse`,
      { reason: '' },
      '/administration/accreditation',
    )
    expect(noReason.response.status).toBe(422)
    const refused = await secretariat.submit(
      `/administration/accreditation/${id}/refuse`,
      { reason: 'The mission could not confirm this role.' },
      '/administration/accreditation',
    )
    expect(refused.response.status).toBe(303)
    expect((await person.get('/accreditation')).html).toContain('The mission could not confirm this role.')
    const again = await secretariat.submit(
      `/administration/accreditation/${id}/approve`,
      {},
      '/administration/accreditation',
    )
    expect(again.response.status).toBe(409)
  })

  it('refuses a second pending request for the same role and target', async () => {
    const { client } = await signUp(runtime)
    await client.submit('/accreditation', { kind: 'government_delegate', memberState: 'KEN', title: 'Delegate' })
    const second = await client.submit('/accreditation', {
      kind: 'government_delegate',
      memberState: 'KEN',
      title: 'Delegate',
    })
    expect(second.response.status).toBe(409)
    expect(second.html).toContain('already have a pending request')
  })

  it('keeps the form and asks for the missing target', async () => {
    const { client } = await signUp(runtime)
    const { response, html } = await client.submit('/accreditation', {
      kind: 'stakeholder_representative',
      title: 'Director',
    })
    expect(response.status).toBe(422)
    expect(html).toContain('value="Director"')
    expect(html).toMatch(/href="#field-organization"/)
  })

  it('lets the person withdraw a pending request, but not another person', async () => {
    const { client } = await signUp(runtime)
    await client.submit('/accreditation', { kind: 'government_delegate', memberState: 'IND', title: 'Delegate' })
    const id = /action="\/accreditation\/(\d+)\/withdraw"/.exec((await client.get('/accreditation')).html)?.[1]
    const { client: stranger } = await signUp(runtime)
    const forbidden = await stranger.submit(`/accreditation/${id}/withdraw`, {}, '/accreditation')
    expect(forbidden.response.status).toBe(403)
    const withdrawn = await client.submit(`/accreditation/${id}/withdraw`, {}, '/accreditation')
    expect(withdrawn.response.status).toBe(303)
    expect((await client.get('/accreditation')).html).toContain('Withdrawn')
  })

  it('keeps the review queue from participants and anonymous visitors', async () => {
    const { client } = await signUp(runtime)
    expect((await client.get('/administration/accreditation')).response.status).toBe(403)
    const anonymous = await runtime.app.request('/administration/accreditation', { headers: { host: 'localhost' } })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=/)
  })
})
