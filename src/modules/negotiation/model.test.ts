// Model-based tests of issue 9 §1 on each database: random sequences of position / table and
// incorporate / withdraw / agree ad ref / adopt / reopen / revise / silence start / break / co-sponsor / conclude run
// against a small reference model of the rules; after every step the statuses, the standings (read
// model against history and against the model) and the frozen text are checked.
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { changeProcessState, findProcess } from '../processes/index.ts'
import { answerCosponsorship, findProposal, submitProposal } from '../proposals/index.ts'
import { decideAmendment, tableAmendment, withdrawAmendment } from './commands-amendments.ts'
import { declare } from './commands-consensus.ts'
import { issueRevision } from './commands-documents.ts'
import { reopenParagraph } from './commands-lifecycle.ts'
import { takePosition } from './commands-positions.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { findParagraph, positionEvents } from './queries.ts'
import { standingsOf } from './queries-standing.ts'
import { type Position, type StatePosition, statePositions, tally } from './rules/consensus.ts'
import { paragraphWording } from './rules/wording.ts'
import { type Fixture, negotiationFixture, type Who } from './test-fixture.ts'

type Status = 'proposed' | 'bracketed' | 'agreed_ad_ref' | 'adopted' | 'no_consensus'
interface ParagraphModel {
  status: Status
  brackets: boolean
  version: number
  positions: Map<string, { position: Position; version: number }>
}
interface Model {
  paragraphs: ParagraphModel[]
  concluded: boolean
  silence: { paragraphs: number[]; pending: boolean; broken: Set<number> } | null
}
interface Real {
  db: Db
  f: Fixture
  documentId: number
  ids: number[]
  silenceId: number | null
  texts: string[]
}

const STATES: [Who, string][] = [
  ['zaf', 'ZAF'],
  ['fra', 'FRA'],
  ['usa', 'USA'],
]
const frozen = (s: Status) => s === 'adopted' || s === 'agreed_ad_ref'
const modelTally = (p: ParagraphModel) =>
  tally(
    [...p.positions].map(
      ([memberStateIso3, x]): StatePosition => ({
        memberStateIso3,
        position: x.position,
        at: new Date(0),
        accountId: 1,
        note: null,
        wording: String(x.version),
      }),
    ),
    String(p.version),
  )

type Cmd = fc.AsyncCommand<Model, Real>
const step = (
  name: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Readonly<Model>) => boolean = () => true,
): Cmd => ({
  check,
  run: async (m, r) => {
    await run(m, r)
    await invariants(m, r)
  },
  toString: () => name,
})

const positionCmd = (state: number, paragraph: number, position: Position) =>
  step(`position ${STATES[state]?.[1]} ${position} on ${paragraph}`, async (m, r) => {
    const [who, iso3] = STATES[state] as [Who, string]
    const p = m.paragraphs[paragraph] as ParagraphModel
    const result = await takePosition(r.db, r.f.at(who), {
      subjectType: 'paragraph',
      subjectId: r.ids[paragraph] as number,
      memberStateIso3: iso3,
      position,
    })
    const expected = !m.concluded && p.status !== 'adopted'
    expect(result.ok, JSON.stringify(result)).toBe(expected)
    if (expected) p.positions.set(iso3, { position, version: p.version })
  })

const amendCmd = (paragraph: number) =>
  step(`table and incorporate on ${paragraph}`, async (m, r) => {
    const p = m.paragraphs[paragraph] as ParagraphModel
    const tabled = await tableAmendment(r.db, r.f.at('fra'), r.documentId, {
      paragraphId: r.ids[paragraph] as number,
      operation: 'insert_text',
      newText: `and more ${p.version}`,
      speaker: { memberStateIso3: 'FRA' },
    })
    const expected = !m.concluded && !frozen(p.status)
    expect(tabled.ok, JSON.stringify(tabled)).toBe(expected)
    if (!tabled.ok) return
    const done = await decideAmendment(r.db, r.f.at('chair'), tabled.value.id, 'incorporated')
    expect(done.ok, JSON.stringify(done)).toBe(true)
    p.version += 1
  })

