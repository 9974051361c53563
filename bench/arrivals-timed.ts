// The rebuild bench's arrivals (bench/arrivals.ts) stored, then assigned one by one: wall time of
// each, by kind, with this process's CPU and the PostgreSQL backends' CPU (from /proc), and where
// the slowest ones spent their time (each phase of the assignment, and garbage collection). With
// `flushEveryMs` the GIN pending lists are merged on a timer meanwhile, as the server's job does.
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { PerformanceObserver } from 'node:perf_hooks'
import { sql } from 'kysely'
import type { Db } from '../src/core/db/database.ts'
import { cleanGinPendingLists } from '../src/core/db/upkeep.ts'
import { type AssignPhase, assignContribution } from '../src/modules/consultation/index.ts'
import { contributionTexts, insertImportedContributions } from '../src/modules/contributions/index.ts'
import { ARRIVAL_KINDS, type ArrivalKind, arrivalMix } from './arrivals.ts'
import { fmt, percentile } from './measure.ts'

const PHASES: AssignPhase[] = ['probed', 'written', 'committed']
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')

/**
 * Milliseconds the given processes (`self`: this one's main thread) have run on a core, and waited
 * in the run queue for one, so far (Linux schedstat): under load, the wait is where time goes.
 */
function schedOf(pids: (number | 'self')[]): { run: number; wait: number } {
  let run = 0
  let wait = 0
  for (const pid of pids) {
    try {
      const [r, w] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')
      run += Number(r) / 1e6
      wait += Number(w) / 1e6
    } catch {
      // a backend that ended
    }
  }
  return { run, wait }
}

interface Timed {
  kind: ArrivalKind
  wall: number
  cpu: number
  /** this process's main thread waiting in the run queue; the backends' CPU and run-queue wait */
  nodeWait: number
  pgCpu: number
  pgWait: number
  /** milliseconds from the start to each phase */
  phases: Partial<Record<AssignPhase, number>>
  gc: number
}

export async function timeArrivals(
  db: Db,
  call: { callId: number; processId: number; questionId: number },
  n: number,
  postgres: boolean,
  /** flushDb: the flusher's own connection on PostgreSQL (its CPU is not an arrival's) */
  options: { flushEveryMs?: number; flushDb?: Db } = {},
): Promise<string[]> {
  const run = Date.now()
  const source = (
    await sql<{ id: number; accountId: number }>`select id::int, account_id::int as "accountId"
      from consultation_import where call_id = ${call.callId} order by id limit 1`.execute(db)
  ).rows[0]
  if (!source) throw new Error(`call ${call.callId} has no import to add the arrivals to`)
  const mix = await arrivalMix(db, call.callId, n, run % 100_000)
  const stored = await insertImportedContributions(
    db,
    {
      callId: call.callId,
      processId: call.processId,
      authorAccountId: source.accountId,
      importId: source.id,
      sourceFile: 'arrivals',
    },
    mix.map((a, i) => ({
      externalId: `late-${run}-${i}`,
      submittedAt: new Date(),
      speakingFor: 'self' as const,
      memberStateIso3: null,
      organizationId: null,
      contributorName: `Arrival ${i}`,
      stakeholderGroup: 'individual',
      regionalGroup: null,
      ldc: false,
      lldc: false,
      sids: false,
      language: a.language,
      questionId: call.questionId,
      text: a.text,
      sourceLine: i + 1,
    })),
  )
  const kindOf = new Map(stored.map((s, i) => [Number(s.id), (mix[i] as (typeof mix)[number]).kind]))
  const texts = await contributionTexts(
    db,
    stored.map((s) => Number(s.id)),
  )
  const flushDb = options.flushDb ?? db
  const flusherPid = postgres
    ? (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(flushDb)).rows[0]?.pid
    : undefined
  const pids = postgres
    ? (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend'`.execute(db)
      ).rows
        .map((r) => r.pid)
        .filter((pid) => options.flushDb === undefined || pid !== flusherPid)
    : []
  const gcs: { start: number; end: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  const timed: Timed[] = []
  // the server's job: on PostgreSQL on its own connection, on a timer; on PGlite's one connection
  // in turn, between two arrivals (PGlite answers without leaving timers a turn), timed apart
  const flushes = { runs: 0, pages: 0, ms: 0, max: 0 }
  let flushing: Promise<void> | null = null
  let lastFlush = performance.now()
  const flush = () => {
    const f0 = performance.now()
    lastFlush = f0
    flushing = cleanGinPendingLists(flushDb).then((cleaned) => {
      const ms = performance.now() - f0
      flushes.runs++
      flushes.pages += Object.values(cleaned).reduce((a, b) => a + b, 0)
      flushes.ms += ms
      flushes.max = Math.max(flushes.max, ms)
      flushing = null
    })
    return flushing
  }
  const every = options.flushEveryMs
  const flusher = every && postgres ? setInterval(() => void (flushing ?? flush()), every) : null
  const loadBefore = load()
  // in the mix's order (shuffled): a text's own earlier copy may be among the arrivals
  texts.sort((a, b) => a.id - b.id)
  for (const text of texts) {
    if (every && !postgres && performance.now() - lastFlush >= every) await flush()
    const pg0 = schedOf(pids)
    const self0 = schedOf(['self'])
    const c0 = process.cpuUsage()
    const phases: Timed['phases'] = {}
    const t0 = performance.now()
    await assignContribution(db, text, {
      onPhase: (p) => {
        phases[p] = performance.now() - t0
      },
    })
    const wall = performance.now() - t0
    const u = process.cpuUsage(c0)
    const pg1 = schedOf(pids)
    const self1 = schedOf(['self'])
    const gc = gcs.reduce((s, g) => s + Math.max(0, Math.min(g.end, t0 + wall) - Math.max(g.start, t0)), 0)
    timed.push({
      kind: kindOf.get(text.id) ?? 'new',
      wall,
      cpu: (u.user + u.system) / 1000,
      nodeWait: self1.wait - self0.wait,
      pgCpu: pg1.run - pg0.run,
      pgWait: pg1.wait - pg0.wait,
      phases,
      gc,
    })
  }
  observer.disconnect()
  if (flusher) clearInterval(flusher)
  await flushing
  const lines = report(timed, postgres, `load ${loadBefore} before, ${load()} after`)
  if (every)
    lines.push(
      `  pending lists merged every ${every} ms: ${flushes.runs} runs, ${flushes.pages} pages, ${fmt(flushes.ms, 0)} ms (the longest ${fmt(flushes.max, 0)} ms)`,
    )
  return lines
}

function summary(label: string, rows: Timed[], postgres: boolean): string {
  const walls = rows.map((r) => r.wall).sort((a, b) => a - b)
  const mean = (f: (r: Timed) => number) => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, rows.length)
  const pg = postgres
    ? ` + ${fmt(
        mean((r) => r.pgCpu),
        2,
      )} ms in PostgreSQL`
    : ''
  // the tail's far end too: one arrival in a few hundred used to pay a GIN pending-list merge
  const far = rows.length >= 1000 ? `, p99.9 ${fmt(percentile(walls, 99.9), 2)} ms` : ''
  return `${label} (${rows.length}): mean ${fmt(
    mean((r) => r.wall),
    2,
  )} ms, p50 ${fmt(percentile(walls, 50), 2)} ms, p99 ${fmt(percentile(walls, 99), 2)} ms${far}, max ${fmt(
    walls.at(-1) ?? 0,
    2,
  )} ms; CPU ${fmt(
    mean((r) => r.cpu),
    2,
  )} ms in this process${pg} each`
}

