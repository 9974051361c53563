// An amendment's wording digest by the rule recorded with it (migration 20261211-0502), on each
// database: one tabled now is digested by rule 2 ("v2:", parts length-prefixed), one tabled before
// keeps rule 1, so the positions stored on it with rule 1's digest still count on its wording.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { tableAmendment } from './commands-amendments.ts'
import { takePosition } from './commands-positions.ts'
import { standings } from './queries-standing.ts'
import { amendmentWording, paragraphWording } from './rules/wording.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('an amendment’s wording digest on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db
  const newText = 'and to the General Assembly'

  async function tabledWithSupport(ruleBefore: boolean) {
    const doc = await f.newDocument()
    const tabled = await tableAmendment(db(), f.at('bra1'), doc.id, {
      paragraphId: doc.byLabel('1'),
      operation: 'insert_text',
      newText,
      speaker: { memberStateIso3: 'BRA' },
    })
    if (!tabled.ok) throw new Error(JSON.stringify(tabled.error))
    const id = tabled.value.id
    // as an amendment tabled before rule 2 stands in the database after the migration
    if (ruleBefore) await sql`update negotiation_amendment set wording_version = 1 where id = ${id}`.execute(db())
    const taken = await takePosition(db(), f.at('bra1'), {
      subjectType: 'amendment',
      subjectId: id,
      memberStateIso3: 'BRA',
      position: 'support',
    })
    expect(taken.ok).toBe(true)
    const stored = await sql<{ wording: string; version: number }>`select p.wording, a.wording_version as version
      from negotiation_position p join negotiation_amendment a on a.id = p.subject_id
      where p.subject_type = 'amendment' and p.subject_id = ${id}`.execute(db())
    return { id, stored: stored.rows[0], standing: (await standings(db(), 'amendment', [id])).get(id) }
  }

  it('digests an amendment tabled now by rule 2, and counts the positions given on it', async () => {
    const { stored, standing } = await tabledWithSupport(false)
    expect(stored?.version).toBe(2)
    expect(stored?.wording).toBe(`v2:${paragraphWording(`11:insert_text;-;${newText.length}:${newText};`)}`)
    expect(standing?.wording).toBe(stored?.wording)
    expect(standing?.tally).toMatchObject({ support: 1 })
  })

  it('keeps rule 1 for an amendment tabled before: its stored digests still verify and count', async () => {
    const { stored, standing } = await tabledWithSupport(true)
    expect(stored?.version).toBe(1)
    expect(stored?.wording).toBe(paragraphWording(`insert_text\n\n${newText}`))
    expect(amendmentWording({ operation: 'insert_text', quotedOld: null, newText, wordingVersion: 1 })).toBe(
      stored?.wording,
    )
    expect(standing?.wording).toBe(stored?.wording)
    expect(standing?.tally).toMatchObject({ support: 1 })
  })
})
