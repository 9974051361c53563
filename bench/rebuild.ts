// `node --import tsx bench/rebuild.ts [--db pglite|postgresql] [--rows N] [--fresh] [--database NAME]
// [--call ID] [--no-rebuild] [--arrivals N] [--flush-every MS] [--warm N]`: the campaign
// rebuild and the assignment of arriving contributions alone, on a call of N generated
// contributions (default 100,000) kept between runs (PostgreSQL database `ecp_rebuild_N`, or
// PGlite in $TMPDIR/ecp-rebuild-N), so the import is paid once. Prints each phase's wall time
// beside this process's CPU time and the load average: on a shared machine the CPU time is the
// evidence. Run under `node --cpu-prof` for a profile.
import { readFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import { type DatabaseTarget, openDatabase } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import {
  asImported,
  generateContributions,
  pairwiseQuality,
  rebuildCampaigns,
  startImport,
} from '../src/modules/consultation/index.ts'
import { insertImportedContributions } from '../src/modules/contributions/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { timeArrivals } from './arrivals-timed.ts'
import { benchCall } from './consultation-data.ts'
import { fmt } from './measure.ts'

const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const kind = opt('--db') === 'pglite' ? 'pglite' : 'postgresql'
const ROWS = Number(opt('--rows') ?? 100_000)
const ARRIVALS = Number(opt('--arrivals') ?? 200)
const system = () => ({ actor: SYSTEM, now: new Date() })
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')
const cpu = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1e6
}

/**
 * CPU seconds the PostgreSQL backends serving this database have used since `start` (a sampler
 * reads /proc twice a second, so backends that end between readings still count up to their last).
 */
const backendTicks = new Map<number, { first: number; last: number }>()
async function sampleBackends(client: pg.Client) {
  const pids = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  )
  for (const { pid } of pids.rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ticks = Number(fields[11]) + Number(fields[12])
      const seen = backendTicks.get(pid)
      if (seen) seen.last = ticks
      else backendTicks.set(pid, { first: ticks, last: ticks })
    } catch {
      // a backend that ended
    }
  }
}
const pgCpu = () => [...backendTicks.values()].reduce((s, t) => s + t.last - t.first, 0) / 100

async function target(): Promise<DatabaseTarget> {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: join(tmpdir(), `ecp-rebuild-${ROWS}`) }
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  // --database NAME: an existing database (e.g. a clone of the 1,000,000 template), else one per size
  const name = opt('--database') ?? `ecp_rebuild_${ROWS}`
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--database ${name}: lower-case letters, digits and _ only`)
  const admin = new pg.Client({ connectionString: base.toString() })
  await admin.connect()
  if (args.includes('--fresh')) await admin.query(`drop database if exists ${name} with (force)`)
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database ${name}`)
  await admin.end()
  base.pathname = `/${name}`
  return { kind: 'postgresql', url: base.toString(), maxConnections: 4 }
}

const theTarget = await target()
let sampler: pg.Client | null = null
let sampling: NodeJS.Timeout | null = null
if (theTarget.kind === 'postgresql') {
  sampler = new pg.Client({ connectionString: theTarget.url })
  await sampler.connect()
  const client = sampler
  sampling = setInterval(() => void sampleBackends(client).catch(() => {}), 500)
}
const pgCpuNow = async () => {
  if (sampler) await sampleBackends(sampler)
  return pgCpu()
}
const runtime = await openRuntime(testConfig({}), { target: theTarget, log: createLogger('error') })
const db = runtime.deps.db
const truth = new Map<string, number | null>()
for (const g of generateContributions({ total: ROWS, seed: 11 })) truth.set(g.externalId, g.campaign)