const withdrawCmd = (paragraph: number) =>
  step(`table and withdraw on ${paragraph}`, async (m, r) => {
    const p = m.paragraphs[paragraph] as ParagraphModel
    const tabled = await tableAmendment(r.db, r.f.at('usa'), r.documentId, {
      paragraphId: r.ids[paragraph] as number,
      operation: 'insert_text',
      newText: 'withdrawn words',
      speaker: { memberStateIso3: 'USA' },
    })
    expect(tabled.ok, JSON.stringify(tabled)).toBe(!m.concluded && !frozen(p.status))
    if (!tabled.ok) return
    expect((await withdrawAmendment(r.db, r.f.at('usa'), tabled.value.id)).ok).toBe(true)
    // withdrawn once, it is decided: nothing more
    expect((await decideAmendment(r.db, r.f.at('chair'), tabled.value.id, 'incorporated')).ok).toBe(false)
  })

const reviseCmd = step('issue a revision', async (m, r) => {
  const result = await issueRevision(r.db, r.f.at('chair'), r.documentId, 'Rev.')
  expect(result.ok, JSON.stringify(result)).toBe(!m.concluded)
})

const declareCmd = (paragraph: number, declaration: 'agreed_ad_ref' | 'adopted' | 'no_consensus') =>
  step(`declare ${declaration} on ${paragraph}`, async (m, r) => {
    const p = m.paragraphs[paragraph] as ParagraphModel
    const result = await declare(r.db, r.f.at('chair'), r.ids[paragraph] as number, declaration)
    const t = modelTally(p)
    let expected = !m.concluded && p.status !== 'adopted'
    // agreed ad referendum is frozen: only adoption goes on from it (or a reopening first)
    if (declaration === 'no_consensus') expected &&= p.status !== 'agreed_ad_ref'
    else {
      expected &&= t.readiness !== 'objected' && !p.brackets
      if (declaration === 'adopted') expected &&= p.status === 'agreed_ad_ref' || t.readiness !== 'open'
    }
    expect(result.ok, JSON.stringify(result)).toBe(expected)
    if (expected) p.status = declaration
  })

const reopenCmd = (paragraph: number) =>
  step(`reopen ${paragraph}`, async (m, r) => {
    const p = m.paragraphs[paragraph] as ParagraphModel
    const result = await reopenParagraph(r.db, r.f.at('chair'), r.ids[paragraph] as number, 'to look again')
    const expected = !m.concluded && (frozen(p.status) || p.status === 'no_consensus')
    expect(result.ok, JSON.stringify(result)).toBe(expected)
    if (expected) p.status = p.brackets ? 'bracketed' : 'proposed'
  })

const silenceCmd = step(
  'circulate under silence',
  async (m, r) => {
    const chosen = m.paragraphs.flatMap((p, i) => (p.status !== 'adopted' && !p.brackets ? [i] : []))
    if (chosen.length === 0) return
    const result = await circulateUnderSilence(r.db, r.f.at('chair'), r.documentId, {
      paragraphIds: chosen.map((i) => r.ids[i] as number),
      deadline: new Date(Date.now() + 100 * 3_600_000),
    })
    expect(result.ok, JSON.stringify(result)).toBe(!m.concluded)
    if (!result.ok) return
    r.silenceId = result.value.id
    m.silence = { paragraphs: chosen, pending: true, broken: new Set() }
  },
  (m) => m.silence === null,
)

const breakCmd = (state: number, paragraph: number) =>
  step(
    `break silence ${STATES[state]?.[1]} on ${paragraph}`,
    async (m, r) => {
      const silence = m.silence as NonNullable<Model['silence']>
      const [who, iso3] = STATES[state] as [Who, string]
      const p = m.paragraphs[paragraph] as ParagraphModel
      const result = await breakSilence(r.db, r.f.at(who), r.silenceId as number, iso3, 'not yet', [
        r.ids[paragraph] as number,
      ])
      const expected =
        !m.concluded && silence.pending && silence.paragraphs.includes(paragraph) && p.status !== 'adopted'
      expect(result.ok, JSON.stringify(result)).toBe(expected)
      if (!expected) return
      p.positions.set(iso3, { position: 'objection', version: p.version })
      silence.broken.add(paragraph)
      if (silence.paragraphs.every((i) => silence.broken.has(i))) silence.pending = false
    },
    (m) => m.silence !== null,
  )

const cosponsorCmd = step('propose with a co-sponsor, who accepts', async (m, r) => {
  const made = await submitProposal(r.db, r.f.at('fra'), {
    processId: r.f.processId,
    title: 'T',
    text: 'Text.',
    memberStates: ['FRA', 'ZAF'],
    organizations: [],
  })
  expect(made.ok).toBe(!m.concluded)
  if (!made.ok) return
  expect((await findProposal(r.db, made.value.id))?.memberStates).toEqual(['FRA'])
  expect((await answerCosponsorship(r.db, r.f.at('zaf'), made.value.id, { memberStateIso3: 'ZAF' }, 'accept')).ok).toBe(
    true,
  )
  expect((await findProposal(r.db, made.value.id))?.memberStates.sort()).toEqual(['FRA', 'ZAF'])
})