/**
 * Mean milliseconds of the given arrivals in each phase (from the previous point reached), and
 * what the wall time was made of: CPU and run-queue wait of this process and of PostgreSQL, GC,
 * and the rest (waiting on the disk at commit, or on a lock).
 */
function phasesOf(rows: Timed[]): string {
  const mean = (f: (r: Timed) => number) => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, rows.length)
  const at = (r: Timed, i: number): number => (i < 0 ? 0 : (r.phases[PHASES[i] as AssignPhase] ?? at(r, i - 1)))
  const parts = PHASES.map(
    (p, i) =>
      `${p} ${fmt(
        mean((r) => at(r, i) - at(r, i - 1)),
        2,
      )}`,
  )
  const rest = (r: Timed) => r.wall - r.cpu - r.nodeWait - r.pgCpu - r.pgWait
  const made = [
    `CPU ${fmt(
      mean((r) => r.cpu),
      2,
    )} + PostgreSQL ${fmt(
      mean((r) => r.pgCpu),
      2,
    )}`,
    `run queue ${fmt(
      mean((r) => r.nodeWait),
      2,
    )} + PostgreSQL ${fmt(
      mean((r) => r.pgWait),
      2,
    )}`,
    `GC ${fmt(
      mean((r) => r.gc),
      2,
    )}`,
    `rest (disk, locks) ${fmt(mean(rest), 2)}`,
  ]
  return `${parts.join(', ')}; made of ${made.join(', ')} ms`
}

function report(timed: Timed[], postgres: boolean, loads: string): string[] {
  const lines = [
    `arrivals: ${ARRIVAL_KINDS.map((k) => `${timed.filter((t) => t.kind === k).length} ${k}`).join(', ')}; ${loads}`,
  ]
  lines.push(`  ${summary('all', timed, postgres)}`)
  // the first after a rebuild plans every statement against the swapped-in tables
  const firsts = timed.slice(0, 3)
  if (firsts.length > 0)
    lines.push(
      `  first: ${firsts.map((t) => `${t.kind} ${fmt(t.wall, 2)} ms, CPU ${fmt(t.cpu, 2)} + PostgreSQL ${fmt(t.pgCpu, 2)} ms`).join('; ')}`,
    )
  const slow = (ms: number) => timed.filter((t) => t.wall > ms).length
  // the work's own tail, whatever the load: an arrival that merged a pending list spent it here
  const work = timed.map((t) => t.cpu + t.pgCpu).sort((a, b) => a - b)
  lines.push(
    `  over 50 ms: ${slow(50)}, over 100 ms: ${slow(100)}; CPU here + in PostgreSQL p99 ${fmt(percentile(work, 99), 1)}, p99.9 ${fmt(percentile(work, 99.9), 1)}, max ${fmt(work.at(-1) ?? 0, 1)} ms, over 20 ms: ${work.filter((w) => w > 20).length}; PostgreSQL CPU of all: ${fmt(
      timed.reduce((s, t) => s + t.pgCpu, 0),
      0,
    )} ms`,
  )
  for (const kind of ARRIVAL_KINDS) {
    const rows = timed.filter((t) => t.kind === kind)
    if (rows.length > 0) lines.push(`  ${summary(kind, rows, postgres)}`)
  }
  // the tail: the slowest 5 % against the rest, phase by phase (ms from the previous point)
  const sorted = [...timed].sort((a, b) => a.wall - b.wall)
  const cut = Math.floor(sorted.length * 0.95)
  lines.push(`  phases of the fastest 95 %: ${phasesOf(sorted.slice(0, cut))}`)
  lines.push(`  phases of the slowest 5 %: ${phasesOf(sorted.slice(cut))}`)
  for (const r of sorted.slice(-3)) lines.push(`  slow: ${r.kind} ${fmt(r.wall, 2)} ms, ${phasesOf([r])}`)
  return lines
}
