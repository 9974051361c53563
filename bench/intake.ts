// The bulk intake alone (issue 13's import budget), quicker to repeat than the consultation
// scenario: a fresh database with the demo and one open call, ROWS generated contributions as CSV
// (kept in /tmp between runs), PostgreSQL's own COPY of the file into a plain table, then the
// import's batches (its search pass is not run: the run stops when the last batch is committed).
// Prints wall time, this process's CPU and the PostgreSQL backends' CPU (from /proc), load average,
// and this process's CPU for each tenth of the rows (on PGlite the database's too: a cost per row
// that grows with the table shows there). `--search` runs the import's search pass after the
// batches and prints its CPU (and PostgreSQL's); PROFILE=1 (PGlite) lists the statements by CPU.
// PGlite keeps its files in a fresh temporary directory, as a server keeps its data directory
// (removed at the end unless KEEP=1; PGLITE_DIR=path to choose it). Not in memory: PGlite's
// in-memory file system copies a whole file each time PostgreSQL extends it (posix_fallocate
// becomes a resize to the exact size), so a table's every extension cost its size and the intake
// grew quadratically there (100,000: 46 s of CPU in memory, 10.4 s in a directory; lane pgliteintake).
// Usage: [INTAKE_CONCURRENCY=1|2] [INTAKE_BATCH=N] [INTAKE_CSV=file] node --import tsx bench/intake.ts
//   pg|pglite ROWS [DATABASE_NAME] [--search]
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { testConfig } from '../src/config.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { DatabaseTarget, Db } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import { loadDemo } from '../src/demo.ts'
import { runImport, startImport } from '../src/modules/consultation/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { benchCall, writeConsultationCsv } from './consultation-data.ts'
import { phaseClock } from './intake-phases.ts'
import { fmt } from './measure.ts'
import { profilePGlite } from './pglite-profile.ts'
import { serverCpu, serverCpuSampler } from './server-cpu.ts'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const searchPass = process.argv.includes('--search')
const [kind = 'pg', rowsArg, nameArg] = args
const ROWS = Number(rowsArg ?? 100_000)
const name = nameArg ?? 'intake_bench'
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const system = () => ({ actor: SYSTEM, now: new Date() })
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')
class IntakeDone extends Error {}
const profile = kind === 'pglite' && process.env.PROFILE === '1' ? profilePGlite() : null
const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** PGlite's WAL, checkpoints and buffer traffic so far (what a growing table costs besides its rows). */
async function pgliteStats(db: Db) {
  const q = async (text: string) => (await sql.raw(text).execute(db)).rows
  const show = async (text: string) => console.log(JSON.stringify(await q(text).catch((e: Error) => e.message)))
  await show('select wal_records, wal_fpi, pg_size_pretty(wal_bytes) as wal from pg_stat_wal')
  await show('select num_timed, num_requested, buffers_written from pg_stat_checkpointer')
  await show(`select object, context, sum(reads) as reads, sum(writes) as writes, sum(extends) as extends,
    sum(evictions) as evictions, sum(hits) as hits from pg_stat_io where reads + writes + extends + evictions > 0
    group by 1, 2 order by 1, 2`)
  await show(`select pg_size_pretty(pg_database_size(current_database())) as db,
    pg_size_pretty(pg_total_relation_size('contributions_contribution')) as contributions`)
}

