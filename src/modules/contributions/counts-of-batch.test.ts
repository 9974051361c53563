// The kept counts of an import batch counted after its insert (contributions_counts_of_batch,
// migration 20261213-0200), which counts everyone named once as people counted for the first time
// and takes the others apart: a person named in an earlier batch or import, a person named twice in
// one batch, a batch counted and rolled back then written again (a resumed import), rows either side
// of the turn of a UTC year, States and organizations beside people. After each batch the kept
// counts equal a recount of the contributions (contributions_counts_recount finds no difference),
// and the people counted are those the batches name.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { createOrganization } from '../actors/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import { countImportedBatch } from './queries-bulk-write.ts'
import { individualParticipation } from './queries-participation.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

type Row = [name: string, language: string, at: string, speaker?: 'state' | 'org']

describe.each(DATABASE_KINDS)('an import batch counted after its insert on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let call: { id: number; processId: number; question: number }
  let accountId: number
  let organizationId: number
  let line = 0

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const bodyId = must(await createBody(db, system(), { slug: 'batch', name: 'Body' })).id
    const processId = must(
      await createProcess(db, system(), {
        bodyId,
        slug: 'batch-counts',
        title: 'Process',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const question = (await guidingQuestions(db, processId))[0]?.id as number
    const opened = must(
      await openCall(db, system(), processId, {
        title: 'Call',
        opensAt: new Date('2020-01-01T00:00:00Z'),
        closesAt: new Date('2030-01-01T00:00:00Z'),
        eligibility: 'everyone',
        languages: ['en', 'fr', 'es'],
        moderation: 'immediate',
        questionIds: [question],
      }),
    )
    call = { id: opened.id, processId, question }
    accountId = (await accountWithRole(runtime, 'secretariat')).accountId
    organizationId = must(
      await createOrganization(db, system(), { name: { en: 'APC' }, stakeholderGroup: 'civil_society' }),
    ).id
  }, 180_000)
  afterAll(() => runtime.close())

  /** One batch of import `importId`, counted after its insert in its transaction, as an import does. */
  function batch(importId: number, rows: Row[], then?: () => never) {
    return inTransaction(db, async (trx) => {
      const stored = await insertImportedContributions(
        trx,
        { callId: call.id, processId: call.processId, authorAccountId: accountId, importId, sourceFile: 'c.csv' },
        rows.map(([name, language, at, speaker]) => ({
          externalId: `${importId}-${++line}`,
          submittedAt: new Date(at),
          speakingFor: speaker === 'state' ? 'member_state' : speaker === 'org' ? 'organization' : 'self',
          memberStateIso3: speaker === 'state' ? 'BRA' : null,
          organizationId: speaker === 'org' ? organizationId : null,
          contributorName: name,
          stakeholderGroup: speaker === 'state' ? 'government' : line % 2 ? 'individual' : 'academia',
          regionalGroup: line % 3 ? 'african' : null,
          ldc: line % 2 === 0,
          lldc: false,
          sids: false,
          language,
          questionId: call.question,
          text: `Text ${line}`,
          sourceLine: line,
        })),
        { countsLater: true },
      )
      await countImportedBatch(
        trx,
        stored.map((r) => r.id),
      )
      then?.()
    })
  }
  const differences = async () =>
    (await sql<{ kept_table: string }>`select * from contributions_counts_recount()`.execute(db)).rows
  const people = async (scope: 'process' | 'year', ids: number[]) =>
    (await individualParticipation(db, scope, ids)).reduce((sum, c) => sum + c.people, 0)

  it('counts a person named in an earlier batch once, with every language they wrote in', async () => {
    await batch(1, [
      ['Ana', 'en', '2026-03-01T09:00:00Z'],
      ['Bo', 'fr', '2026-03-01T09:00:00Z'],
    ])
    await batch(1, [
      ['ANA', 'fr', '2026-03-02T09:00:00Z'],
      ['Cy', 'es', '2026-03-02T09:00:00Z'],
    ])
    expect(await differences()).toEqual([])
    expect(await people('process', [call.processId])).toBe(3)
    const ana = await sql<{ languages: string[] }>`select languages from contributions_people_count
      where scope = 'call' and scope_id = ${call.id} and people <> 0 and cardinality(languages) = 2`.execute(db)
    expect(ana.rows.map((r) => r.languages)).toEqual([['en', 'fr']])
  })

  it('counts a person named twice in one batch once, and a person another import named', async () => {
    await batch(2, [
      ['Dee', 'en', '2026-03-03T09:00:00Z'],
      ['dee', 'es', '2026-03-03T08:00:00Z'],
      ['bo', 'en', '2026-03-03T09:00:00Z'],
      ['Brazil', 'en', '2026-03-03T09:00:00Z', 'state'],
      ['APC', 'fr', '2026-03-03T09:00:00Z', 'org'],
    ])
    expect(await differences()).toEqual([])
    expect(await people('process', [call.processId])).toBe(4)
  })

  it('counts a batch rolled back after its count as never counted when it is written again', async () => {
    const rows: Row[] = [
      ['Eve', 'en', '2026-03-04T09:00:00Z'],
      ['Cy', 'fr', '2026-03-04T09:00:00Z'],
    ]
    await expect(
      batch(3, rows, () => {
        throw new Error('interrupted')
      }),
    ).rejects.toThrow('interrupted')
    expect(await people('process', [call.processId])).toBe(4)
    await batch(3, rows)
    expect(await differences()).toEqual([])
    expect(await people('process', [call.processId])).toBe(5)
  })

  it('counts each row in its UTC year when a batch crosses the turn of a year', async () => {
    await batch(4, [
      ['Fay', 'en', '2025-12-31T23:30:00Z'],
      ['Gil', 'en', '2026-01-01T00:30:00Z'],
      ['Hal', 'fr', '2024-06-01T12:00:00Z'],
      ['Fay', 'fr', '2026-01-01T00:10:00Z'],
    ])
    expect(await differences()).toEqual([])
    expect([await people('year', [2024]), await people('year', [2025])]).toEqual([1, 1])
  })
})
