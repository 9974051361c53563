// `ecp import` loads a database from `ecp export`, and the contributions' triggers rebuild every
// search document as its row loads, with no campaign term: the consultation marks its members
// again in the restore's transaction, so a restored database answers "in a campaign" and "not in
// a campaign" as the one exported did, on each database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import type { Db } from '../../core/db/database.ts'
import { appliedMigrations } from '../../core/db/migrator.ts'
import { exportLines, restoredBy, transferredTables } from '../../core/db/transfer.ts'
import { importFile } from '../../core/db/transfer-import.ts'
import { migrationFiles } from '../../runtime.ts'
import { modules } from '../index.ts'
import { importGenerated, must, openConsultation, system } from './open-call-fixture.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

/** The contributions whose search document says "in campaign" and those whose document says "no campaign". */
async function termsOf(db: Db) {
  const rows = await sql<{ id: string; member: boolean; lone: boolean }>`select contribution_id as id,
      document @@ '''in campaign'''::tsquery as member, document @@ '''no campaign'''::tsquery as lone
    from contributions_search order by 1`.execute(db)
  return {
    members: rows.rows.filter((r) => r.member).map((r) => Number(r.id)),
    neitherOrBoth: rows.rows.filter((r) => r.member === r.lone).length,
  }
}

async function membersOf(db: Db) {
  const rows = await sql<{ id: string }>`select distinct contribution_id as id from consultation_member
    where campaign_id is not null order by 1`.execute(db)
  return rows.rows.map((r) => Number(r.id))
}

describe.each(DATABASE_KINDS)('a restored consultation on %s', (kind) => {
  const runtimes: TestRuntime[] = []
  const dir = mkdtempSync(join(tmpdir(), 'ecp-restore-terms-'))
  afterAll(async () => {
    for (const r of runtimes) await r.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the same contributions in a campaign and outside one as the database exported', async () => {
    const source = await createTestRuntime(kind)
    runtimes.push(source)
    const db = source.deps.db
    const { accountId } = await accountWithRole(source, 'secretariat')
    const call = await openConsultation(db, 'restore-terms')
    await importGenerated(db, call, accountId, { total: 200, seed: 3 })
    must(await rebuildCampaigns(db, system(), call.callId))
    const members = await membersOf(db)
    expect(members.length).toBeGreaterThan(20)
    expect(await termsOf(db)).toEqual({ members, neitherOrBoth: 0 })

    const file = join(dir, `${kind}.jsonl`)
    const migrations = await appliedMigrations(source.database, migrationFiles(modules))
    const lines: string[] = []
    for await (const line of exportLines(db, await transferredTables(db, modules), migrations, {})) lines.push(line)
    writeFileSync(file, `${lines.join('\n')}\n`)

    const restored = await createTestRuntime(kind, { referenceData: false })
    runtimes.push(restored)
    const into = await transferredTables(restored.deps.db, modules)
    const result = await importFile(restored.deps.db, file, into, migrations, undefined, restoredBy(modules))
    expect(result).toMatchObject({ ok: true })
    expect(await membersOf(restored.deps.db)).toEqual(members)
    expect(await termsOf(restored.deps.db)).toEqual({ members, neitherOrBoth: 0 })
  }, 600_000)
})
