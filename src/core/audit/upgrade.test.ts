// Upgrading a log written before the Merkle tree (the hash chain of 2026-11): on each database, a
// log with public and restricted entries is migrated, each entry gets its leaf (a restricted one
// a fresh salt and commitment, its old unsalted hash no longer published), and it verifies.
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_KINDS, freshPostgresDatabase } from '../../../test/support/runtime.ts'
import { createApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { modules } from '../../modules/index.ts'
import { migrationFiles, openRuntime } from '../../runtime.ts'
import { type DatabaseTarget, openDatabase } from '../db/database.ts'
import { jsonb } from '../db/helpers.ts'
import { migrateToLatest } from '../db/migrator.ts'
import { createLogger } from '../log.ts'
import { canonicalJson } from './canonical-json.ts'
import { verifyAuditLog } from './verify-stored.ts'

const MERKLE_MIGRATION = '20261206-0200-core-audit-merkle-tree'
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** Entries as the hash-chained log wrote them. */
function oldEntries(n: number) {
  let prevHash = '0'.repeat(64)
  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1
    const content = {
      actorAccountId: seq % 3 ? 1 : null,
      action: seq % 2 ? 'organization.created' : 'account.signed_in',
      subjectType: 'organization',
      subjectId: String(seq),
      payload: { name: { en: `Org ${seq}` }, n: seq },
      requestId: null,
    }
    const head = { seq, at: new Date(Date.UTC(2026, 10, 1, 0, seq)), public: seq % 2 === 1 }
    const contentHash = sha(canonicalJson(content))
    const hash = sha(canonicalJson({ ...head, at: head.at.toISOString(), contentHash, prevHash }))
    const row = { ...content, ...head, contentHash, prevHash, hash }
    prevHash = hash
    return row
  })
}

describe.each(DATABASE_KINDS)('upgrading a hash-chained audit log on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('gives every old entry its leaf and a restricted one a salted commitment, and verifies', {
    timeout: 180_000,
  }, async () => {
    let target: DatabaseTarget
    if (kind === 'pglite') target = { kind: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'ecp-upgrade-')) }
    else {
      const fresh = await freshPostgresDatabase()
      cleanups.push(fresh.drop)
      target = { kind: 'postgresql', url: fresh.url, maxConnections: 2 }
    }
    const old = await openDatabase(target)
    const before = migrationFiles(modules).filter((f) => f.name < MERKLE_MIGRATION)
    expect((await migrateToLatest(old, before)).error).toBeUndefined()
    const rows = oldEntries(9)
    for (const r of rows) {
      await old.db
        .insertInto('auditEntry')
        .values({ ...r, payload: jsonb(r.payload) })
        .execute()
    }
    await old.close()

    const runtime = await openRuntime(testConfig(), { target, log: createLogger('silent'), referenceData: false })
    cleanups.unshift(() => runtime.close())
    const verdict = await verifyAuditLog(runtime.deps.db)
    expect(verdict.problem).toBeNull()
    expect(verdict.count).toBe(9)
    const commitments = await runtime.deps.db.selectFrom('auditCommitment').select('seq').orderBy('seq').execute()
    expect(commitments.map((c) => c.seq)).toEqual([2, 4, 6, 8])
    const text = await (await createApp(runtime.deps).request('/audit-log.jsonl')).text()
    expect(text).not.toContain(rows[1]?.contentHash as string)
    expect(text.trim().split('\n')).toHaveLength(10)
  })
})
