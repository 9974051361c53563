// The balance of participation and the scorecard at production-like size (issue 14): the WGEC's
// process with 100,000 published contributions, each by its own account (added as the
// `processes` scenario adds them when it has not run), and, after the `negotiation` scenario,
// its negotiating text's 59,000 positions of the 193 States. Each page, its API and CSV timed
// in-process (p50/p99 against the 100 ms page budget), with the CPU time and the number of
// queries per request (both independent of the machine's load) and the compressed size (30 KB).
import type { KyselyPlugin } from 'kysely'
import { sql } from 'kysely'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { attendanceParticipation, changeProcessState, findProcess } from '../../src/modules/processes/index.ts'
import { fmt, percentile } from '../measure.ts'
import type { BenchContext, Scenario } from '../scenario.ts'
import { addContributions, processBySlug } from './processes.ts'

const PAGE_MS = 100
const PAGE_KB = 30
const CONTRIBUTIONS = 100_000
/** requests timed per path, after one warm-up (BENCH_SAMPLES to change; the pages at this size take seconds on PGlite) */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5)

/** Counts the statements sent to the database (every Kysely query and raw `sql` goes through plugins). */
class QueryCounter implements KyselyPlugin {
  count = 0
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    this.count++
    return args.node
  }
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result
}

/** The WGEC with at least 100,000 published contributions (left as it was found: concluded or not). */
async function wgecAtSize(ctx: BenchContext) {
  const db = ctx.runtime.deps.db
  const wgec = await processBySlug(db, (s) => s === 'wgec-2016-2018')
  const counted = await sql<{ n: number }>`select count(*)::int as n from contributions_contribution
    where process_id = ${wgec.processId} and status = 'published'`.execute(db)
  const have = counted.rows[0]?.n ?? 0
  if (have < CONTRIBUTIONS) {
    const started = performance.now()
    const system = { actor: SYSTEM, now: new Date() }
    const concluded = (await findProcess(db, wgec.processId))?.state === 'concluded'
    if (concluded) await changeProcessState(db, system, wgec.processId, { to: 'active', reason: 'bench: bulk load' })
    await addContributions(db, wgec, CONTRIBUTIONS - have, 'balance')
    if (concluded) await changeProcessState(db, system, wgec.processId, { to: 'concluded' })
    ctx.print(
      `\nBalance: ${fmt(CONTRIBUTIONS - have, 0)} contributions added to the WGEC in ${fmt((performance.now() - started) / 1000, 1)} s`,
    )
  }
  return wgec
}

export const balance: Scenario = {
  name: 'balance',
  async run(ctx) {
    const db = ctx.runtime.deps.db
    const wgec = await wgecAtSize(ctx)
    const record = await findProcess(db, wgec.processId)
    const positions = await sql<{ n: number }>`select count(*)::int as n from negotiation_position`
      .execute(db)
      .then((r) => r.rows[0]?.n ?? 0)
      .catch(() => 0)
    const meetings = await attendanceParticipation(db, { processIds: [wgec.processId] })
    const meetingId = meetings[0]?.meetingId
    const year = new Date().getUTCFullYear()
    const counter = new QueryCounter()
    const { createApp } = await import('../../src/app.ts')
    const app = createApp({
      ...ctx.runtime.deps,
      db: ctx.runtime.deps.db.withPlugin(counter),
      config: { ...ctx.runtime.deps.config, pageCacheBytes: 0 },
    })
    const get = async (path: string, gzip = false) => {
      const res = await app.request(path, {
        headers: { host: '127.0.0.1', ...(gzip ? { 'accept-encoding': 'gzip' } : {}) },
      })
      const body = await res.arrayBuffer()
      if (res.status >= 400) throw new Error(`${path} answered ${res.status}`)
      return { bytes: body.byteLength, html: String(res.headers.get('content-type')).startsWith('text/html') }
    }
    ctx.print(
      `\nBalance and scorecard with ${fmt(CONTRIBUTIONS, 0)} contributions and ${fmt(positions, 0)} positions in the WGEC (in-process, ${SAMPLES} requests after a warm-up; CPU and queries per request; p99 of so few is their slowest):\n`,
    )
    ctx.print('| request | database | p50 ms | p99 ms | CPU ms | queries | compressed KB | budget (100 ms, 30 KB) |')
    ctx.print('|---|---|---|---|---|---|---|---|')
    const paths = [
      `/balance/process/${wgec.processId}`,
      `/balance/call/${wgec.callId}`,
      ...(record?.bodyId ? [`/balance/body/${record.bodyId}`] : []),
      ...(meetingId ? [`/balance/meeting/${meetingId}`] : []),
      '/balance',
      `/balance/year/${year - 1}`,
      `/balance/process/${wgec.processId}/balance.csv`,
      `/api/v1/balance?scope=process&id=${wgec.processId}`,
      '/scorecard',
      `/scorecard/processes/${wgec.processId}`,
      `/scorecard/processes/${wgec.processId}/scorecard.docx`,
      `/api/v1/scorecard/processes/${wgec.processId}`,
    ]
    for (const path of paths) {
      const sent = await get(path, true)
      counter.count = 0
      const cpu = cpuNow()
      const times: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const start = performance.now()
        await get(path)
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      const t = { p50: percentile(times, 50), p99: percentile(times, 99) }
      const cpuMs = (cpuNow() - cpu) / SAMPLES
      const queries = counter.count / SAMPLES
      const kb = sent.bytes / 1024
      const within = t.p99 <= PAGE_MS && (!sent.html || kb <= PAGE_KB)
      ctx.print(
        `| ${path} | ${ctx.kind} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} | ${fmt(cpuMs, 1)} | ${fmt(queries, 0)} | ${fmt(kb, 1)} | ${within ? 'within' : 'OVER'} |`,
      )
    }
  },
}

/** CPU time of this process so far (user + system), ms: with an in-process PGlite, the database's too. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
