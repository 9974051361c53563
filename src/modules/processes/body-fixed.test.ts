// A process never changes body (migration 20261211-0501): the counts kept per body add up each
// contribution by the body its process had when it was written. The module cannot express the
// change (its Kysely type makes body_id insert-only) and the database refuses it from any path.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, createBody, createProcess } from './index.ts'
import { pdb } from './queries.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('a process in its body on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  const bodies: number[] = []
  let processId: number
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    for (const slug of ['first', 'second']) bodies.push(must(await createBody(db, system(), { slug, name: slug })).id)
    processId = must(
      await createProcess(db, system(), {
        bodyId: bodies[0] as number,
        slug: 'fixed',
        title: 'Fixed',
        mandateSymbol: 'A/RES/70/125',
      }),
    ).id
  }, 180_000)
  afterAll(() => runtime.close())

  const bodyOf = async () =>
    Number(
      (await sql<{ b: number }>`select body_id as b from processes_process where id = ${processId}`.execute(db)).rows[0]
        ?.b,
    )

  it('refuses to move a process to another body, planned or active, from any SQL', async () => {
    for (const step of [null, 'active'] as const) {
      if (step) must(await changeProcessState(db, system(), processId, { to: step }))
      await expect(
        sql`update processes_process set body_id = ${bodies[1]} where id = ${processId}`.execute(db),
      ).rejects.toThrow(/never changes body/)
      await expect(
        sql`update processes_process set body_id = ${bodies[1]}, title = 'Moved' where id = ${processId}`.execute(db),
      ).rejects.toThrow(/never changes body/)
      expect(await bodyOf()).toBe(bodies[0])
    }
  })

  it("cannot be moved by the module's own queries: tsc refuses to set body_id (not run)", () => {
    const move = () =>
      // @ts-expect-error body_id is set when a process is created and never updated
      pdb(db).updateTable('processesProcess').set({ bodyId: 2 }).where('id', '=', processId).execute()
    expect(move).toBeTypeOf('function')
  })

  it('still takes its other changes, and an update that names the same body', async () => {
    await sql`update processes_process set title = 'Renamed', body_id = ${bodies[0]} where id = ${processId}`.execute(
      db,
    )
    const row = (await sql<{ title: string }>`select title from processes_process where id = ${processId}`.execute(db))
      .rows[0]
    expect([row?.title, await bodyOf()]).toEqual(['Renamed', bodies[0]])
  })
})
