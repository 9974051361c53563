// Silence procedures break per paragraph, on each database: a break names the paragraphs it
// concerns (all those circulated by default), records the State's objection on those alone, and
// goes on the document's record with its reason; at the deadline each paragraph's outcome is
// recorded: adopted by silence, or broken by whom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { takePosition } from './commands-positions.ts'
import { breakSilence, circulateUnderSilence, concludeSilence } from './commands-silence.ts'
import { findParagraph, findSilence, statementsOf } from './queries.ts'
import { standingsOf } from './queries-standing.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('silence procedures on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db
  const DAY = 86_400_000

  async function circulated() {
    const doc = await f.newDocument()
    const ids = [doc.byLabel('1'), doc.byLabel('3')]
    const start = new Date(Date.now() - 5 * DAY)
    const silence = await circulateUnderSilence(db(), f.at('chair', start), doc.id, {
      paragraphIds: ids,
      deadline: new Date(start.getTime() + 4 * DAY),
    })
    if (!silence.ok) throw new Error(JSON.stringify(silence.error))
    return { doc, ids, silenceId: silence.value.id, during: new Date(start.getTime() + DAY) }
  }

  it('records the objection only on the paragraph named, keeps earlier support elsewhere, and records the outcomes', async () => {
    const { doc, ids, silenceId, during } = await circulated()
    const [first, second] = ids as [number, number]
    const support = { subjectType: 'paragraph' as const, memberStateIso3: 'ZAF', position: 'support' as const }
    await takePosition(db(), f.at('zaf', new Date(during.getTime() - 1000)), { ...support, subjectId: second })
    const broken = await breakSilence(db(), f.at('zaf', during), silenceId, 'ZAF', 'Needs more time', [first])
    expect(broken).toEqual({ ok: true, value: { paragraphIds: [first], status: 'pending' } })
    const standing = await standingsOf(db(), doc.id)
    expect(standing.get(first)).toMatchObject({ objecting: ['ZAF'] })
    expect(standing.get(second)).toMatchObject({ support: 1, objecting: [] })
    const record = await statementsOf(db(), doc.id)
    expect(record.filter((s) => s.kind === 'silence_break')).toMatchObject([
      { paragraphId: first, memberStateIso3: 'ZAF', text: 'Needs more time', silenceId },
    ])
    // a paragraph not circulated cannot be named
    const stray = await breakSilence(db(), f.at('fra', during), silenceId, 'FRA', 'x', [doc.byLabel('2')])
    expect(stray).toMatchObject({ ok: false, error: { type: 'invalid', issues: [{ path: 'paragraphIds' }] } })
    // at the deadline: the second adopted by silence, the first recorded as broken by South Africa
    const concluded = await concludeSilence(db(), { actor: SYSTEM, now: new Date() }, silenceId)
    expect(concluded).toEqual({ ok: true, value: 'broken' })
    expect((await findParagraph(db(), second))?.status).toBe('adopted')
    expect((await findParagraph(db(), first))?.status).toBe('proposed')
    const outcomes = (await statementsOf(db(), doc.id)).filter((s) => s.silenceId === silenceId)
    expect(outcomes.map((s) => [s.kind, s.paragraphId, s.memberStateIso3])).toEqual([
      ['silence_break', first, 'ZAF'],
      ['silence_outcome', first, 'ZAF'],
    ])
    const declarations = (await statementsOf(db(), doc.id)).filter((s) => s.method === 'silence_procedure')
    expect(declarations.some((s) => s.kind === 'declaration' && s.paragraphId === second)).toBe(true)
  })

  it('breaks on every circulated paragraph when none is named, and ends the procedure at once', async () => {
    const { ids, silenceId, during } = await circulated()
    const broken = await breakSilence(db(), f.at('usa', during), silenceId, 'USA', 'Not ready')
    expect(broken).toEqual({ ok: true, value: { paragraphIds: ids, status: 'broken' } })
    expect(await findSilence(db(), silenceId)).toMatchObject({ status: 'broken', brokenBy: 'USA' })
    // over: no more breaks
    expect(await breakSilence(db(), f.at('fra', during), silenceId, 'FRA', 'x')).toMatchObject({
      ok: false,
      error: { id: 'silence_over' },
    })
    // a delegate breaks only for their own State
    const { silenceId: next, during: later } = await circulated()
    expect(await breakSilence(db(), f.at('fra', later), next, 'USA', 'x')).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
  })
})
