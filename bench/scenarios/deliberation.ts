// Deliberation analysis at the shape of Polis's largest conversation (33,422 participants x 783
// statements, about 2 million votes; compdemocracy/polis#2675-2676): generated votes with
// planted opinion groups. The full analysis (PCA, opinion groups, consensus, bridging) against
// its 10 s budget, and an update after 1,000 new votes against its 1 s budget, both in memory,
// each with its wall time and the process's CPU time (which the machine's load does not change);
// then the same through the database at a tenth of the shape (import, cold run that reads every
// vote, incremental run that reads only the new ones).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import {
  adjustedRandIndex,
  analyze,
  forgetCachedAnalyses,
  importDeliberation,
  openDeliberation,
  plantVotes,
  runAnalysis,
} from '../../src/modules/deliberation/index.ts'
import { fmt } from '../measure.ts'
import type { Scenario } from '../scenario.ts'

const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const STAKEHOLDERS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
]
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const verdict = (ms: number, budget: number) => (ms <= budget ? 'within budget' : 'OVER BUDGET')

/** The compute alone, at the full shape (the same on both databases, so run once). */
let computed = false

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
const series = (values: number[]) =>
  `${values.map((ms) => fmt(ms, 0)).join(', ')} ms, median ${fmt(median(values), 0)} ms`

async function inMemory(print: (line: string) => void) {
  let start = performance.now()
  const planted = plantVotes({ participants: 33_422, statements: 783, votesPerParticipant: [20, 100], seed: 2676 })
  const generatedMs = performance.now() - start
  const { grid } = planted
  const declared = [
    { names: REGIONS, labels: planted.regional },
    { names: STAKEHOLDERS, labels: planted.stakeholder },
  ]
  print(
    `\nDeliberation analysis, in memory: ${grid.participantIds.length} participants x ${grid.statementIds.length} statements, ${grid.votes} votes (generated in ${fmt(generatedMs, 0)} ms)`,
  )
  const full: number[] = []
  const fullCpu: number[] = []
  let last: ReturnType<typeof analyze> | undefined
  for (let run = 0; run < 3; run++) {
    start = performance.now()
    const cpu = process.cpuUsage()
    // cold: the pairs of statements are counted from the votes, nothing is reused
    last = analyze({
      votes: grid.sparse(),
      participantIds: grid.participantIds,
      statementIds: grid.statementIds,
      declared,
    })
    full.push(performance.now() - start)
    fullCpu.push(cpuMs(cpu))
  }
  if (!last) return
  const found = new Int32Array(planted.truth.length).fill(-1)
  const row = new Map(grid.participantIds.map((id, i) => [id, i]))
  for (const group of last.result.groups)
    for (const member of group.members) found[row.get(member) as number] = group.id
  print(
    `- full analysis (cold): wall ${series(full)}; CPU ${series(fullCpu)}; budget 10000 ms: ${verdict(median(full), 10_000)} (${load()})`,
  )
  print(
    `  ${last.result.groups.length} opinion groups (silhouette ${last.result.silhouette}), planted groups recovered with adjusted Rand index ${fmt(adjustedRandIndex(planted.truth, found), 3)}`,
  )
  start = performance.now()
  let cpu = process.cpuUsage()
  grid.covariance()
  print(
    `- the grid counts its pairs of statements once (then keeps them as votes come): wall ${fmt(performance.now() - start, 0)} ms, CPU ${fmt(cpuMs(cpu), 0)} ms`,
  )
  const incremental: number[] = []
  const incrementalCpu: number[] = []
  let state = last.state
  let seed = 1
  for (let run = 0; run < 9; run++) {
    start = performance.now()
    cpu = process.cpuUsage()
    // the update: 1,000 votes into the grid (and its pair counts), then the analysis warm-started
    for (let k = 0; k < 1000; k++) {
      seed = (seed * 48_271) % 2_147_483_647
      const i = seed % grid.participantIds.length
      grid.set(i, (seed >> 8) % grid.statementIds.length, (((seed >> 4) % 3) - 1) as -1 | 0 | 1)
    }
    const next = analyze({
      votes: grid.sparse(),
      participantIds: grid.participantIds,
      statementIds: grid.statementIds,
      declared,
      previous: state,
      covariance: grid.covariance(),
    })
    incremental.push(performance.now() - start)
    incrementalCpu.push(cpuMs(cpu))
    state = next.state
  }
  print(
    `- update after 1,000 new votes (warm start): wall ${series(incremental)}; CPU ${series(incrementalCpu)}; budget 1000 ms: ${verdict(median(incremental), 1000)} (${load()})`,
  )
}

