// The Chair sees, on a paragraph's page, which wordings bridge: the statements of the deliberation
// the paragraph's proposal opened, best bridging first, with each group's agreement; a delegate
// does not, nor does anyone on a paragraph whose proposal opened none.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { importDeliberation, openDeliberation, runAnalysis } from '../deliberation/index.ts'
import { submitProposal } from '../proposals/index.ts'
import { createDocument } from './commands-documents.ts'
import { paragraphsOf } from './queries.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']

describe.each(DATABASE_KINDS)('wordings that bridge, on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  let paragraphId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
    const db = runtime.deps.db
    const proposal = await submitProposal(db, f.at('bra1'), {
      processId: f.processId,
      title: 'Data flows',
      text: 'Recommends that data flow with trust.',
      memberStates: ['BRA'],
      organizations: [],
    })
    if (!proposal.ok) throw new Error(JSON.stringify(proposal.error))
    const document = await createDocument(db, f.at('chair'), {
      processId: f.processId,
      title: 'Draft',
      proposalIds: [proposal.value.id],
    })
    if (!document.ok) throw new Error(JSON.stringify(document.error))
    const paragraph = (await paragraphsOf(db, document.value.id)).find((p) => p.proposalId === proposal.value.id)
    paragraphId = paragraph?.id as number

    // a deliberation on two wordings: every region agrees with "shared", only WEOG with "one-sided"
    const ctx = { actor: SYSTEM, now: new Date() }
    const opened = await openDeliberation(db, ctx, { title: 'Wordings', proposalId: proposal.value.id })
    if (!opened.ok) throw new Error('open')
    const dir = await mkdtemp(join(tmpdir(), 'ecp-bridging-'))
    const lines = ['participant,statement,vote,regional_group,stakeholder_group']
    for (let p = 0; p < 50; p++) {
      const region = REGIONS[p % 5] as string
      lines.push(`p${p},shared,1,${region},government`)
      lines.push(`p${p},one-sided,${region === 'weog' ? 1 : -1},${region},government`)
    }
    const votes = join(dir, 'votes.csv')
    const statements = join(dir, 'statements.csv')
    await writeFile(votes, `${lines.join('\n')}\n`)
    await writeFile(
      statements,
      'statement,text\nshared,"Data flows with trust, for all"\none-sided,"Data flows freely, whatever else"\n',
    )
    const imported = await importDeliberation(db, ctx, opened.value.id, { votes, statements })
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    await runAnalysis(db, opened.value.id)
  }, 180_000)
  afterAll(() => runtime.close())

  it('shows the Chair the wording every region agrees with above the one only one region agrees with', async () => {
    const { html } = await f.clients.chair.get(`/paragraphs/${paragraphId}`)
    expect(html).toContain('Wordings that bridge')
    const shared = html.indexOf('Data flows with trust, for all')
    const oneSided = html.indexOf('Data flows freely, whatever else')
    expect(shared).toBeGreaterThan(0)
    expect(oneSided).toBeGreaterThan(shared)
    expect(html).toContain('Western European and Others')
  })

  it('shows it to neither a delegate nor anyone on a paragraph whose proposal opened no deliberation', async () => {
    expect((await f.clients.bra1.get(`/paragraphs/${paragraphId}`)).html).not.toContain('Wordings that bridge')
    const other = await f.newDocument()
    const { html } = await f.clients.chair.get(`/paragraphs/${other.byLabel('1')}`)
    expect(html).not.toContain('Wordings that bridge')
  })
})
