// The audit log in the database, on each database: every entry a leaf of the Merkle tree, roots
// and proofs served from stored subtrees, restricted entries as unguessable salted commitments,
// signed checkpoints, append-only tables, and a row changed behind the application's back found.
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../auth/actor.ts'
import { recordAudit, verifyAuditLog } from './audit.ts'
import { currentCheckpoint, latestCheckpoint, signCheckpoint } from './checkpoint.ts'
import { commitTo, entryLeafHash } from './entry.ts'
import { memoryTree, rootHash, verifyConsistency, verifyInclusion } from './merkle.ts'
import { verifyLogFile } from './verify-file.ts'

describe.each(DATABASE_KINDS)('the audit log on %s', (kind) => {
  let runtime: TestRuntime
  let client: TestClient
  const get = async (path: string) => {
    const response = await client.request(path)
    return { status: response.status, body: await response.json() }
  }
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    client = new TestClient(runtime)
    await signUp(runtime)
  })
  afterAll(() => runtime.close())

  it('records changes in order, each a leaf, and verifies', async () => {
    const verdict = await verifyAuditLog(runtime.deps.db)
    expect(verdict.problem).toBeNull()
    expect(verdict.count).toBeGreaterThan(195)
  })

  it('refuses to update or delete an entry, a tree node, a commitment or a checkpoint', async () => {
    await signCheckpoint(runtime.deps.db, 'hourly')
    const db = runtime.deps.db
    await expect(sql`update audit_entry set action = 'forged' where seq = 1`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_entry where seq = 1`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_tree_node where level = 0`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`update audit_commitment set salt = salt`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_checkpoint`.execute(db)).rejects.toThrow(/append-only/)
  })

  it('keeps one tree under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(runtime.deps.db, { actor: SYSTEM, action: 'test.concurrent', subjectType: 'test', subjectId: i }),
      ),
    )
    expect((await verifyAuditLog(runtime.deps.db)).problem).toBeNull()
  })

  it('commits to a restricted entry under a private salt, so equal contents do not look alike', async () => {
    const content = { actor: SYSTEM, action: 'account.signed_in', subjectType: 'account', subjectId: 1, public: false }
    const a = await recordAudit(runtime.deps.db, content)
    const b = await recordAudit(runtime.deps.db, content)
    if (a.public || b.public) throw new Error('expected restricted entries')
    expect(Object.keys(a).sort()).toEqual(['at', 'commitment', 'public', 'seq'])
    expect(a.commitment).not.toBe(b.commitment)
    const stored = await runtime.deps.db
      .selectFrom('auditCommitment')
      .selectAll()
      .where('seq', '=', a.seq)
      .executeTakeFirstOrThrow()
    const plain = { actorAccountId: null, action: 'account.signed_in', subjectType: 'account', subjectId: '1' }
    expect(commitTo({ ...plain, payload: {}, requestId: null }, stored.salt).toString('base64')).toBe(a.commitment)
  })

  it('serves the signed checkpoint as JSON and as a C2SP signed note', async () => {
    const { status, body } = await get('/api/v1/audit/checkpoint')
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['publicKey', 'rootHash', 'signature', 'text', 'timestamp', 'treeSize'])
    const lines = body.text.split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^ecp\.invalid\//),
      String(body.treeSize),
      body.rootHash,
      body.timestamp,
      '',
    ])
    const note = await (await client.request('/audit/checkpoint')).text()
    expect(note.startsWith(`${body.text}\n\u2014 ${lines[0]} `)).toBe(true)
  })

  it('serves entries whose leaves give the signed root, with proofs that verify', async () => {
    const checkpoint = await signCheckpoint(runtime.deps.db, 'hourly')
    const n = checkpoint.treeSize
    const leaves = []
    for (let start = 0; start < n; start += 1000) {
      const { body } = await get(`/api/v1/audit/entries?start=${start}&end=${Math.min(start + 1000, n)}`)
      for (const [i, line] of body.data.entries()) {
        expect(line.index).toBe(start + i)
        leaves.push(entryLeafHash(line.entry))
      }
    }
    expect(rootHash(n, memoryTree(leaves)).equals(checkpoint.rootHash)).toBe(true)
    const inclusion = (await get(`/api/v1/audit/proof/inclusion?index=3&treeSize=${n}`)).body
    expect(inclusion).toMatchObject({ leafIndex: 3, treeSize: n })
    const path = inclusion.hashes.map((h: string) => Buffer.from(h, 'base64'))
    expect(verifyInclusion(3, n, leaves[3] as Buffer, path, checkpoint.rootHash)).toBe(true)
    const consistency = (await get(`/api/v1/audit/proof/consistency?from=100&to=${n}`)).body
    const proof = consistency.hashes.map((h: string) => Buffer.from(h, 'base64'))
    const old = rootHash(100, memoryTree(leaves))
    expect(verifyConsistency(100, n, old, checkpoint.rootHash, proof)).toBe(true)
  })

  it.each([
    ['/api/v1/audit/entries?start=5&end=2', 'start'],
    ['/api/v1/audit/entries?start=0&end=1001', 'end'],
    ['/api/v1/audit/entries?start=x&end=2', 'start'],
    ['/api/v1/audit/entries?start=-1&end=2', 'start'],
    ['/api/v1/audit/entries?end=2', 'start'],
    ['/api/v1/audit/proof/inclusion?index=5&treeSize=5', 'index'],
    ['/api/v1/audit/proof/inclusion?index=0&treeSize=99999999', 'treeSize'],
    ['/api/v1/audit/proof/inclusion?index=1.5&treeSize=3', 'index'],
    ['/api/v1/audit/proof/consistency?from=9&to=3', 'from'],
    ['/api/v1/audit/proof/consistency?from=1&to=99999999', 'to'],
    ['/api/v1/audit/proof/consistency?from=1&to=99999999999999999999', 'to'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body.id).toBe('invalid_input')
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(field)
  })

  it('signs the hourly checkpoint only when the log grew since the last one', async () => {
    const hourly = runtime.jobs.handlers['core.audit_checkpoint']
    if (!hourly) throw new Error('no core.audit_checkpoint job')
    const ctx = { db: runtime.deps.db, deps: runtime.deps, log: runtime.deps.log }
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_checkpoint`.execute(runtime.deps.db)).rows[0]?.n
    await hourly({}, ctx)
    const before = await count()
    await hourly({}, ctx)
    expect(await count()).toBe(before)
    await recordAudit(runtime.deps.db, { actor: SYSTEM, action: 'test.hourly', subjectType: 'test', subjectId: 1 })
    await hourly({}, ctx)
    expect(await count()).toBe((before ?? 0) + 1)
    expect(runtime.jobs.recurring['core.audit_checkpoint']).toBe(3600)
  })

  it('signs a checkpoint for a report only when the log grew', async () => {
    const first = await currentCheckpoint(runtime.deps.db)
    expect(await currentCheckpoint(runtime.deps.db)).toEqual(first)
    await recordAudit(runtime.deps.db, { actor: SYSTEM, action: 'test.grew', subjectType: 'test', subjectId: 1 })
    const next = await currentCheckpoint(runtime.deps.db)
    expect(next.treeSize).toBe(first.treeSize + 1)
    expect((await latestCheckpoint(runtime.deps.db))?.treeSize).toBe(next.treeSize)
  })

  it('lets anyone download the log and verify it against the published checkpoint', async () => {
    const text = await (await client.request('/audit-log.jsonl')).text()
    const lines = text.trim().split('\n')
    const last = JSON.parse(lines.at(-1) as string)
    expect(Object.keys(last)).toEqual(['checkpoint'])
    const restricted = lines
      .slice(0, -1)
      .map((l) => JSON.parse(l).entry)
      .filter((e) => !e.public)
    expect(restricted.length).toBeGreaterThan(0)
    expect(restricted.every((e) => e.payload === undefined && e.actorAccountId === undefined)).toBe(true)
    const file = join(tmpdir(), `ecp-audit-${kind}-${process.pid}.jsonl`)
    const checkpointFile = `${file}.checkpoint.json`
    await writeFile(file, text)
    await writeFile(checkpointFile, JSON.stringify((await get('/api/v1/audit/checkpoint')).body))
    const verdict = await verifyLogFile(file, checkpointFile)
    expect(verdict.lines.join('\n')).toMatch(/audit log OK/)
    expect(verdict.ok).toBe(true)
  })

  it('finds an entry changed behind its back (trigger disabled by a superuser)', async () => {
    const db = runtime.deps.db
    const setPayload = (payload: string) =>
      db.transaction().execute(async (trx) => {
        await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx)
        await sql`update audit_entry set payload = ${payload}::jsonb where seq = 3`.execute(trx)
        await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx)
      })
    const original = await sql<{
      payload: string
    }>`select payload::text as payload from audit_entry where seq = 3`.execute(db)
    await setPayload('{"forged": true}')
    try {
      expect((await verifyAuditLog(db)).problem).toEqual({ kind: 'leaf_changed', seq: 3 })
    } finally {
      // the other tests verify the whole log, in whatever order they run
      await setPayload(original.rows[0]?.payload as string)
    }
    expect((await verifyAuditLog(db)).problem).toBeNull()
  })
})
