// An open consultation at national-rulemaking scale (issue 13): BENCH_CONSULTATION_ROWS generated
// contributions (default 1,000,000) with known campaigns imported from CSV into a new call of the
// demo, beside PostgreSQL's own COPY of the same file into a plain table; then the campaigns'
// full rebuild, the incremental assignment of arriving contributions, the pairwise precision and
// recall of "same campaign" against the generator's truth, and the consultation pages' server time.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import {
  asImported,
  assignContribution,
  generateContributions,
  pairwiseQuality,
  type RebuildSummary,
  rebuildCampaigns,
  runImport,
  startImport,
} from '../../src/modules/consultation/index.ts'
import { contributionTexts, insertImportedContributions } from '../../src/modules/contributions/index.ts'
import { benchCall, writeConsultationCsv } from '../consultation-data.ts'
import { measureSearch } from '../consultation-search.ts'
import { fmt, percentile } from '../measure.ts'
import type { BenchContext, Scenario } from '../scenario.ts'
import { serverCpu, serverCpuSampler } from '../server-cpu.ts'

const ROWS = Number(process.env.BENCH_CONSULTATION_ROWS ?? 1_000_000)
const ARRIVALS = 200
const REBUILD_BUDGET_S = 180
const ASSIGN_BUDGET_MS = 5
const PAGE_MS = 100
const system = () => ({ actor: SYSTEM, now: new Date() })

async function postgresCopy(ctx: BenchContext, file: string): Promise<{ seconds: number; cpu: number | null }> {
  const name = (await sql<{ db: string }>`select current_database() as db`.execute(ctx.runtime.deps.db)).rows[0]?.db
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  url.pathname = `/${name}`
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    await client.query(`create table bench_copy (external_id text, submitted_at timestamptz, speaker_kind text,
      speaker_name text, organization text, country text, language text, question int, text text)`)
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number
    const cpu0 = serverCpu([pid])
    const t0 = performance.now()
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('copy bench_copy from stdin (format csv, header true)')),
    )
    const seconds = (performance.now() - t0) / 1000
    const cpu1 = serverCpu([pid])
    await client.query('drop table bench_copy')
    return { seconds, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 }
  } finally {
    await client.end()
  }
}

