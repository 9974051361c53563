// `node --import tsx bench/deliberation-full.ts [--db pglite|postgresql] [--database NAME] [--updates N]`:
// the deliberation analysis through the database at the full shape of Polis's largest
// conversation (33,422 participants x 783 statements, 2,011,174 generated votes), which the
// `deliberation` scenario only runs at a tenth. The votes are written once in bulk (not through
// the CSV import, which would take 5 to 15 minutes) into a database kept between runs
// (PostgreSQL database NAME, default `ecp_deliberation_full`, or PGlite in
// $TMPDIR/ecp-deliberation-full); then: the cold analysis reading every vote, N updates after
// 1,000 new votes each (default 5), and the server time of the results pages and the API, which
// read the stored analysis. Each with its wall time, this process's CPU time (its threads; on
// PGlite the database's too) and the load average.
import { writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { createApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { DatabaseTarget } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import {
  forgetCachedAnalyses,
  importDeliberation,
  openDeliberation,
  plantVotes,
  runAnalysis,
} from '../src/modules/deliberation/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { fmt, percentile } from './measure.ts'

const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const kind = opt('--db') === 'pglite' ? 'pglite' : 'postgresql'
const UPDATES = Number(opt('--updates') ?? 5)
const TITLE = 'Full-shape deliberation bench'
const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const STAKEHOLDERS = ['government', 'private_sector', 'civil_society', 'technical_community', 'academic_community']
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}

async function target(): Promise<DatabaseTarget> {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: join(tmpdir(), 'ecp-deliberation-full') }
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  const name = opt('--database') ?? 'ecp_deliberation_full'
  const admin = new pg.Client({ connectionString: base.toString() })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database ${name}`)
  await admin.end()
  base.pathname = `/${name}`
  return { kind: 'postgresql', url: base.toString(), maxConnections: 4 }
}

const phases = (run: Awaited<ReturnType<typeof runAnalysis>>) =>
  `phases (wall/CPU ms) ${run.phases.map((p) => `${p.phase} ${p.wallMs}/${p.cpuMs}`).join(', ')}`

const runtime = await openRuntime(testConfig({}), { target: await target(), log: createLogger('error') })
const db = runtime.deps.db
const at = () => ({ actor: SYSTEM, now: new Date() })

let found = (
  await sql<{ id: number }>`select id::int from deliberation_deliberation where title = ${TITLE} limit 1`.execute(db)
).rows[0]?.id
if (found === undefined) {
  const opened = await openDeliberation(db, at(), { title: TITLE })
  if (!opened.ok) throw new Error(JSON.stringify(opened.error))
  const deliberationId = opened.value.id
  const t = performance.now()
  const planted = plantVotes({ participants: 33_422, statements: 783, votesPerParticipant: [20, 100], seed: 2676 })
  const { grid } = planted
  const participants = await sql<{ id: number }>`
    insert into deliberation_participant (deliberation_id, external_id, regional_group, stakeholder_group)
    select ${deliberationId}, e, r, s
    from unnest(${grid.participantIds}::text[], ${Array.from(planted.regional, (g) => REGIONS[g] ?? null)}::text[],
      ${Array.from(planted.stakeholder, (g) => STAKEHOLDERS[g] ?? null)}::text[]) with ordinality as u(e, r, s, o)
    order by o returning id::int`.execute(db)
  const statements = await sql<{ id: number }>`
    insert into deliberation_statement (deliberation_id, external_id, text, status)
    select ${deliberationId}, e, 'Statement ' || e, 'accepted' from unnest(${grid.statementIds}::text[]) with ordinality as u(e, o)
    order by o returning id::int`.execute(db)
  let batch: { p: number[]; s: number[]; v: number[] } = { p: [], s: [], v: [] }
  const flush = async () => {
    await sql`insert into deliberation_vote (deliberation_id, participant_id, statement_id, vote)
      select ${deliberationId}, p, s, v from unnest(${batch.p}::bigint[], ${batch.s}::bigint[], ${batch.v}::smallint[]) as u(p, s, v)`.execute(
      db,
    )
    batch = { p: [], s: [], v: [] }
  }
  for (let i = 0; i < grid.participantIds.length; i++) {
    for (let j = 0; j < grid.statementIds.length; j++) {
      const vote = grid.get(i, j)
      if (vote === null) continue
      batch.p.push(participants.rows[i]?.id as number)
      batch.s.push(statements.rows[j]?.id as number)
      batch.v.push(vote)
    }
    if (batch.p.length >= 50_000) await flush()
  }
  if (batch.p.length > 0) await flush()
  // what recording the votes one by one keeps: each statement's count
  await sql`update deliberation_statement s set votes = c.n
    from (select statement_id, count(*)::int as n from deliberation_vote group by statement_id) c
    where s.id = c.statement_id and s.deliberation_id = ${deliberationId}`.execute(db)
  console.log(`wrote ${grid.votes} votes in ${fmt((performance.now() - t) / 1000, 1)} s`)
  found = deliberationId
}
const id: number = found

const votes = await sql<{ n: number }>`select count(*)::int as n from deliberation_vote where deliberation_id = ${id}`
  .execute(db)
  .then((r) => r.rows[0]?.n)
console.log(`${kind}, deliberation ${id} with ${votes} votes; load average ${load()}`)

// --pages: the pages alone, on the analysis stored by an earlier run
if (args.includes('--pages')) await pages()
else await analyses()

async function analyses() {
  forgetCachedAnalyses()
  let c0 = process.cpuUsage()
  const cold = await runAnalysis(db, id)
  console.log(
    `cold analysis (reads every vote): wall ${cold.durationMs} ms, CPU ${fmt(cpuMs(c0), 0)} ms; ${phases(cold)}; ${cold.result.groups.length} groups; load average ${load()}`,
  )
  const more = join(tmpdir(), `ecp-deliberation-full-${process.pid}.csv`)
  // other votes on every run, so that each update has new ones to read
  const salt = Date.now() % 100_000
  const walls: number[] = []
  const cpus: number[] = []
  for (let u = 0; u < UPDATES; u++) {
    const lines = ['participant,statement,vote,regional_group,stakeholder_group']
    for (let k = 0; k < 1000; k++) {
      const p = ((k * 7919 + (u + salt) * 104_729) % 33_422) + 1
      const s = ((k * 13 + (u + salt) * 31) % 783) + 1
      lines.push(`p${p},s${s},${((k + u + salt) % 3) - 1},,`)
    }
    writeFileSync(more, `${lines.join('\n')}\n`)
    await importDeliberation(db, at(), id, { votes: more })
    c0 = process.cpuUsage()
    const t0 = performance.now()
    const warm = await runAnalysis(db, id)
    walls.push(performance.now() - t0)
    cpus.push(cpuMs(c0))
    console.log(
      `update after 1,000 new votes (${warm.votesRead} read, incremental ${warm.incremental}): wall ${fmt(walls.at(-1) as number, 0)} ms (stored ${warm.durationMs}), CPU ${fmt(cpus.at(-1) as number, 0)} ms; ${phases(warm)}; load average ${load()}`,
    )
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
  console.log(
    `updates: wall median ${fmt(median(walls), 0)} ms, CPU median ${fmt(median(cpus), 0)} ms, budget 1000 ms: ${median(walls) <= 1000 ? 'within' : 'OVER'}`,
  )
}

// the pages and the API read the stored analysis: their server time in process
async function pages() {
  const app = createApp({ ...runtime.deps, config: { ...runtime.deps.config, pageCacheBytes: 0 } })
  for (const path of [
    `/deliberations/${id}/results`,
    `/deliberations/${id}/results.csv`,
    `/api/v1/deliberations/${id}/analysis`,
    `/deliberations/${id}`,
  ]) {
    const get = async () => {
      const res = await app.request(path, { headers: { host: '127.0.0.1' } })
      const body = await res.arrayBuffer()
      if (res.status >= 400) throw new Error(`${path} answered ${res.status}`)
      return body.byteLength
    }
    const bytes = await get()
    const times: number[] = []
    const c = process.cpuUsage()
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      await get()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    console.log(
      `${path}: p50 ${fmt(percentile(times, 50), 1)} ms, slowest ${fmt(percentile(times, 100), 1)} ms, CPU ${fmt(cpuMs(c) / 5, 1)} ms a request, ${fmt(bytes / 1024, 0)} KB; budget 100 ms; load average ${load()}`,
    )
  }
}
await runtime.close()
