// A consultation dataset kept between runs (issue 13's read budgets): `build` makes a PostgreSQL
// database (or a PGlite directory) with the demo and ROWS generated contributions imported into one
// call, campaigns rebuilt; `time` opens it and prints the pages' server time, CPU time and query
// count per request. `multiply` runs bench/consultation-multiply.sql on it (PGlite has no psql).
// CACHE=1 times visitors' reads from the page cache (a kept copy), CACHE=304 the same with the
// copy's ETag sent back (If-None-Match): what a read costs once the anonymous read cache holds it.
// Usage: node --import tsx bench/consultation-keep.ts build|multiply|time pg|pglite NAME [ROWS]
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type KyselyPlugin, sql } from 'kysely'
import pg from 'pg'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { DatabaseTarget } from '../src/core/db/database.ts'
import { SCRIPT_MARKER } from '../src/core/db/pglite-dialect.ts'
import { createLogger } from '../src/core/log.ts'
import { loadDemo } from '../src/demo.ts'
import { rebuildCampaigns, runImport, startImport } from '../src/modules/consultation/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { benchCall, writeConsultationCsv } from './consultation-data.ts'
import { fmt, percentile } from './measure.ts'

const [mode, kind, name, rowsArg] = process.argv.slice(2)
const ROWS = Number(rowsArg ?? 100_000)
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const system = () => ({ actor: SYSTEM, now: new Date() })

function target(): DatabaseTarget {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: `/work/tmp-consult-read/${name}` }
  const url = new URL(base)
  url.pathname = `/${name}`
  return { kind: 'postgresql', url: url.toString(), maxConnections: 4 }
}

async function build() {
  if (kind !== 'pglite') {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.query(`create database ${name}`)
    await c.end()
  } else rmSync(`/work/tmp-consult-read/${name}`, { recursive: true, force: true })
  const runtime = await openRuntime(testConfig({ env: 'production' }), { target: target(), log: createLogger('error') })
  const db = runtime.deps.db
  await loadDemo(runtime)
  const dir = mkdtempSync(join(tmpdir(), 'ecp-keep-'))
  const file = join(dir, 'c.csv')
  await writeConsultationCsv(file, ROWS)
  const bench = await benchCall(db, 'open-consultation-keep')
  const started = await startImport(db, system(), {
    callId: bench.callId,
    accountId: bench.accountId,
    fileName: 'c.csv',
    format: 'csv',
    sha256: `keep-${ROWS}`,
  })
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  const t0 = performance.now()
  const imported = await runImport(db, system(), started.value.id, createReadStream(file))
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  console.log(`imported ${ROWS} in ${fmt((performance.now() - t0) / 1000)} s, load ${loadavg()[0]}`)
  const t1 = performance.now()
  const r = await rebuildCampaigns(db, system(), bench.callId)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  console.log(`rebuilt in ${fmt((performance.now() - t1) / 1000)} s; process ${bench.processId}, call ${bench.callId}`)
  rmSync(dir, { recursive: true, force: true })
  await runtime.close()
}