async function throughDatabase(ctx: Parameters<Scenario['run']>[0]) {
  const db = ctx.runtime.deps.db
  const at = { actor: SYSTEM, now: new Date() }
  const planted = plantVotes({ participants: 3_342, statements: 783, votesPerParticipant: [20, 100], seed: 7 })
  const { grid } = planted
  const dir = await mkdtemp(join(tmpdir(), 'ecp-bench-deliberation-'))
  try {
    const lines = ['participant,statement,vote,regional_group,stakeholder_group']
    for (const [i, participant] of grid.participantIds.entries()) {
      for (const [j, statement] of grid.statementIds.entries()) {
        const vote = grid.get(i, j)
        if (vote !== null)
          lines.push(
            `${participant},${statement},${vote},${REGIONS[planted.regional[i] as number]},${STAKEHOLDERS[planted.stakeholder[i] as number]}`,
          )
      }
    }
    const votes = join(dir, 'votes.csv')
    await writeFile(votes, `${lines.join('\n')}\n`)
    const opened = await openDeliberation(db, at, { title: 'Bench' })
    if (!opened.ok) throw new Error('bench: could not open a deliberation')
    const id = opened.value.id
    let start = performance.now()
    await importDeliberation(db, at, id, { votes })
    const importMs = performance.now() - start
    start = performance.now()
    await importDeliberation(db, at, id, { votes })
    const againMs = performance.now() - start
    forgetCachedAnalyses()
    let cpu = process.cpuUsage()
    const cold = await runAnalysis(db, id)
    const coldCpu = cpuMs(cpu)
    const more = join(dir, 'more.csv')
    await writeFile(
      more,
      `${['participant,statement,vote,regional_group,stakeholder_group', ...Array.from({ length: 1000 }, (_, k) => `p${((k * 7) % 3342) + 1},s${((k * 13) % 783) + 1},1,weog,civil_society`)].join('\n')}\n`,
    )
    await importDeliberation(db, at, id, { votes: more })
    cpu = process.cpuUsage()
    const warm = await runAnalysis(db, id)
    const warmCpu = cpuMs(cpu)
    ctx.print(
      `\nDeliberation through ${ctx.kind} at a tenth of the shape (${grid.participantIds.length} participants x 783 statements, ${lines.length - 1} votes):`,
    )
    ctx.print(
      `- import: ${fmt(importMs / 1000, 1)} s (${fmt((lines.length - 1) / (importMs / 1000), 0)} rows/s); again, unchanged: ${fmt(againMs / 1000, 1)} s`,
    )
    ctx.print(
      `- analysis reading every vote (cold): wall ${cold.durationMs} ms, CPU ${fmt(coldCpu, 0)} ms; after 1,000 new votes (incremental, ${warm.votesRead} read): wall ${warm.durationMs} ms, CPU ${fmt(warmCpu, 0)} ms (ecp's threads${ctx.kind === 'pglite' ? ', the database included' : ''}), budget 1000 ms: ${verdict(warm.durationMs, 1000)} (${load()})`,
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export const deliberation: Scenario = {
  name: 'deliberation',
  async run(ctx) {
    if (!computed) {
      computed = true
      await inMemory(ctx.print)
    }
    await throughDatabase(ctx)
  },
}
