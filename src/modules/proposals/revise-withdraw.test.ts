// Revising and withdrawing a proposal, on each database: only its original proponents do either;
// a revision is a new version, the earlier ones kept; nothing is revised or withdrawn twice, and a
// withdrawn or merged proposal takes no revision (the status read under the row's lock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { mergeProposals, reviseProposal, submitProposal, withdrawProposal } from './commands.ts'
import { findProposal } from './queries.ts'
import { type Fixture, proposalsFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('revising and withdrawing a proposal on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await proposalsFixture(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db

  async function propose(title = 'Focal points') {
    const made = await submitProposal(db(), f.at('fra'), {
      processId: f.processId,
      title,
      text: 'Invites Member States to establish national focal points.',
      rationale: 'Continuity between sessions.',
      memberStates: ['FRA'],
      organizations: [],
    })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    return made.value.id
  }

  it('lets the proponent revise: a new version, the earlier kept, the rationale carried over', async () => {
    const id = await propose()
    expect(
      await reviseProposal(db(), f.at('fra'), id, { text: 'Invites Member States to name focal points.' }),
    ).toEqual({
      ok: true,
      value: { version: 2 },
    })
    const proposal = await findProposal(db(), id)
    expect(proposal?.versions.map((v) => [v.number, v.text, v.rationale])).toEqual([
      [1, 'Invites Member States to establish national focal points.', 'Continuity between sessions.'],
      [2, 'Invites Member States to name focal points.', 'Continuity between sessions.'],
    ])
  })

  it('refuses a revision or withdrawal by another State, the Chair, or a proposal that does not exist', async () => {
    const id = await propose()
    for (const who of ['zaf', 'chair'] as const) {
      expect(await reviseProposal(db(), f.at(who), id, { text: 'Hijacked.' }), who).toMatchObject({
        ok: false,
        error: { type: 'forbidden' },
      })
      expect(await withdrawProposal(db(), f.at(who), id), who).toMatchObject({
        ok: false,
        error: { type: 'forbidden' },
      })
    }
    expect(await reviseProposal(db(), f.at('fra'), 987654, { text: 'X.' })).toMatchObject({
      ok: false,
      error: { type: 'not_found', id: 'proposal_not_found' },
    })
    expect((await findProposal(db(), id))?.versions).toHaveLength(1)
  })

  it('withdraws once: a second withdrawal (a double click) and a later revision are refused', async () => {
    const id = await propose()
    expect(await withdrawProposal(db(), f.at('fra'), id)).toEqual({ ok: true, value: undefined })
    expect(await withdrawProposal(db(), f.at('fra'), id)).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'proposal_withdrawn' },
    })
    expect(await reviseProposal(db(), f.at('fra'), id, { text: 'Too late.' })).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'proposal_withdrawn' },
    })
    const proposal = await findProposal(db(), id)
    expect(proposal?.status).toBe('withdrawn')
    expect(proposal?.versions).toHaveLength(1)
  })

  it('takes no revision of a proposal merged into another', async () => {
    const [a, b] = [await propose('A'), await propose('B')]
    const merged = await mergeProposals(db(), f.at('chair'), { ids: [a, b], title: 'A and B', text: 'Both.' })
    expect(merged.ok).toBe(true)
    expect(await reviseProposal(db(), f.at('fra'), a, { text: 'After the merge.' })).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'proposal_merged' },
    })
  })

  it('lets a revision and a withdrawal pressed at once both settle consistently', async () => {
    const id = await propose()
    const [revised, withdrawn] = await Promise.all([
      reviseProposal(db(), f.at('fra'), id, { text: 'Raced.' }),
      withdrawProposal(db(), f.at('fra'), id),
    ])
    expect(withdrawn.ok).toBe(true)
    const proposal = await findProposal(db(), id)
    // either the revision came first and is kept, or it saw the withdrawal and was refused
    expect(proposal?.versions).toHaveLength(revised.ok ? 2 : 1)
    if (!revised.ok) expect(revised.error).toMatchObject({ type: 'conflict', id: 'proposal_withdrawn' })
  })
})
