// The rebuild bench's arrivals (bench/arrivals.ts) stored, then assigned one by one: wall time of
// each, by kind, with this process's CPU and the PostgreSQL backends' CPU (from /proc), and where
// the slowest ones spent their time (each phase of the assignment, and garbage collection).
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { PerformanceObserver } from 'node:perf_hooks'
import { sql } from 'kysely'
import type { Db } from '../src/core/db/database.ts'
import { type AssignPhase, assignContribution } from '../src/modules/consultation/index.ts'
import { contributionTexts, insertImportedContributions } from '../src/modules/contributions/index.ts'
import { ARRIVAL_KINDS, type ArrivalKind, arrivalMix } from './arrivals.ts'
import { fmt, percentile } from './measure.ts'

const PHASES: AssignPhase[] = ['begun', 'locked', 'probed', 'written', 'committed']
const load = () =>
  loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ')

/** CPU ticks (1/100 s) the given backends have used so far. */
function ticksOf(pids: number[]): number {
  let sum = 0
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      sum += Number(fields[11]) + Number(fields[12])
    } catch {
      // a backend that ended
    }
  }
  return sum
}

interface Timed {
  kind: ArrivalKind
  wall: number
  cpu: number
  pgTicks: number
  /** milliseconds from the start to each phase */
  phases: Partial<Record<AssignPhase, number>>
  gc: number
}

export async function timeArrivals(
  db: Db,
  call: { callId: number; processId: number; questionId: number },
  n: number,
  postgres: boolean,
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
  const pids = postgres
    ? (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend'`.execute(db)
      ).rows.map((r) => r.pid)
    : []
  const gcs: { start: number; end: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  const timed: Timed[] = []
  const loadBefore = load()
  // in the mix's order (shuffled): a text's own earlier copy may be among the arrivals
  texts.sort((a, b) => a.id - b.id)
  for (const text of texts) {
    const ticks = ticksOf(pids)
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
    const gc = gcs.reduce((s, g) => s + Math.max(0, Math.min(g.end, t0 + wall) - Math.max(g.start, t0)), 0)
    timed.push({
      kind: kindOf.get(text.id) ?? 'new',
      wall,
      cpu: (u.user + u.system) / 1000,
      pgTicks: ticksOf(pids) - ticks,
      phases,
      gc,
    })
  }
  observer.disconnect()
  return report(timed, postgres, `load ${loadBefore} before, ${load()} after`)
}

function summary(label: string, rows: Timed[], postgres: boolean): string {
  const walls = rows.map((r) => r.wall).sort((a, b) => a - b)
  const mean = (f: (r: Timed) => number) => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, rows.length)
  const pg = postgres
    ? ` + ${fmt(
        mean((r) => r.pgTicks * 10),
        2,
      )} ms in PostgreSQL`
    : ''
  return `${label} (${rows.length}): p50 ${fmt(percentile(walls, 50), 2)} ms, p99 ${fmt(percentile(walls, 99), 2)} ms; CPU ${fmt(
    mean((r) => r.cpu),
    2,
  )} ms in this process${pg} each`
}

/** Mean milliseconds in each phase (from the previous point) of the given arrivals, and in GC. */
function phasesOf(rows: Timed[]): string {
  const mean = (f: (r: Timed) => number) => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, rows.length)
  const parts = PHASES.map((p, i) => {
    const from = (r: Timed) => (i === 0 ? 0 : (r.phases[PHASES[i - 1] as AssignPhase] ?? 0))
    return `${p} ${fmt(
      mean((r) => (r.phases[p] ?? 0) - from(r)),
      2,
    )}`
  })
  return `${parts.join(', ')}; GC ${fmt(
    mean((r) => r.gc),
    2,
  )} ms`
}

function report(timed: Timed[], postgres: boolean, loads: string): string[] {
  const lines = [
    `arrivals: ${ARRIVAL_KINDS.map((k) => `${timed.filter((t) => t.kind === k).length} ${k}`).join(', ')}; ${loads}`,
  ]
  lines.push(`  ${summary('all', timed, postgres)}`)
  for (const kind of ARRIVAL_KINDS) {
    const rows = timed.filter((t) => t.kind === kind)
    if (rows.length > 0) lines.push(`  ${summary(kind, rows, postgres)}`)
  }
  // the tail: the slowest 5 % against the rest, phase by phase (ms from the previous point)
  const sorted = [...timed].sort((a, b) => a.wall - b.wall)
  const cut = Math.floor(sorted.length * 0.95)
  lines.push(`  phases of the fastest 95 %: ${phasesOf(sorted.slice(0, cut))}`)
  lines.push(`  phases of the slowest 5 %: ${phasesOf(sorted.slice(cut))}`)
  for (const r of sorted.slice(-3))
    lines.push(
      `  slow: ${r.kind} ${fmt(r.wall, 2)} ms, ${phasesOf([r])}, CPU ${fmt(r.cpu, 2)} ms${postgres ? ` + ${r.pgTicks * 10} ms` : ''}`,
    )
  return lines
}