export const consultation: Scenario = {
  name: 'consultation',
  async run(ctx) {
    const db = ctx.runtime.deps.db
    const dir = mkdtempSync(join(tmpdir(), 'ecp-consultation-'))
    const file = join(dir, 'contributions.csv')
    try {
      const t0 = performance.now()
      const truth = await writeConsultationCsv(file, ROWS)
      ctx.print(
        `\nConsultation: ${ROWS.toLocaleString('en')} generated contributions (${fmt((await stat(file)).size / 1024 / 1024, 0)} MB of CSV, written in ${fmt((performance.now() - t0) / 1000, 0)} s)`,
      )
      const {
        processId,
        callId,
        questionId: question,
        accountId,
      } = await benchCall(db, `open-consultation-${ctx.kind}`)

      // the intake, beside PostgreSQL's own COPY of the same file
      const copy = ctx.kind === 'postgresql' ? await postgresCopy(ctx, file) : null
      const started = await startImport(db, system(), {
        callId,
        accountId,
        fileName: 'contributions.csv',
        format: 'csv',
        sha256: `bench-${ROWS}`,
      })
      if (!started.ok) throw new Error(JSON.stringify(started.error))
      // this process's CPU time beside the wall time: on a machine other work loads, it is what the
      // work itself cost here (all of it on PGlite, which runs in this process)
      const cpu0 = process.cpuUsage()
      const cpuSeconds = (since: NodeJS.CpuUsage) => {
        const u = process.cpuUsage(since)
        return (u.user + u.system) / 1e6
      }
      // sampled while the import runs: a pool connection closed meanwhile keeps its CPU (server-cpu.ts)
      const sampler = ctx.kind === 'postgresql' ? await serverCpuSampler(db) : null
      const server0 = sampler ? 0 : null
      const t1 = performance.now()
      // the intake's CPU is read when its last batch is committed, before the search pass
      // (the pool may have opened connections meanwhile: all their time was this import's)
      let intakeCpu = 0
      let serverIntake: number | null = null
      // as `ecp contributions import` does: the campaigns rebuilt after the batches, before the search
      // pass (which then writes each member's document with its term); this is the full rebuild timed
      let firstRebuild: { seconds: number; cpu: number; summary: RebuildSummary } | null = null
      const imported = await runImport(db, system(), started.value.id, createReadStream(file), {
        beforeSearchPass: async () => {
          const c = process.cpuUsage()
          const rebuilt = await rebuildCampaigns(db, system(), callId)
          if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error))
          const s = rebuilt.value.seconds
          firstRebuild = { seconds: s.read + s.cluster + s.write, cpu: cpuSeconds(c), summary: rebuilt.value }
        },
        onIntakeDone: async () => {
          intakeCpu = cpuSeconds(cpu0)
          serverIntake = sampler ? await sampler.read() : null
          // said at once: at a million rows the search pass after it takes a long while
          const seconds = (performance.now() - t1) / 1000
          ctx.print(
            `\n(intake done: ${fmt(seconds, 1)} s, ${fmt(intakeCpu, 1)} s CPU here${server0 === null || serverIntake === null ? '' : `, ${fmt(serverIntake - server0, 1)} s in PostgreSQL`}${copy ? `; COPY ${fmt(copy.seconds, 1)} s${copy.cpu === null ? '' : ` (${fmt(copy.cpu, 1)} s in PostgreSQL)`}: ${fmt(copy.seconds / seconds, 2)}x` : ''}; load ${loadavg()
              .map((n) => fmt(n, 1))
              .join(' / ')}; the search pass follows)`,
          )
        },
      })
      const totalSeconds = (performance.now() - t1) / 1000
      const importCpu = cpuSeconds(cpu0)
      const server1 = sampler ? await sampler.read() : null
      sampler?.stop()
      if (!imported.ok) throw new Error(JSON.stringify(imported.error))
      // the intake is the batches; the search index of the import is built after them, in one pass
      const importSeconds = imported.value.seconds?.intake ?? totalSeconds
      const indexSeconds = totalSeconds - importSeconds
      const rate = ROWS / importSeconds
      const load = () =>
        loadavg()
          .map((n) => fmt(n, 1))
          .join(' / ')
      ctx.print(`\nLoad average (1 / 5 / 15 min) after the import: ${load()} on ${ctx.kind}`)
      ctx.print(`\n| figure | measured | reference or budget | holds |`)
      ctx.print(`|---|---|---|---|`)
      if (copy !== null) {
        const copyRate = ROWS / copy.seconds
        const serverSeconds = server0 === null || serverIntake === null ? null : serverIntake - server0
        ctx.print(
          `| import ${ctx.kind} (rows/s) | ${fmt(rate, 0)} (${fmt(importSeconds, 1)} s; ${fmt(intakeCpu, 1)} s CPU here${serverSeconds === null ? '' : `, ${fmt(serverSeconds, 1)} s CPU in PostgreSQL`}, the batches alone) | COPY into a plain table: ${fmt(copyRate, 0)} (${fmt(copy.seconds, 1)} s${copy.cpu === null ? '' : `, ${fmt(copy.cpu, 1)} s CPU in PostgreSQL`}); budget 0.5x | ${rate / copyRate >= 0.5 ? 'yes' : 'NO'} (${fmt(rate / copyRate, 2)}x) |`,
        )
      } else
        ctx.print(
          `| import ${ctx.kind} (rows/s) | ${fmt(rate, 0)} (${fmt(importSeconds, 1)} s; ${fmt(intakeCpu, 1)} s CPU, the batches alone) | (no COPY reference on PGlite) | — |`,
        )

      ctx.print(
        `| search index of the import ${ctx.kind} (after its last batch, one pass) | ${fmt(indexSeconds, 1)} s (${fmt(ROWS / Math.max(indexSeconds, 0.001), 0)} contributions/s; ${fmt(importCpu - intakeCpu, 1)} s CPU here${server1 === null || serverIntake === null ? '' : `, ${fmt(server1 - serverIntake, 1)} s CPU in PostgreSQL`}) | (the six languages' vectors; not part of the intake) | — |`,
      )
      if (process.env.BENCH_CONSULTATION_IMPORT_ONLY === '1') return

      // the full rebuild: the one the import ran before its search pass, then the same again over
      // indexed contributions (a new threshold: only the documents whose membership changed rewritten)
      const rebuildRow = (label: string, run: { seconds: number; cpu: number; summary: RebuildSummary }) => {
        const r = run.summary
        const scaled = (run.seconds * 1_000_000) / ROWS
        ctx.print(
          `| ${label} ${ctx.kind} | ${fmt(run.seconds, 1)} s (read ${fmt(r.seconds.read, 1)}, group ${fmt(r.seconds.cluster, 1)}, write ${fmt(r.seconds.write, 1)}; ${fmt(run.cpu, 1)} s CPU here); ${r.campaigns} campaigns, ${r.texts} distinct texts | ${REBUILD_BUDGET_S} s at 1,000,000${ROWS === 1_000_000 ? '' : ` (linear estimate: ${fmt(scaled, 0)} s)`} | ${scaled <= REBUILD_BUDGET_S ? 'yes' : 'NO'} |`,
        )
      }
      if (firstRebuild) rebuildRow('rebuild (in the import, before its search pass)', firstRebuild)
      const cpu1 = process.cpuUsage()
      const rebuilt = await rebuildCampaigns(db, system(), callId)
      if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error))
      const again = rebuilt.value.seconds
      rebuildRow('rebuild again (e.g. a new threshold)', {
        seconds: again.read + again.cluster + again.write,
        cpu: cpuSeconds(cpu1),
        summary: rebuilt.value,
      })

      // quality against the generator's truth
      const found = await sql<{ externalId: string; campaignId: string | null }>`
        select c.external_id as "externalId", m.campaign_id as "campaignId" from contributions_contribution c
        left join consultation_member m on m.contribution_id = c.id where c.call_id = ${callId}`.execute(db)
      const labels = found.rows.map((row) => (row.campaignId === null ? null : Number(row.campaignId)))
      const truths = found.rows.map((row) => {
        const t = truth[Number(row.externalId.slice(2))] as number
        return t < 0 ? null : t
      })
      const q = pairwiseQuality(labels, truths)
      ctx.print(`| pairwise precision | ${fmt(q.precision, 4)} | 0.95 | ${q.precision >= 0.95 ? 'yes' : 'NO'} |`)
      ctx.print(`| pairwise recall | ${fmt(q.recall, 4)} | 0.95 | ${q.recall >= 0.95 ? 'yes' : 'NO'} |`)

      // arriving contributions, one by one
      const arrivals = [...generateContributions({ total: ARRIVALS, seed: 11 })]
      const stored = await insertImportedContributions(
        db,
        {
          callId,
          processId: processId,
          authorAccountId: accountId,
          importId: started.value.id,
          sourceFile: 'arrivals',
        },
        arrivals.map((g, i) => ({
          ...asImported(g, question, i + 1),
          externalId: `late-${i}`,
          submittedAt: new Date(),
        })),
      )
      const texts = await contributionTexts(
        db,
        stored.map((s) => s.id),
      )
      const times: number[] = []
      for (const text of texts) {
        const a = performance.now()
        await assignContribution(db, text)
        times.push(performance.now() - a)
      }
      times.sort((a, b) => a - b)
      const p99 = percentile(times, 99)
      // "per arriving contribution": what the arrivals cost together, divided among them; the p99
      // is printed beside it (the rare arrival that makes a campaign of a lone text costs more)
      const mean = times.reduce((s, t) => s + t, 0) / times.length
      ctx.print(
        `| assignment of an arriving contribution ${ctx.kind} | mean ${fmt(mean, 2)} ms, p50 ${fmt(percentile(times, 50), 2)} ms, p99 ${fmt(p99, 2)} ms (${ARRIVALS} arrivals) | ${ASSIGN_BUDGET_MS} ms | ${mean <= ASSIGN_BUDGET_MS ? 'yes (mean)' : 'NO'} |`,
      )

      ctx.print(`| load average after the assignment | ${load()} | | |`)
      // the pages, server time
      const campaign = await sql<{
        id: string
      }>`select id from consultation_campaign where call_id = ${callId} order by size desc limit 1`.execute(db)
      const pid = processId
      for (const path of [
        `/processes/${pid}`,
        `/processes/${pid}/contributions`,
        `/processes/${pid}/contributions?language=fr&stakeholderGroup=individual&page=20`,
        `/calls/${callId}/campaigns`,
        `/campaigns/${campaign.rows[0]?.id}`,
        `/api/v1/calls/${callId}/campaigns`,
        `/calls/${callId}/compilation/campaigns`,
      ]) {
        const t = await ctx.serverTime(path, 30)
        ctx.print(
          `| ${path} ${ctx.kind} | p50 ${fmt(t.p50, 1)} ms, p99 ${fmt(t.p99, 1)} ms | ${PAGE_MS} ms p99 | ${t.p99 <= PAGE_MS ? 'yes' : 'NO'} |`,
        )
      }
      await measureSearch(ctx, callId)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
