// `ecp role grant` on each database: the operator makes an account administrator (audited, the
// grant active at once); an unknown address, a role it does not give (Chair, delegate) or a
// missing argument are refused with a non-zero exit and nothing granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { createAccount } from '../../core/auth/accounts.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { createLogger } from '../../core/log.ts'
import { roleCommand } from './cli-role.ts'

describe.each(DATABASE_KINDS)('ecp role grant on %s', (kind) => {
  let runtime: TestRuntime
  const run = (...args: string[]) =>
    roleCommand.run(args, { deps: runtime.deps, log: createLogger('silent'), out: () => {} })
  /** an account of the test's own, so no test sees another's grant whatever the order */
  const anAccount = async (email: string) => {
    const created = await createAccount(runtime.deps.db, {
      email,
      displayName: 'First Administrator',
      password: 'correct horse battery',
      confirmed: true,
    })
    if (!created.ok) throw new Error('no account')
    return created.value.id
  }
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  }, 120_000)
  afterAll(() => runtime.close())

  it('refuses an unknown address, a role it does not give and a missing argument, granting nothing', async () => {
    const accountId = await anAccount('refused@unctad.example')
    expect(await run('grant', 'nobody@unctad.example', 'administrator')).toBe(1)
    expect(await run('grant', 'refused@unctad.example', 'chair')).toBe(2)
    expect(await run('grant', 'refused@unctad.example')).toBe(2)
    expect(await run('revoke', 'refused@unctad.example', 'administrator')).toBe(2)
    expect(await activeGrants(runtime.deps.db, accountId)).toEqual([])
  })

  it('makes an account administrator, audited', async () => {
    const accountId = await anAccount('first@unctad.example')
    expect(await activeGrants(runtime.deps.db, accountId)).toEqual([])
    expect(await run('grant', 'first@unctad.example', 'administrator')).toBe(0)
    expect((await activeGrants(runtime.deps.db, accountId)).map((g) => g.role)).toEqual(['administrator'])
    const history = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('action')
      .where('subjectType', '=', 'account')
      .where('subjectId', '=', String(accountId))
      .execute()
    expect(history.map((h) => h.action)).toContain('role.granted')
  })
})
