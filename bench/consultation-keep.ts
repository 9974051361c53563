// A consultation dataset kept between runs (issue 13's read budgets): `build` makes a PostgreSQL
// database (or a PGlite directory) with the demo and ROWS generated contributions imported into one
// call, campaigns rebuilt; `time` opens it and prints the pages' server time, CPU time and query
// count per request. Usage: node --import tsx bench/consultation-keep.ts build|time pg|pglite NAME [ROWS]
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type KyselyPlugin, sql } from 'kysely'
import pg from 'pg'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { DatabaseTarget } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import { loadDemo } from '../src/demo.ts'
import { rebuildCampaigns, runImport, startImport } from '../src/modules/consultation/index.ts'
import {
  changeProcessState,
  createProcess,
  guidingQuestions,
  listBodies,
  openCall,
} from '../src/modules/processes/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { writeConsultationCsv } from './consultation-data.ts'
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
  const body = (await listBodies(db))[0]
  if (!body) throw new Error('no body')
  const p = await createProcess(db, system(), {
    bodyId: body.id,
    slug: 'open-consultation-keep',
    title: 'Open consultation (bench)',
    mandateSymbol: 'A/RES/70/125',
    questions: ['What should enhanced cooperation achieve?'],
  })
  if (!p.ok) throw new Error(JSON.stringify(p.error))
  await changeProcessState(db, system(), p.value.id, { to: 'active' })
  const question = (await guidingQuestions(db, p.value.id))[0]?.id as number
  const call = await openCall(db, system(), p.value.id, {
    title: 'Open call (bench)',
    opensAt: new Date(Date.UTC(2026, 9, 1)),
    closesAt: new Date(Date.UTC(2027, 1, 1)),
    eligibility: 'everyone',
    languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
    moderation: 'immediate',
    questionIds: [question],
  })
  if (!call.ok) throw new Error(JSON.stringify(call.error))
  const admin = await sql<{
    id: number
  }>`select account_id::int as id from auth_role_grant where role = 'administrator' order by id limit 1`.execute(db)
  const started = await startImport(db, system(), {
    callId: call.value.id,
    accountId: admin.rows[0]?.id as number,
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
  const r = await rebuildCampaigns(db, system(), call.value.id)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  console.log(`rebuilt in ${fmt((performance.now() - t1) / 1000)} s; process ${p.value.id}, call ${call.value.id}`)
  rmSync(dir, { recursive: true, force: true })
  await runtime.close()
}

async function time() {
  const runtime = await openRuntime(testConfig({ env: 'production' }), { target: target(), log: createLogger('error') })
  const db = runtime.deps.db
  const { createApp } = await import('../src/app.ts')
  // counts and times each query of a request (compiled SQL and milliseconds)
  let log: { sql: string; ms: number }[] = []
  const started = new Map<unknown, number>()
  const counter: KyselyPlugin = {
    transformQuery(args) {
      started.set(args.queryId, performance.now())
      return args.node
    },
    async transformResult(args) {
      const t = started.get(args.queryId)
      log.push({ sql: String((args.queryId as { queryId?: string }).queryId ?? ''), ms: t ? performance.now() - t : 0 })
      return args.result
    },
  }
  const db0 = runtime.deps.db
  const app = createApp({
    ...runtime.deps,
    db: db0.withPlugin(counter),
    config: { ...runtime.deps.config, pageCacheBytes: 0 },
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
  const only = process.env.ONLY
  const paths = [
    `/processes/${pid}`,
    `/processes/${pid}/contributions`,
    `/processes/${pid}/contributions?language=fr&stakeholderGroup=individual&page=20`,
    `/calls/${cid}/campaigns`,
    `/campaigns/${camp.rows[0]?.id}`,
    `/api/v1/calls/${cid}/campaigns`,
    `/calls/${cid}/compilation/campaigns`,
    `/calls/${cid}/search?q=${encodeURIComponent(broad)}`,
    `/calls/${cid}/search?q=${encodeURIComponent(broad)}&language=en&campaign=no`,
    `/calls/${cid}/search?q=${encodeURIComponent('合作')}`,
    `/calls/${cid}/search?q=${encodeURIComponent('بانا')}`,
    `/api/v1/calls/${cid}/contributions/search?q=${encodeURIComponent(broad)}&after=999999999-1`,
  ].filter((p) => !only || p.includes(only))
  const samples = Number(process.env.SAMPLES ?? 10)
  console.log(
    `load ${loadavg()
      .map((n) => fmt(n, 1))
      .join(' / ')}`,
  )
  for (const path of paths) {
    const times: number[] = []
    const cpus: number[] = []
    let status = 0
    let queries = 0
    let slowest: number[] = []
    for (let i = 0; i < samples + 2; i++) {
      log = []
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const res = await app.request(path, { headers: { host: '127.0.0.1' } })
      await res.arrayBuffer()
      status = res.status
      queries = log.length
      slowest = log
        .map((q) => q.ms)
        .sort((a, b) => b - a)
        .slice(0, 3)
      if (i >= 2) {
        times.push(performance.now() - t0)
        const u = process.cpuUsage(c0)
        cpus.push((u.user + u.system) / 1000)
      }
    }
    times.sort((a, b) => a - b)
    cpus.sort((a, b) => a - b)
    console.log(
      `${status} ${path}: p50 ${fmt(percentile(times, 50))} p99 ${fmt(percentile(times, 99))} ms; node CPU p50 ${fmt(percentile(cpus, 50))} ms; ${queries} queries, slowest ${slowest.map((n) => fmt(n)).join(', ')} ms`,
    )
  }
  await runtime.close()
}

if (mode === 'build') await build()
else await time()
process.exit(0)
