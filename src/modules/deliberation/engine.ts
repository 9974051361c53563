// Runs the analysis of a deliberation and stores it. A process keeps each deliberation's vote
// grid in memory after the first run, so the next run reads only the votes changed since (the
// vote sequence) and warm-starts from the last components and base centres: an incremental
// update. The stored state makes a cold run in a fresh process start warm too. The cache is
// only speed: what matters is in the database. The computation itself runs in a worker thread
// (off-thread.ts), so pages keep answering while a large analysis runs; runs of one deliberation
// follow each other, never overlap (they share its grid).
import type { Db } from '../../core/db/database.ts'
import { REGIONAL_GROUPS } from '../actors/index.ts'
import { analyzeOffThread } from './off-thread.ts'
import { findAnalysis, participantsOf, statementsOf, votesSince } from './queries.ts'
import { saveAnalysis } from './queries-write.ts'
import type { AnalysisResult, AnalysisState } from './rules/analyze.ts'
import { DECLARED_STAKEHOLDER_GROUPS } from './rules/declared.ts'
import { type Vote, VoteGrid } from './rules/matrix.ts'

interface Cached {
  grid: VoteGrid
  lastSeq: number
  lastParticipant: number
  /** participant id (as a grid key) -> declared groups' indices */
  regional: Map<string, number>
  stakeholder: Map<string, number>
  /** participant id -> identifier shown (the one given at import, or ecp's id) */
  shown: Map<string, string>
  state: AnalysisState | undefined
}

const cache = new Map<number, Cached>()

/** Forgets the in-memory grids (tests; or to force a cold run). */
export function forgetCachedAnalyses(): void {
  cache.clear()
}

export interface AnalysisRun {
  result: AnalysisResult
  durationMs: number
  computedAt: Date
  /** whether the run started from a grid already in memory */
  incremental: boolean
  votesRead: number
  /** wall and CPU milliseconds (the process's, its worker included) of each step, in order */
  phases: Array<{ phase: 'read' | 'prepare' | 'compute' | 'save'; wallMs: number; cpuMs: number }>
}

const regionalIndex = new Map<string, number>(REGIONAL_GROUPS.map((g, i) => [g, i]))
const stakeholderIndex = new Map<string, number>(DECLARED_STAKEHOLDER_GROUPS.map((g, i) => [g, i]))

const running = new Map<number, Promise<AnalysisRun>>()

/** Recomputes the analysis of a deliberation from its votes and stores it (after any run of it under way). */
export function runAnalysis(db: Db, deliberationId: number, now: () => Date = () => new Date()): Promise<AnalysisRun> {
  const before = running.get(deliberationId)
  const run = (before ? before.catch(() => undefined) : Promise.resolve()).then(() => runOnce(db, deliberationId, now))
  running.set(deliberationId, run)
  const forget = () => {
    if (running.get(deliberationId) === run) running.delete(deliberationId)
  }
  run.then(forget, forget)
  return run
}

async function runOnce(db: Db, deliberationId: number, now: () => Date): Promise<AnalysisRun> {
  const started = performance.now()
  const phases: AnalysisRun['phases'] = []
  let mark = { wall: started, cpu: process.cpuUsage() }
  const step = (phase: AnalysisRun['phases'][number]['phase']) => {
    const cpu = process.cpuUsage(mark.cpu)
    const wall = performance.now()
    phases.push({ phase, wallMs: Math.round(wall - mark.wall), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })
    mark = { wall, cpu: process.cpuUsage() }
  }
  const statements = await statementsOf(db, deliberationId)
  let cached = cache.get(deliberationId)
  const incremental = cached !== undefined && cached.grid.width >= statements.length
  if (!cached || !incremental) {
    const stored = await findAnalysis(db, deliberationId)
    cached = {
      grid: new VoteGrid(Math.max(64, Math.ceil(statements.length * 1.25)), 1024),
      lastSeq: 0,
      lastParticipant: 0,
      regional: new Map(),
      stakeholder: new Map(),
      shown: new Map(),
      state: stored?.state,
    }
  }
  const engine = cached
  for (const p of await participantsOf(db, deliberationId, engine.lastParticipant)) {
    const key = String(p.id)
    engine.shown.set(key, p.externalId ?? key)
    engine.regional.set(key, regionalIndex.get(p.regionalGroup ?? '') ?? -1)
    engine.stakeholder.set(key, stakeholderIndex.get(p.stakeholderGroup ?? '') ?? -1)
    engine.lastParticipant = Math.max(engine.lastParticipant, p.id)
  }
  const rows = await votesSince(db, deliberationId, engine.lastSeq)
  let votesRead = 0
  for (const row of rows) {
    const participant = engine.grid.participant(String(row.participantId))
    for (const pair of row.votes.split(',')) {
      const colon = pair.indexOf(':')
      const column = engine.grid.statement(pair.slice(0, colon))
      if (column >= 0) engine.grid.set(participant, column, Number(pair.slice(colon + 1)) as Vote)
      votesRead++
    }
    engine.lastSeq = Math.max(engine.lastSeq, Number(row.lastSeq))
  }
  step('read')
  // moderated-out statements drop out of the analysis (Polis: zero columns)
  const accepted = new Set(statements.filter((s) => s.status === 'accepted').map((s) => String(s.id)))
  const shownStatement = new Map(statements.map((s) => [String(s.id), s.externalId ?? String(s.id)]))
  const keep = Uint8Array.from(engine.grid.statementIds, (id) => (accepted.has(id) ? 1 : 0))
  const sparse = engine.grid.sparse(keep)
  const participantKeys = engine.grid.participantIds
  const input = {
    votes: sparse,
    covariance: engine.grid.covariance(keep),
    participantIds: participantKeys.map((key) => engine.shown.get(key) ?? key),
    statementIds: sparse.statementIds.map((id) => shownStatement.get(id) ?? id),
    declared: [
      { names: REGIONAL_GROUPS, labels: Int32Array.from(participantKeys, (key) => engine.regional.get(key) ?? -1) },
      {
        names: DECLARED_STAKEHOLDER_GROUPS,
        labels: Int32Array.from(participantKeys, (key) => engine.stakeholder.get(key) ?? -1),
      },
    ],
    previous: engine.state,
  }
  step('prepare')
  const { result, state } = await analyzeOffThread(input)
  step('compute')
  engine.state = state
  cache.set(deliberationId, engine)
  const durationMs = Math.round(performance.now() - started)
  const computedAt = now()
  await saveAnalysis(db, { deliberationId, result, state, lastSeq: engine.lastSeq, computedAt, durationMs })
  step('save')
  return { result, durationMs, computedAt, incremental, votesRead, phases }
}