// --call ID: a call of an existing database (the 1,000,000 template's is 3), else the bench's own
const callOpt = opt('--call')
let call = (
  await sql<{ callId: number; processId: number; questionId: number }>`
    select c.id::int as "callId", c.process_id::int as "processId",
      (select id::int from processes_guiding_question q where q.process_id = c.process_id order by id limit 1) as "questionId"
    from processes_call c where ${callOpt ? sql`c.id = ${Number(callOpt)}` : sql`c.title = 'Rebuild bench'`} limit 1`.execute(
    db,
  )
).rows[0]
if (!call && callOpt) throw new Error(`--call ${callOpt}: no such call`)
if (!call) {
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.value
  }
  // found again by its title on the next run
  const { processId, callId, questionId } = await benchCall(db, 'rebuild-bench', { title: 'Rebuild bench' })
  const account = await sql<{ id: number }>`
    insert into auth_account (email, display_name, password_hash) values ('bench@example.org', 'Bench', '!') returning id::int`.execute(
    db,
  )
  const accountId = account.rows[0]?.id as number
  const started = must(
    await startImport(db, system(), { callId, accountId, fileName: 'bench', format: 'csv', sha256: `bench-${ROWS}` }),
  )
  const t = performance.now()
  let batch: Parameters<typeof insertImportedContributions>[2] = []
  let line = 0
  const flush = async () => {
    await insertImportedContributions(
      db,
      { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: 'bench' },
      batch,
    )
    batch = []
  }
  for (const g of generateContributions({ total: ROWS, seed: 11 })) {
    batch.push(asImported(g, questionId, ++line))
    if (batch.length === 5000) await flush()
  }
  if (batch.length > 0) await flush()
  console.log(`inserted ${ROWS} contributions in ${fmt((performance.now() - t) / 1000, 1)} s`)
  call = { callId, processId, questionId }
}

console.log(`${kind}, ${ROWS.toLocaleString('en')} contributions; load average ${load()}`)
// --warm N: N arrivals before the rebuild, so that the sessions' plans are made before it and the
// first arrival after it shows what the swap costs it (not a new session's first call)
const WARM = Number(opt('--warm') ?? 0)
if (WARM > 0) {
  const warmed = await timeArrivals(db, call, WARM, kind === 'postgresql')
  console.log(`before the rebuild: ${warmed.filter((l) => /^ {2}(all|first)/.test(l)).join(' /')}`)
}
// --no-rebuild: the assignment alone, on the campaigns of the last rebuild
if (!args.includes('--no-rebuild')) {
  const c0 = process.cpuUsage()
  const p0 = await pgCpuNow()
  const t0 = performance.now()
  const threads = opt('--threads')
  const rebuilt = await rebuildCampaigns(db, system(), call.callId, threads ? { threads: threads === 'on' } : {})
  if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error))
  const r = rebuilt.value
  console.log(
    `rebuild: ${fmt((performance.now() - t0) / 1000, 1)} s wall, ${fmt(cpu(c0), 1)} s CPU in this process (its threads) + ${fmt((await pgCpuNow()) - p0, 1)} s in PostgreSQL; phases ${JSON.stringify(r.seconds)}, CPU ${JSON.stringify(r.cpuSeconds)}; ${r.campaigns} campaigns, ${r.texts} texts, ${r.inCampaigns} in campaigns; load ${load()}`,
  )
  const found = await sql<{ externalId: string; campaignId: string | null }>`
    select c.external_id as "externalId", m.campaign_id as "campaignId" from contributions_contribution c
    left join consultation_member m on m.contribution_id = c.id
    where c.call_id = ${call.callId} and c.external_id not like 'late-%'`.execute(db)
  const q = pairwiseQuality(
    found.rows.map((x) => (x.campaignId === null ? null : Number(x.campaignId))),
    found.rows.map((x) => truth.get(x.externalId) ?? null),
  )
  console.log(`precision ${fmt(q.precision, 4)}, recall ${fmt(q.recall, 4)}`)
}

if (ARRIVALS > 0) {
  const flushEveryMs = opt('--flush-every') ? Number(opt('--flush-every')) : undefined
  // on PostgreSQL the flusher has a connection of its own, as the server's job worker would
  const flusher =
    flushEveryMs && theTarget.kind === 'postgresql' ? await openDatabase({ ...theTarget, maxConnections: 1 }) : null
  const timed = await timeArrivals(db, call, ARRIVALS, kind === 'postgresql', {
    flushEveryMs,
    ...(flusher ? { flushDb: flusher.db } : {}),
  })
  await flusher?.close()
  for (const line of timed) console.log(line)
}
if (sampling) clearInterval(sampling)
await sampler?.end()
await runtime.close()