async function time() {
  const runtime = await openRuntime(testConfig({ env: 'production' }), { target: target(), log: createLogger('error') })
  const db = runtime.deps.db
  const { createApp } = await import('../src/app.ts')
  // counts and times each query of a request (compiled SQL and milliseconds)
  let log: { sql: string; ms: number }[] = []
  const started = new Map<unknown, { at: number; sql: string }>()
  const db0 = runtime.deps.db
  const cache = process.env.CACHE
  // VERBOSE=1: the three slowest statements of each request; VERBOSE=all: every statement
  const verbose = process.env.VERBOSE === '1' || process.env.VERBOSE === 'all'
  const counter: KyselyPlugin = {
    transformQuery(args) {
      const text = verbose ? db0.getExecutor().compileQuery(args.node, args.queryId).sql : ''
      started.set(args.queryId, { at: performance.now(), sql: text })
      return args.node
    },
    async transformResult(args) {
      const t = started.get(args.queryId)
      log.push({ sql: t?.sql ?? '', ms: t ? performance.now() - t.at : 0 })
      return args.result
    },
  }
  const app = createApp({
    ...runtime.deps,
    db: db0.withPlugin(counter),
    config: { ...runtime.deps.config, pageCacheBytes: cache ? 64 * 1024 * 1024 : 0 },
  })
  const ids = await sql<{
    pid: number
    cid: number
  }>`select process_id::int as pid, id::int as cid from processes_call order by id desc limit 1`.execute(db)
  const { pid, cid } = ids.rows[0] as { pid: number; cid: number }
  const camp = await sql<{
    id: string
    template: string
  }>`select id, template from consultation_campaign where call_id = ${cid} order by size desc limit 1`.execute(db)
  const broad =
    (camp.rows[0]?.template ?? '')
      .toLowerCase()
      .split(/\s+/)
      .find((w) => /^\p{L}{3,}$/u.test(w)) ?? 'x'
  // page 20 of the filtered list as an old link names it, and where it redirects (keyset)
  const page20 = `/processes/${pid}/contributions?language=fr&stakeholderGroup=individual&page=20`
  const keyset20 = (await app.request(page20, { headers: { host: '127.0.0.1' } })).headers.get('location') ?? page20
  const only = process.env.ONLY
  // PATHS: other requests, '|'-separated, {pid} {cid} {camp} standing for the process, call and largest campaign
  const given = process.env.PATHS?.split('|').map((p) =>
    p.replaceAll('{pid}', String(pid)).replaceAll('{cid}', String(cid)).replaceAll('{camp}', String(camp.rows[0]?.id)),
  )
  const paths =
    given ??
    [
      `/processes/${pid}`,
      `/processes/${pid}/contributions`,
      keyset20,
      `/api/v1/processes/${pid}/contributions?language=zh&after=${keyset20.split('after=')[1] ?? ''}`,
      `/calls/${cid}/campaigns`,
      `/campaigns/${camp.rows[0]?.id}`,
      `/api/v1/calls/${cid}/campaigns`,
      `/calls/${cid}/compilation/campaigns`,
      `/calls/${cid}/search?q=${encodeURIComponent(broad)}`,
      `/calls/${cid}/search?q=${encodeURIComponent(broad)}&language=en&campaign=no`,
      `/calls/${cid}/search?q=${encodeURIComponent('合作')}`,
      `/calls/${cid}/search?q=${encodeURIComponent('بانا')}`,
      `/api/v1/calls/${cid}/contributions/search?q=${encodeURIComponent(broad)}&after=999999999-1`,
    ].filter((p) => !only || only.split('|').some((o) => p.includes(o)))
  const samples = Number(process.env.SAMPLES ?? 10)
  console.log(
    `load ${loadavg()
      .map((n) => fmt(n, 1))
      .join(' / ')}`,
  )
  // PostgreSQL's CPU time: its backends serving this database, from /proc (clock ticks of 10 ms)
  const backendTicks = async () => {
    if (kind === 'pglite') return 0
    const pids = await sql<{
      pid: number
    }>`select pid from pg_stat_activity where datname = current_database()`.execute(db0)
    let ticks = 0
    for (const { pid } of pids.rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
        ticks += Number(f[11]) + Number(f[12])
      } catch {}
    }
    return ticks
  }
  for (const path of paths) {
    const times: number[] = []
    const cpus: number[] = []
    let status = 0
    let queries = 0
    let bytes = 0
    let encoding = ''
    let slowest: { sql: string; ms: number }[] = []
    let ticks0 = 0
    let etag = ''
    for (let i = 0; i < samples + 2; i++) {
      if (i === 2) ticks0 = await backendTicks()
      log = []
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const headers = {
        host: '127.0.0.1',
        'accept-encoding': 'gzip',
        ...(cache === '304' && { 'if-none-match': etag }),
      }
      const res = await app.request(path, { headers })
      bytes = (await res.arrayBuffer()).byteLength
      etag = res.headers.get('etag') ?? ''
      encoding = res.headers.get('content-encoding') ?? 'identity'
      status = res.status
      queries = log.length
      slowest = [...log].sort((a, b) => b.ms - a.ms).slice(0, process.env.VERBOSE === 'all' ? log.length : 3)
      if (i >= 2) {
        times.push(performance.now() - t0)
        const u = process.cpuUsage(c0)
        cpus.push((u.user + u.system) / 1000)
      }
    }
    const pgCpu =
      kind === 'pglite' ? '' : `; PostgreSQL CPU mean ${fmt((((await backendTicks()) - ticks0) * 10) / samples)} ms`
    times.sort((a, b) => a - b)
    cpus.sort((a, b) => a - b)
    console.log(
      `${status} ${path}: p50 ${fmt(percentile(times, 50))} p99 ${fmt(percentile(times, 99))} ms; node CPU p50 ${fmt(percentile(cpus, 50))} p99 ${fmt(percentile(cpus, 99))} ms${pgCpu}; ${queries} queries, ${fmt(bytes / 1024)} KB ${encoding}${etag ? ' (ETag)' : ''}, slowest ${slowest
        .slice(0, 3)
        .map((q) => fmt(q.ms))
        .join(', ')} ms`,
    )
    if (verbose) for (const q of slowest) console.log(`  ${fmt(q.ms)} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`)
  }
  await runtime.close()
}

/** bench/consultation-multiply.sql on this database (PGlite has no psql): the call 50 times larger. */
async function multiply() {
  const runtime = await openRuntime(testConfig({ env: 'production' }), { target: target(), log: createLogger('error') })
  const script = readFileSync(new URL('./consultation-multiply.sql', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n')
    // WebAssembly's memory is smaller than a server's
    .replaceAll("'512MB'", kind === 'pglite' ? "'128MB'" : "'512MB'")
  // VACUUM cannot run inside a script's implicit transaction: on its own, after
  const [body, vacuum] = script.split(/^vacuum analyze;$/m)
  const t0 = performance.now()
  await sql.raw(`${SCRIPT_MARKER}\n${body}`).execute(runtime.deps.db)
  console.log(`copied in ${fmt((performance.now() - t0) / 1000)} s, load ${loadavg()[0]}`)
  if (vacuum !== undefined) await sql`vacuum analyze`.execute(runtime.deps.db)
  console.log(`multiplied in ${fmt((performance.now() - t0) / 1000)} s, load ${loadavg()[0]}`)
  await runtime.close()
}

if (mode === 'build') await build()
else if (mode === 'multiply') await multiply()
else await time()
process.exit(0)
