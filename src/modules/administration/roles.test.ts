// Staff roles on each database: a Chair is granted for a body and runs only that body's processes;
// nobody grants or revokes a role of their own; the database refuses unscoped Chairs and
// self-granted roles; grants made before these rules that break them are revoked at start, with an
// audit entry, and listed for the administrator.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { createLogger } from '../../core/log.ts'
import { changeProcessState, createBody, createProcess } from '../processes/index.ts'
import { revokeGrantsBreakingRules } from './commands.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('staff roles on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  const bodies: Record<'wg' | 'cstd', number> = { wg: 0, cstd: 0 }
  const processes: Record<'wg' | 'cstd', number> = { wg: 0, cstd: 0 }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    for (const slug of ['wg', 'cstd'] as const) {
      bodies[slug] = must(await createBody(db, system(), { slug, name: `Body ${slug}` })).id
      processes[slug] = must(
        await createProcess(db, system(), {
          bodyId: bodies[slug],
          slug: `process-${slug}`,
          title: `Process of ${slug}`,
          mandateSymbol: 'A/RES/70/125',
        }),
      ).id
      must(await changeProcessState(db, system(), processes[slug], { to: 'active' }))
    }
  })
  afterAll(() => runtime.close())

  const accountIdOf = async (email: string) =>
    (await db.selectFrom('authAccount').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

  it('grants a Chair for a body, named on the roles page, who then runs that body’s processes and no other', async () => {
    const { client: admin } = await accountWithRole(runtime, 'administrator')
    const { client: chair, email } = await signUp(runtime, 'Body Chair')
    const granted = await admin.submit('/administration/roles', { email, role: 'chair', bodyId: String(bodies.wg) })
    expect(granted.response.status).toBe(303)
    expect((await admin.get('/administration/roles')).html).toContain('Chair of Body wg')
    expect((await chair.get('/account')).html).toContain('Chair of Body wg')
    expect((await chair.get(`/processes/${processes.wg}/meetings/new`)).response.status).toBe(200)
    expect((await chair.get(`/processes/${processes.cstd}/meetings/new`)).response.status).toBe(403)
    const form = (await chair.get('/processes/new')).html
    expect(form).toContain('Body wg')
    expect(form).not.toContain('Body cstd')
  })

  it('refuses a Chair without a body, and a body for the Secretariat, keeping what was typed', async () => {
    const { client: admin } = await accountWithRole(runtime, 'administrator')
    const { email } = await signUp(runtime)
    const noBody = await admin.submit('/administration/roles', { email, role: 'chair' })
    expect(noBody.response.status).toBe(422)
    expect(noBody.html).toContain('A Chair chairs a body: choose the body.')
    expect(noBody.html).toContain(`value="${email}"`)
    const withBody = await admin.submit('/administration/roles', {
      email,
      role: 'secretariat',
      bodyId: String(bodies.wg),
    })
    expect(withBody.response.status).toBe(422)
    expect(withBody.html).toContain('Only a Chair is granted for a body')
  })

  it('revokes the Secretariat role of another account, which loses the Secretariat’s pages at once, both in the audit log', async () => {
    const { client: admin } = await accountWithRole(runtime, 'administrator')
    const { client: clerk, email } = await signUp(runtime, 'Temporary Clerk')
    const accountId = await accountIdOf(email)
    expect((await clerk.get('/administration/issues')).response.status).toBe(403)
    expect((await admin.submit('/administration/roles', { email, role: 'secretariat' })).response.status).toBe(303)
    expect((await clerk.get('/administration/issues')).response.status).toBe(200)
    const [grant] = await activeGrants(db, accountId)
    expect(grant?.role).toBe('secretariat')
    const revoked = await admin.submit(`/administration/roles/${grant?.id}/revoke`, {}, '/administration/roles')
    expect(revoked.response.status).toBe(303)
    expect(await activeGrants(db, accountId)).toHaveLength(0)
    expect((await clerk.get('/administration/issues')).response.status).toBe(403)
    const entries = await db
      .selectFrom('auditEntry')
      .select('action')
      .where('action', 'in', ['role.granted', 'role.revoked'])
      .where('subjectType', '=', 'account')
      .where('subjectId', '=', String(accountId))
      .orderBy('seq')
      .execute()
    expect(entries.map((e) => e.action)).toEqual(['role.granted', 'role.revoked'])
    // a revoked grant stays revoked: revoking it again changes nothing
    const again = await admin.submit(`/administration/roles/${grant?.id}/revoke`, {}, '/administration/roles')
    expect(again.response.status).toBeGreaterThanOrEqual(400)
  })

  it('lets only an administrator grant or revoke staff roles', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const { email } = await signUp(runtime, 'Hopeful Administrator')
    const accountId = await accountIdOf(email)
    const refused = await secretariat.submit(
      '/administration/roles',
      { email, role: 'administrator' },
      '/administration',
    )
    expect(refused.response.status).toBe(403)
    expect(await activeGrants(db, accountId)).toHaveLength(0)
    const { accountId: other } = await accountWithRole(runtime, 'secretariat')
    const [grant] = await activeGrants(db, other)
    const revoke = await secretariat.submit(`/administration/roles/${grant?.id}/revoke`, {}, '/administration')
    expect(revoke.response.status).toBe(403)
    expect(await activeGrants(db, other)).toHaveLength(1)
  })

  it('stops an administrator from granting a role to themselves or revoking their own', async () => {
    const { client: admin, email, accountId } = await accountWithRole(runtime, 'administrator', null, 'Self Server')
    const own = await admin.submit('/administration/roles', { email, role: 'secretariat' })
    expect(own.response.status).toBe(403)
    expect(own.html).toContain('Nobody grants or revokes a role of their own')
    expect((await activeGrants(db, accountId)).map((g) => g.role)).toEqual(['administrator'])
    const [grant] = await activeGrants(db, accountId)
    const revoke = await admin.submit(`/administration/roles/${grant?.id}/revoke`, {}, '/administration/roles')
    expect(revoke.response.status).toBe(403)
    expect(await activeGrants(db, accountId)).toHaveLength(1)
    // another administrator may
    const { client: other } = await accountWithRole(runtime, 'administrator')
    const revoked = await other.submit(`/administration/roles/${grant?.id}/revoke`, {}, '/administration/roles')
    expect(revoked.response.status).toBe(303)
    expect(await activeGrants(db, accountId)).toHaveLength(0)
  })

  it('refuses, in the database, a Chair grant without a body and a role granted by its holder', async () => {
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    await expect(
      sql`insert into auth_role_grant (account_id, role) values (${accountId}, 'chair')`.execute(db),
    ).rejects.toThrow(/auth_role_grant_chair_names_body/)
    await expect(
      sql`insert into auth_role_grant (account_id, role, granted_by) values (${accountId}, 'administrator', ${accountId})`.execute(
        db,
      ),
    ).rejects.toThrow(/auth_role_grant_four_eyes/)
    await sql`insert into auth_role_grant (account_id, role, scope_type, scope_id) values
      (${accountId}, 'chair', 'body', ${String(bodies.cstd)})`.execute(db)
  })

  it('revokes at start the grants made before the rules that break them, each in the audit log, and lists them', async () => {
    const { accountId: oldChair } = await accountWithRole(runtime, 'secretariat', null, 'Old Unscoped Chair')
    const { accountId: selfMade } = await accountWithRole(runtime, 'secretariat', null, 'Self Accredited')
    // grants as an earlier version wrote them, before the rules existed
    await sql`alter table auth_role_grant drop constraint auth_role_grant_chair_names_body`.execute(db)
    await sql`alter table auth_role_grant drop constraint auth_role_grant_four_eyes`.execute(db)
    await sql`insert into auth_role_grant (account_id, role) values (${oldChair}, 'chair')`.execute(db)
    await sql`insert into auth_role_grant (account_id, role, scope_type, scope_id, granted_by)
      values (${selfMade}, 'government_delegate', 'member_state', 'USA', ${selfMade})`.execute(db)
    await sql`alter table auth_role_grant add constraint auth_role_grant_chair_names_body
      check (role <> 'chair' or scope_type is not distinct from 'body' or revoked_at is not null) not valid`.execute(db)
    await sql`alter table auth_role_grant add constraint auth_role_grant_four_eyes
      check (granted_by is distinct from account_id or revoked_at is not null) not valid`.execute(db)

    await revokeGrantsBreakingRules(db, createLogger('silent'))
    expect((await activeGrants(db, oldChair)).map((g) => g.role)).toEqual(['secretariat'])
    expect((await activeGrants(db, selfMade)).map((g) => g.role)).toEqual(['secretariat'])
    const entries = await db
      .selectFrom('auditEntry')
      .select(['subjectId', 'payload'])
      .where('action', '=', 'role.revoked')
      .where('actorAccountId', 'is', null)
      .execute()
    expect(entries.map((e) => [Number(e.subjectId), (e.payload as { rule: string }).rule])).toEqual(
      expect.arrayContaining([
        [oldChair, 'chair_without_body'],
        [selfMade, 'granted_by_grantee'],
      ]),
    )
    // a second start finds nothing left to revoke
    const before = entries.length
    await revokeGrantsBreakingRules(db, createLogger('silent'))
    expect(
      await db
        .selectFrom('auditEntry')
        .select('seq')
        .where('action', '=', 'role.revoked')
        .where('actorAccountId', 'is', null)
        .execute(),
    ).toHaveLength(before)

    const { client: admin } = await accountWithRole(runtime, 'administrator')
    const page = (await admin.get('/administration/roles')).html
    expect(page).toContain('Roles revoked because they broke a rule')
    expect(page).toMatch(/Old Unscoped Chair \([^)]+\): Chair without a body/)
    expect(page).toMatch(/Self Accredited \([^)]+\): Government delegate granted by themselves/)
  })
})
