// Four eyes on accreditation, on each database: a Secretariat member cannot approve their own
// accreditation (the case: a USA delegate who then objected for the USA); a refusal can be
// appealed once, with a reason, and another member of the Secretariat than the one who refused
// decides the appeal. Both names are in the record and both accounts in the audit log.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, type TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { grantsOfRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'

describe.each(DATABASE_KINDS)('four eyes on accreditation on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let samir: { client: TestClient; accountId: number }
  let sofia: { client: TestClient; accountId: number }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    samir = await accountWithRole(runtime, 'secretariat', null, 'Samir Secretariat')
    sofia = await accountWithRole(runtime, 'secretariat', null, 'Sofia Secretariat')
  })
  afterAll(() => runtime.close())

  async function ask(client: TestClient, memberState: string) {
    const asked = await client.submit('/accreditation', { kind: 'government_delegate', memberState, title: 'Delegate' })
    expect(asked.response.status).toBe(303)
    const row = await sql<{ id: number }>`select max(id) as id from accreditation_request`.execute(db)
    return Number(row.rows[0]?.id)
  }

  const decide = (client: TestClient, id: number, decision: 'approve' | 'refuse', reason = '') =>
    client.submit(
      `/administration/accreditation/${id}/${decision}`,
      decision === 'refuse' ? { reason } : {},
      '/administration/accreditation?status=all',
    )

  it('stops a Secretariat member from approving or refusing their own accreditation as a USA delegate', async () => {
    const id = await ask(samir.client, 'USA')
    const queue = (await samir.client.get('/administration/accreditation')).html
    expect(queue).toContain('This is your own request: another member of the Secretariat decides it.')
    expect(queue).not.toContain(`/administration/accreditation/${id}/approve`)
    const approved = await decide(samir.client, id, 'approve')
    expect(approved.response.status).toBe(403)
    expect(approved.html).toContain('Nobody decides their own request')
    expect((await decide(samir.client, id, 'refuse', 'Withdrawn by myself')).response.status).toBe(403)
    expect(await grantsOfRole(db, 'government_delegate', { type: 'member_state', id: 'USA' })).toHaveLength(0)
    // and the database refuses it whatever the code path
    await expect(
      sql`update accreditation_request set status = 'approved', decided_by = account_id, decided_at = now()
        where id = ${id}`.execute(db),
    ).rejects.toThrow(/nobody decides their own request/)

    // another member of the Secretariat may; the record and the audit log name both
    expect((await decide(sofia.client, id, 'approve')).response.status).toBe(303)
    const row = await sql<{ accountId: number; decidedBy: number }>`select account_id as "accountId",
      decided_by as "decidedBy" from accreditation_request where id = ${id}`.execute(db)
    expect(row.rows[0]).toEqual({ accountId: samir.accountId, decidedBy: sofia.accountId })
    const entry = await db
      .selectFrom('auditEntry')
      .select(['actorAccountId', 'payload'])
      .where('action', '=', 'accreditation.approved')
      .where('subjectId', '=', String(id))
      .executeTakeFirstOrThrow()
    expect(Number(entry.actorAccountId)).toBe(sofia.accountId)
    expect(entry.payload).toMatchObject({ requestedBy: samir.accountId, decidedBy: sofia.accountId })
    const page = (await sofia.client.get('/administration/accreditation?status=approved')).html
    expect(page).toContain('Decided by Sofia Secretariat')
  })

  it('lets the requester appeal a refusal once, with a reason, decided by someone other than who refused', async () => {
    const { client: person } = await signUp(runtime, 'Appealing Person')
    const id = await ask(person, 'KEN')
    expect((await decide(samir.client, id, 'refuse', 'The mission did not confirm.')).response.status).toBe(303)

    const noReason = await person.submit(`/accreditation/${id}/appeal`, { reason: '' }, '/accreditation')
    expect(noReason.response.status).toBe(422)
    const { client: stranger } = await signUp(runtime)
    const notTheirs = await stranger.submit(`/accreditation/${id}/appeal`, { reason: 'Me too' }, '/accreditation')
    expect(notTheirs.response.status).toBe(403)
    const appealed = await person.submit(
      `/accreditation/${id}/appeal`,
      { reason: 'The mission has now written to confirm my role.' },
      '/accreditation',
    )
    expect(appealed.response.status).toBe(303)
    expect((await person.get('/accreditation')).html).toContain('Under appeal')

    const queue = (await samir.client.get('/administration/accreditation?status=appealed')).html
    expect(queue).toContain('You refused this request: another member of the Secretariat decides the appeal.')
    const byRefuser = await decide(samir.client, id, 'approve')
    expect(byRefuser.response.status).toBe(403)
    expect(byRefuser.html).toContain('does not decide its appeal')
    expect((await sofia.client.get('/administration/accreditation?status=appealed')).html).toContain(
      'The mission has now written to confirm my role.',
    )
    expect((await decide(sofia.client, id, 'approve')).response.status).toBe(303)
    expect(await grantsOfRole(db, 'government_delegate', { type: 'member_state', id: 'KEN' })).toHaveLength(1)
    const entry = await db
      .selectFrom('auditEntry')
      .select('payload')
      .where('action', '=', 'accreditation.appeal_granted')
      .where('subjectId', '=', String(id))
      .executeTakeFirstOrThrow()
    expect(entry.payload).toMatchObject({ decidedBy: sofia.accountId })
    expect((await person.get('/accreditation')).html).toContain('The appeal was granted.')
    const again = await person.submit(`/accreditation/${id}/appeal`, { reason: 'Again' }, '/accreditation')
    expect(again.response.status).toBe(409)
  })

  it('makes a dismissed appeal final, and an appeal withdrawn leaves the refusal standing', async () => {
    const { client: person } = await signUp(runtime, 'Twice Refused')
    const dismissed = await ask(person, 'NOR')
    await decide(sofia.client, dismissed, 'refuse', 'No confirmation.')
    await person.submit(`/accreditation/${dismissed}/appeal`, { reason: 'Please reconsider.' }, '/accreditation')
    expect((await decide(samir.client, dismissed, 'refuse', 'Still no confirmation.')).response.status).toBe(303)
    const second = await person.submit(`/accreditation/${dismissed}/appeal`, { reason: 'Once more' }, '/accreditation')
    expect(second.response.status).toBe(409)
    expect(second.html).toContain('a refusal can be appealed once')

    const withdrawn = await ask(person, 'ISL')
    await decide(sofia.client, withdrawn, 'refuse', 'No confirmation.')
    await person.submit(`/accreditation/${withdrawn}/appeal`, { reason: 'Please reconsider.' }, '/accreditation')
    expect((await person.submit(`/accreditation/${withdrawn}/withdraw`, {}, '/accreditation')).response.status).toBe(
      303,
    )
    const page = (await person.get('/accreditation')).html
    expect(page).toContain('The appeal was withdrawn; the refusal stands.')
    expect((await decide(samir.client, withdrawn, 'approve')).response.status).toBe(409)
  })

  it('refuses, in the database, an appeal decided by the requester or by who refused', async () => {
    const { client: person } = await signUp(runtime, 'Database Appellant')
    const id = await ask(person, 'PER')
    await decide(samir.client, id, 'refuse', 'No confirmation.')
    await person.submit(`/accreditation/${id}/appeal`, { reason: 'Please reconsider.' }, '/accreditation')
    await expect(
      sql`update accreditation_appeal set status = 'granted', decided_by = refused_by, decided_at = now()
        where request_id = ${id}`.execute(db),
    ).rejects.toThrow(/accreditation_appeal_four_eyes/)
    await expect(
      sql`update accreditation_appeal set status = 'granted', decided_by = lodged_by, decided_at = now()
        where request_id = ${id}`.execute(db),
    ).rejects.toThrow(/accreditation_appeal_four_eyes/)
    await expect(
      sql`update accreditation_request set status = 'approved', decided_at = now() where id = ${id}`.execute(db),
    ).rejects.toThrow(/someone other than who refused/)
  })
})
