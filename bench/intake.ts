// The bulk intake alone (issue 13's import budget), quicker to repeat than the consultation
// scenario: a fresh database with the demo and one open call, ROWS generated contributions as CSV
// (kept in /tmp between runs), PostgreSQL's own COPY of the file into a plain table, then the
// import's batches (its search pass is not run: the run stops when the last batch is committed).
// Prints wall time, this process's CPU and the PostgreSQL backends' CPU (from /proc), load average.
// Usage: [INTAKE_CONCURRENCY=1|2] node --import tsx bench/intake.ts pg|pglite ROWS [DATABASE_NAME]
import { createReadStream, existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { DatabaseTarget } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import { loadDemo } from '../src/demo.ts'
import { runImport, startImport } from '../src/modules/consultation/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { benchCall, writeConsultationCsv } from './consultation-data.ts'
import { fmt } from './measure.ts'
import { serverCpu, serverCpuSampler } from './server-cpu.ts'

const [kind = 'pg', rowsArg, nameArg] = process.argv.slice(2)
const ROWS = Number(rowsArg ?? 100_000)
const name = nameArg ?? 'intake_bench'
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const system = () => ({ actor: SYSTEM, now: new Date() })
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')
class IntakeDone extends Error {}

async function main() {
  const file = `/tmp/ecp-intake-${ROWS}.csv`
  if (!existsSync(file)) await writeConsultationCsv(file, ROWS)
  const url = new URL(base)
  url.pathname = `/${name}`
  if (kind !== 'pglite') {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.query(`create database ${name}`)
    await c.end()
  }
  const target: DatabaseTarget =
    kind === 'pglite' ? { kind: 'pglite', dataDir: 'memory' } : { kind: 'postgresql', url: url.toString() }
  const runtime = await openRuntime(testConfig({ env: 'production' }), { target, log: createLogger('error') })
  const db = runtime.deps.db
  await loadDemo(runtime)
  const bench = await benchCall(db, 'open-consultation-intake')

  if (kind !== 'pglite') {
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    await client.query(`create table bench_copy (external_id text, submitted_at timestamptz, speaker_kind text,
      speaker_name text, organization text, country text, language text, question int, text text)`)
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number
    const c0 = serverCpu([pid]) ?? 0
    const t0 = performance.now()
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('copy bench_copy from stdin (format csv, header true)')),
    )
    const s = (performance.now() - t0) / 1000
    console.log(`COPY: ${fmt(s, 2)} s, ${fmt((serverCpu([pid]) ?? 0) - c0, 2)} s CPU in PostgreSQL; load ${load()}`)
    await client.query('drop table bench_copy')
    await client.end()
  }

  const started = await startImport(db, system(), {
    callId: bench.callId,
    accountId: bench.accountId,
    fileName: 'c.csv',
    format: 'csv',
    sha256: `intake-${ROWS}`,
  })
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  const server = kind === 'pglite' ? null : await serverCpuSampler(db)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let printed = false
  await runImport(db, system(), started.value.id, createReadStream(file), {
    ...(process.env.INTAKE_CONCURRENCY ? { concurrency: Number(process.env.INTAKE_CONCURRENCY) } : {}),
    onIntakeDone: async () => {
      const s = (performance.now() - t0) / 1000
      const u = process.cpuUsage(cpu0)
      const serverSeconds = (await server?.read()) ?? 0
      server?.stop()
      console.log(
        `intake: ${fmt(s, 2)} s (${fmt(ROWS / s, 0)} rows/s), ${fmt((u.user + u.system) / 1e6, 2)} s CPU here, ${fmt(serverSeconds, 2)} s in PostgreSQL; load ${load()}`,
      )
      printed = true
      throw new IntakeDone()
    },
  })
  if (!printed) throw new Error('the import failed before its end')
  const n = await sql<{
    n: string
  }>`select count(*) as n from contributions_contribution where call_id = ${bench.callId}`.execute(db)
  console.log(`rows stored: ${n.rows[0]?.n}`)
  await runtime.close()
  if (kind !== 'pglite' && process.env.KEEP !== '1') {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  }
}

await main()
