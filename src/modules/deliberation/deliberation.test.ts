// Deliberations on each database: the Secretariat opens one, a delegate writes a statement that
// waits for moderation, votes through plain forms; a past consultation is imported from CSV
// (twice: nothing changes the second time) and analysed; the API answers in the shape;
// the results page, its CSV and the open data; the CLI prints the new id and the time taken.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createLogger } from '../../core/log.ts'
import { deliberationCommand } from './cli.ts'
import { forgetCachedAnalyses, runAnalysis } from './engine.ts'
import { importDeliberation } from './import.ts'
import { bridgingWordings, deliberationModule } from './index.ts'
import { findAnalysis, statementsOf } from './queries.ts'
import { plantVotes } from './rules/planted.ts'

const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const STAKEHOLDERS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
]

/** A planted consultation as the import's two CSV files. */
async function plantedFiles(dir: string) {
  const planted = plantVotes({ participants: 240, statements: 24, votesPerParticipant: [12, 20], seed: 9 })
  const { grid } = planted
  const lines = ['participant,statement,vote,regional_group,stakeholder_group']
  grid.participantIds.forEach((participant, i) => {
    grid.statementIds.forEach((statement, j) => {
      const vote = grid.get(i, j)
      if (vote !== null)
        lines.push(
          `${participant},${statement},${vote},${REGIONS[planted.regional[i] as number]},${STAKEHOLDERS[planted.stakeholder[i] as number]}`,
        )
    })
  })
  const votes = join(dir, 'votes.csv')
  await writeFile(votes, `${lines.join('\n')}\n`)
  const statements = join(dir, 'statements.csv')
  await writeFile(
    statements,
    ['statement,text', ...grid.statementIds.map((s, j) => `${s},"Planted ${planted.kinds[j]} statement ${s}"`)].join(
      '\n',
    ),
  )
  return { votes, statements, planted, voteCount: lines.length - 1 }
}