async function main() {
  const file = process.env.INTAKE_CSV ?? `/tmp/ecp-intake-${ROWS}.csv`
  if (!existsSync(file)) await writeConsultationCsv(file, ROWS)
  const pgliteDir = kind !== 'pglite' ? '' : (process.env.PGLITE_DIR ?? mkdtempSync(join(tmpdir(), 'ecp-intake-')))
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
    kind === 'pglite' ? { kind: 'pglite', dataDir: pgliteDir } : { kind: 'postgresql', url: url.toString() }
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
  let searchFrom = { cpu: 0, wall: 0 }
  let searchServer = null as Awaited<ReturnType<typeof serverCpuSampler>> | null
  profile?.reset()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let printed = false
  // this process's CPU for each tenth of the rows
  const tenths: number[] = []
  let tenthFrom = cpuNow()
  const phases = phaseClock()
  const imported = await runImport(db, system(), started.value.id, createReadStream(file, { highWaterMark: 1 << 20 }), {
    ...(process.env.INTAKE_CONCURRENCY ? { concurrency: Number(process.env.INTAKE_CONCURRENCY) } : {}),
    ...(process.env.INTAKE_BATCH ? { batchSize: Number(process.env.INTAKE_BATCH) } : {}),
    onPhase: phases.mark,
    onProgress: (p) => {
      if (p.records >= ((tenths.length + 1) * ROWS) / 10) {
        const now = cpuNow()
        tenths.push(now - tenthFrom)
        tenthFrom = now
      }
    },
    onIntakeDone: async () => {
      const s = (performance.now() - t0) / 1000
      const u = process.cpuUsage(cpu0)
      const serverSeconds = (await server?.read()) ?? 0
      server?.stop()
      const here = (u.user + u.system) / 1e6
      console.log(
        `intake: ${fmt(s, 2)} s (${fmt(ROWS / s, 0)} rows/s), ${fmt(here, 2)} s CPU here, ${fmt(serverSeconds, 2)} s in PostgreSQL; load ${load()}`,
      )
      // on 2 cores the wall cannot be under the CPU of both sides over 2 (PostgreSQL's 0 on PGlite: its CPU is here)
      if (kind !== 'pglite')
        console.log(
          `2-core floor (CPU here + in PostgreSQL) / 2: ${fmt((here + serverSeconds) / 2, 2)} s, wall over it: ${fmt(s - (here + serverSeconds) / 2, 2)} s (user ${fmt(u.user / 1e6, 2)} s, system ${fmt(u.system / 1e6, 2)} s here)`,
        )
      console.log(phases.report())
      if (kind === 'pglite') await pgliteStats(db)
      console.log(`CPU per tenth of the rows: ${tenths.map((t) => fmt(t, 2)).join(' / ')} s`)
      if (profile) {
        console.log(`${profile.statements()} statements; by CPU:\n${profile.report()}`)
        const tenth = Math.max(1, Math.round(ROWS / 5000 / 10))
        for (const prefix of ['copy', 'select contributions_counts_of_batch'])
          console.log(
            `${prefix}, CPU per ${tenth} batches: ${profile
              .series(prefix, tenth)
              .map((t) => fmt(t, 2))
              .join(' / ')}`,
          )
      }
      profile?.reset()
      printed = true
      if (!searchPass) throw new IntakeDone()
      searchFrom = { cpu: cpuNow(), wall: performance.now() }
      if (kind !== 'pglite') searchServer = await serverCpuSampler(db)
    },
  })
  if (!printed) throw new Error('the import failed before its end')
  if (searchPass) {
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    const s = (performance.now() - searchFrom.wall) / 1000
    const inServer = (await searchServer?.read()) ?? 0
    searchServer?.stop()
    console.log(
      `search pass: ${fmt(s, 2)} s, ${fmt(cpuNow() - searchFrom.cpu, 2)} s CPU here, ${fmt(inServer, 2)} s in PostgreSQL; load ${load()}`,
    )
    if (profile) {
      console.log(`${profile.statements()} statements; by CPU:\n${profile.report()}`)
      const chunks = profile.series('select contributions_search_index_imported')
      const per = Math.max(1, Math.round(chunks.length / 10))
      console.log(
        `search chunks, CPU per ${per}: ${profile
          .series('select contributions_search_index_imported', per)
          .map((t) => fmt(t, 2))
          .join(' / ')}`,
      )
    }
  }
  const n = await sql<{
    n: string
  }>`select count(*) as n from contributions_contribution where call_id = ${bench.callId}`.execute(db)
  console.log(`rows stored: ${n.rows[0]?.n}`)
  await runtime.close()
  if (kind === 'pglite' && !process.env.PGLITE_DIR && process.env.KEEP !== '1')
    rmSync(pgliteDir, { recursive: true, force: true })
  if (kind !== 'pglite' && process.env.KEEP !== '1') {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  }
}

await main()
