// The audit log in the database, on each database: appended with each change, append-only, and
// verifiable; a tampered or deleted entry is found.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../auth/actor.ts'
import { recordAudit, verifyAuditLog } from './audit.ts'
import { type ChainedEntry, ChainVerifier } from './chain.ts'

describe.each(DATABASE_KINDS)('the audit log on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  it('records changes in order and verifies', async () => {
    await signUp(runtime)
    const verifier = await verifyAuditLog(runtime.deps.db)
    expect(verifier.problem).toBeNull()
    expect(verifier.count).toBeGreaterThan(195)
  })

  it('refuses to update or delete an entry', async () => {
    await expect(sql`update audit_entry set action = 'forged' where seq = 1`.execute(runtime.deps.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_entry where seq = 1`.execute(runtime.deps.db)).rejects.toThrow(/append-only/)
  })

  it('keeps one chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(runtime.deps.db, { actor: SYSTEM, action: 'test.concurrent', subjectType: 'test', subjectId: i }),
      ),
    )
    expect((await verifyAuditLog(runtime.deps.db)).problem).toBeNull()
  })

  it('lets anyone download the log and verify it, restricted entries included as hashes', async () => {
    const response = await new TestClient(runtime).request('/audit-log.jsonl')
    const lines = (await response.text()).trim().split('\n')
    const verifier = new ChainVerifier()
    for (const line of lines) verifier.push(JSON.parse(line) as ChainedEntry)
    expect(verifier.problem).toBeNull()
    const restricted = lines.map((l) => JSON.parse(l)).filter((e) => !e.public)
    expect(restricted.length).toBeGreaterThan(0)
    expect(restricted.every((e) => e.payload === undefined && e.actorAccountId === undefined)).toBe(true)
  })

  it('detects an entry changed behind its back (trigger disabled by a superuser)', async () => {
    const db = runtime.deps.db
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx)
      await sql`update audit_entry set payload = '{"forged": true}'::jsonb where seq = 3`.execute(trx)
      await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx)
    })
    const verifier = await verifyAuditLog(db)
    expect(verifier.problem).toEqual({ kind: 'content_changed', seq: 3 })
  })
})