describe.each(DATABASE_KINDS)('deliberations on %s', (kind) => {
  let runtime: TestRuntime
  let dir: string

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    dir = await mkdtemp(join(tmpdir(), 'ecp-deliberation-'))
  })
  afterAll(() => runtime.close())

  it('lets the Secretariat open a deliberation, a delegate write and vote, and refuses the rest', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'MWI',
    })
    const anonymous = new TestClient(runtime)

    expect((await delegate.submit('/deliberations/new', { title: 'Mine' }, '/deliberations')).response.status).toBe(403)
    const empty = await secretariat.submit('/deliberations/new', { title: ' ', description: 'kept as typed' })
    expect(empty.response.status).toBe(422)
    expect(empty.html).toContain('kept as typed')
    const opened = await secretariat.submit('/deliberations/new', { title: 'Principles for data flows' })
    expect(opened.response.status).toBe(303)
    const path = opened.response.headers.get('location') as string
    const id = Number(path.split('/').pop())

    const written = await delegate.submit(`${path}/statements`, { text: 'Data should flow with trust.' }, path)
    expect(written.response.status).toBe(303)
    const [statement] = await statementsOf(runtime.deps.db, id)
    expect(statement?.status).toBe('pending')
    // nobody votes on a statement still waiting for moderation
    const early = await delegate.submit(`${path}/votes`, { statementId: String(statement?.id), vote: '1' }, path)
    expect(early.response.status).toBe(404)

    const moderation = `${path}/statements/${statement?.id}/moderation`
    expect((await delegate.submit(moderation, { decision: 'accepted' }, path)).response.status).toBe(403)
    const noReason = await secretariat.submit(moderation, { decision: 'rejected' }, `${path}/moderation`)
    expect(noReason.response.status).toBe(422)
    expect(noReason.html).toContain('reason')
    expect((await secretariat.submit(moderation, { decision: 'accepted' }, `${path}/moderation`)).response.status).toBe(
      303,
    )

    const page = await delegate.get(path)
    expect(page.html).toContain('Data should flow with trust.')
    expect(page.html).toContain('name="vote" value="-1"')
    expect((await anonymous.get(path)).html).toContain('Sign in to vote')
    const voted = await delegate.submit(`${path}/votes`, { statementId: String(statement?.id), vote: '1' }, path)
    expect(voted.response.status).toBe(303)
    expect((await delegate.get(path)).html).toContain('You have voted on every statement')
    const odd = await delegate.submit(`${path}/votes`, { statementId: String(statement?.id), vote: '2' }, path)
    expect(odd.response.status).toBe(400)

    const run = await runAnalysis(runtime.deps.db, id)
    expect(run.result.totals.votes).toBe(1)
    // the delegate of Malawi counts in the African Group and among governments
    expect(run.result.bridging[0]?.byGroup).toEqual({ african: 0.6667, government: 0.6667 })
  })

  it('imports a consultation twice without changing anything the second time, and reports refused rows', async () => {
    const files = await plantedFiles(dir)
    const ctx = { actor: SYSTEM, now: new Date('2026-12-01T10:00:00Z') }
    const { db } = runtime.deps
    const outputs: string[] = []
    const created = await deliberationCommand.run(['create', '--title', 'Replayed'], {
      deps: runtime.deps,
      log: createLogger('silent'),
      out: (line) => outputs.push(line),
    })
    expect(created).toBe(0)
    const id = Number(outputs[0])
    expect(id).toBeGreaterThan(0)

    // `ecp deliberation import ID VOTES.csv --statements STATEMENTS.csv`, as an operator types it
    const imported = await deliberationCommand.run(
      ['import', String(id), files.votes, '--statements', files.statements],
      { deps: runtime.deps, log: createLogger('silent'), out: (line) => outputs.push(line) },
    )
    expect(imported).toBe(0)
    expect(outputs[1]).toBe(
      `${files.voteCount} rows: ${files.voteCount} votes recorded or changed, 240 participants added or changed, 24 statements added, 0 rows refused`,
    )
    expect((await statementsOf(db, id, 'accepted')).length).toBe(24)
    const again = await importDeliberation(db, ctx, id, files)
    expect(again.ok && again.value).toMatchObject({ votesChanged: 0, participantsChanged: 0, statementsAdded: 0 })

    const bad = join(dir, 'bad.csv')
    await writeFile(
      bad,
      'participant,statement,vote,regional_group,stakeholder_group\np1,s1,2,weog,\np1,s1,1,atlantis,\n',
    )
    const refused = await importDeliberation(db, ctx, id, { votes: bad })
    expect(refused.ok && refused.value.refused.map((r) => r.line)).toEqual([2, 3])

    const analysed: string[] = []
    const code = await deliberationCommand.run(['analyze', String(id)], {
      deps: runtime.deps,
      log: createLogger('silent'),
      out: (line) => analysed.push(line),
    })
    expect(code).toBe(0)
    expect(analysed[0]).toMatch(/240 participants, 24 statements, \d+ votes: 3 opinion groups in \d+ ms/)

    const api = await new TestClient(runtime).json(`/api/v1/deliberations/${id}/analysis`)
    expect(api.status).toBe(200)
    expect(Object.keys(api.body).sort()).toEqual([
      'bridging',
      'computedAt',
      'consensus',
      'divisive',
      'durationMs',
      'groups',
    ])
    expect(api.body.groups[0]).toMatchObject({ id: 0, center: [expect.any(Number), expect.any(Number)] })
    expect(api.body.groups.flatMap((g: { members: string[] }) => g.members)).toContain('p1')
    expect(Object.keys(api.body.bridging[0].byGroup)).toEqual(
      expect.arrayContaining(['weog', 'civil_society', 'asia-pacific']),
    )
    // planted bridging statements lead the bridging list
    const kinds = api.body.bridging.map(
      (row: { statement: string }) => files.planted.kinds[Number(row.statement.slice(1)) - 1],
    )
    expect(kinds.slice(0, 2)).toEqual(['bridging', 'bridging'])

    const results = await new TestClient(runtime).get(`/deliberations/${id}/results`)
    expect(results.response.status).toBe(200)
    expect(results.html).toContain('<svg')
    expect(results.html).toContain('Planted bridging statement')
    const csv = await new TestClient(runtime).request(`/deliberations/${id}/results.csv`)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect((await csv.text()).split('\n')[0]).toContain('agreement_weog')

    const openData = await deliberationModule.openData?.(db)
    expect(openData?.map((d) => d.name)).toEqual(['deliberations', 'deliberation_statements', 'deliberation_scores'])
    expect(openData?.[2]?.rows.length).toBeGreaterThan(0)
    expect(await bridgingWordings(db, 999_999)).toEqual([])
  })

  it('updates the analysis from the votes changed since the last run (incremental), and cold from the stored state', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const opened = await secretariat.submit('/deliberations/new', { title: 'Incremental' })
    const id = Number((opened.response.headers.get('location') as string).split('/').pop())
    const files = await plantedFiles(dir)
    await importDeliberation(runtime.deps.db, { actor: SYSTEM, now: new Date() }, id, files)
    forgetCachedAnalyses()
    const cold = await runAnalysis(runtime.deps.db, id)
    expect(cold.incremental).toBe(false)
    const { client: voter } = await accountWithRole(runtime, 'stakeholder_representative', null)
    await voter.submit(
      `/deliberations/${id}/votes`,
      { statementId: String((await statementsOf(runtime.deps.db, id))[0]?.id), vote: '-1' },
      `/deliberations/${id}`,
    )
    const warm = await runAnalysis(runtime.deps.db, id)
    expect(warm.incremental).toBe(true)
    expect(warm.votesRead).toBe(1)
    expect(warm.result.totals.votes).toBe(cold.result.totals.votes + 1)
    expect((await findAnalysis(runtime.deps.db, id))?.lastSeq).toBeGreaterThan(0)
  })

  it('shows the least voted statement next, a changed vote counting once', async () => {
    const { db } = runtime.deps
    const ctx = { actor: SYSTEM, now: new Date() }
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const opened = await secretariat.submit('/deliberations/new', { title: 'Least voted first' })
    const path = opened.response.headers.get('location') as string
    const id = Number(path.split('/').pop())
    const header = 'participant,statement,vote,regional_group,stakeholder_group'
    const votes = join(dir, 'least.csv')
    const statements = join(dir, 'least-statements.csv')
    await writeFile(statements, 'statement,text\nl1,Twice voted\nl2,Once voted\nl3,Never voted\n')
    await writeFile(votes, `${header}\nq1,l1,1,weog,\nq2,l1,-1,weog,\nq1,l2,1,weog,\n`)
    await importDeliberation(db, ctx, id, { votes, statements })
    await writeFile(votes, `${header}\nq1,l1,-1,weog,\n`)
    await importDeliberation(db, ctx, id, { votes })
    expect((await statementsOf(db, id)).map((s) => [s.externalId, s.votes])).toEqual([
      ['l1', 2],
      ['l2', 1],
      ['l3', 0],
    ])
    const { client: delegate } = await accountWithRole(runtime, 'government_delegate', {
      type: 'member_state',
      id: 'FJI',
    })
    const first = await delegate.get(path)
    expect(first.html).toContain('Never voted')
    const l3 = (await statementsOf(db, id)).find((s) => s.externalId === 'l3')
    await delegate.submit(`${path}/votes`, { statementId: String(l3?.id), vote: '0' }, path)
    const next = await delegate.get(path)
    expect(next.html).toContain('Once voted')
    expect(next.html).not.toContain('Never voted')
  })

  it('answers 404 for a deliberation that does not exist, on pages and in the API', async () => {
    const client = new TestClient(runtime)
    expect((await client.get('/deliberations/999999')).response.status).toBe(404)
    expect((await client.get('/deliberations/999999/results')).response.status).toBe(404)
    expect((await client.json('/api/v1/deliberations/999999/analysis')).status).toBe(404)
  })
})