const concludeCmd = step(
  'conclude the process',
  async (m, r) => {
    const result = await changeProcessState(r.db, { actor: SYSTEM, now: new Date() }, r.f.processId, {
      to: 'concluded',
    })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    m.concluded = true
  },
  (m) => !m.concluded,
)

/** After every step: statuses, frozen text, and the read model against both the history and the model. */
async function invariants(m: Model, r: Real) {
  const standing = await standingsOf(r.db, r.documentId)
  const events = await positionEvents(r.db, 'paragraph', r.ids)
  for (const [i, id] of r.ids.entries()) {
    const p = m.paragraphs[i] as ParagraphModel
    const real = await findParagraph(r.db, id)
    if (!real) throw new Error('paragraph gone')
    expect(real.status as string).toBe(p.status)
    if (frozen(real.status as Status)) expect(real.text).not.toMatch(/\[[^\]]*\]/)
    const wording = paragraphWording(real.text)
    const found = standing.get(id)
    if (!found) throw new Error('no standing')
    const { paragraphId: _, wording: __, ...read } = found
    const fromHistory = tally(statePositions(events.get(id) ?? []), wording)
    expect(read).toEqual(fromHistory)
    const expected = modelTally(p)
    expect([read.support, read.no_objection, read.objection, read.reservation, read.earlier]).toEqual([
      expected.support,
      expected.no_objection,
      expected.objection,
      expected.reservation,
      expected.earlier,
    ])
    expect(read.objecting).toEqual(expected.objecting)
    expect(read.readiness).toBe(expected.readiness)
  }
}

describe.each(DATABASE_KINDS)('the negotiation rules under random sequences of commands on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())

  it('keeps the model and the database in step, with the invariants after every step', async () => {
    const p = fc.integer({ min: 0, max: 1 })
    const s = fc.integer({ min: 0, max: 2 })
    const position = fc
      .tuple(s, p, fc.constantFrom<Position>('support', 'no_objection', 'objection', 'reservation'))
      .map(([a, b, c]) => positionCmd(a, b, c))
    const declaration = fc
      .tuple(p, fc.constantFrom('agreed_ad_ref' as const, 'adopted' as const, 'no_consensus' as const))
      .map(([a, b]) => declareCmd(a, b))
    // weighted towards the everyday steps: concluding ends a sequence's interest
    const commands = [
      position,
      position,
      position,
      p.map(amendCmd),
      p.map(amendCmd),
      declaration,
      declaration,
      p.map(reopenCmd),
      p.map(withdrawCmd),
      fc.constant(reviseCmd),
      fc.constant(silenceCmd),
      fc.tuple(s, p).map(([a, b]) => breakCmd(a, b)),
      fc.constant(cosponsorCmd),
      fc.constant(concludeCmd),
    ]
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'large' }), async (cmds) => {
        const db = runtime.deps.db
        const process = await findProcess(db, f.processId)
        if (process?.state === 'concluded')
          await changeProcessState(db, { actor: SYSTEM, now: new Date() }, f.processId, {
            to: 'active',
            reason: 'the next sequence',
          })
        else if (process?.state === 'planned')
          await changeProcessState(db, { actor: SYSTEM, now: new Date() }, f.processId, { to: 'active' })
        const doc = await f.newDocument('Draft\n\n1. Recommends a report;\n\n2. Invites States to [consider] it;\n')
        const ids = [doc.byLabel('1'), doc.byLabel('2')]
        const texts = await sql<{ text: string }>`select text from negotiation_paragraph where id in (${sql.join(
          ids,
        )}) order by id`.execute(db)
        const model: Model = {
          paragraphs: [
            { status: 'proposed', brackets: false, version: 0, positions: new Map() },
            { status: 'bracketed', brackets: true, version: 0, positions: new Map() },
          ],
          concluded: false,
          silence: null,
        }
        const real: Real = { db, f, documentId: doc.id, ids, silenceId: null, texts: texts.rows.map((x) => x.text) }
        await fc.asyncModelRun(() => ({ model, real }), cmds)
      }),
      { numRuns: 8 },
    )
  }, 600_000)
})
