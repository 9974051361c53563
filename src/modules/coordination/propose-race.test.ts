// A double click on "propose an issue" (or two people proposing the same name at once) must
// never give a 500: each proposal is kept under its own short name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { cdb } from './queries.ts'

describe.each(DATABASE_KINDS)('issue proposals at the same moment on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  }, 180_000)
  afterAll(() => runtime.close())

  it('keeps every concurrent proposal of one name, each under its own slug', async () => {
    const people = await Promise.all([1, 2, 3, 4].map((n) => signUp(runtime, `Proposer ${n}`)))
    for (const p of people) await p.client.get('/issues/propose')
    const fields = {
      name: 'Quantum-safe cryptography',
      description: 'Moving public services to post-quantum algorithms.',
      basket: 'infrastructure',
    }
    const sent = await Promise.all(
      people.map(({ client }) => {
        const body = new URLSearchParams({ _csrf: client.lastCsrf, ...fields })
        return client.request('/issues/propose', {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        })
      }),
    )
    expect(sent.map((r) => r.status)).toEqual([303, 303, 303, 303])
    const slugs = await cdb(runtime.deps.db)
      .selectFrom('coordinationIssue')
      .select('slug')
      .where('slug', 'like', 'quantum-safe-cryptography%')
      .orderBy('slug')
      .execute()
    expect(slugs.map((s) => s.slug)).toEqual([
      'quantum-safe-cryptography',
      'quantum-safe-cryptography-2',
      'quantum-safe-cryptography-3',
      'quantum-safe-cryptography-4',
    ])
  })
})
