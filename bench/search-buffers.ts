// Buffers read per search on a kept PostgreSQL database (load-independent, unlike wall time): each
// statement of each search is logged by auto_explain with its buffers into the server's log, and
// this prints, per search, the statements' execution time and shared buffers (hit + read) summed.
// Usage: node --import tsx bench/search-buffers.ts NAME [LOG] (LOG: the server's log file)
import { readFileSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { sql } from 'kysely'
import { testConfig } from '../src/config.ts'
import { createLogger } from '../src/core/log.ts'
import { campaignMembersOfCall } from '../src/modules/consultation/index.ts'
import { searchContributions } from '../src/modules/contributions/index.ts'
import { openRuntime } from '../src/runtime.ts'

const [name, logArg] = process.argv.slice(2)
const log = logArg ?? '/var/log/postgresql/postgresql-15-main.log'
const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
url.pathname = `/${name}`
const runtime = await openRuntime(testConfig({ env: 'production' }), {
  target: { kind: 'postgresql', url: url.toString(), maxConnections: 1 },
  log: createLogger('error'),
})
const db = runtime.deps.db
const call = (await sql<{ id: number }>`select id::int from processes_call order by id desc limit 1`.execute(db))
  .rows[0]?.id as number
const template = await sql<{ template: string }>`
  select template from consultation_campaign where call_id = ${call} order by size desc limit 1`.execute(db)
const broad =
  (template.rows[0]?.template ?? '')
    .toLowerCase()
    .split(/\s+/)
    .find((w) => /^\p{L}{3,}$/u.test(w)) ?? 'x'
await sql`load 'auto_explain'`.execute(db)
await sql`set auto_explain.log_min_duration = 0`.execute(db)
await sql`set auto_explain.log_analyze = on`.execute(db)
await sql`set auto_explain.log_buffers = on`.execute(db)
await sql`set auto_explain.log_timing = off`.execute(db)
const cases: [string, Parameters<typeof searchContributions>[1]][] = [
  [`broad "${broad}"`, { callId: call, q: broad, statuses: ['published'], limit: 20 }],
  [
    `"${broad}" narrowed to en, no campaign`,
    { callId: call, q: broad, statuses: ['published'], limit: 20, language: 'en', campaign: 'no' },
  ],
  ['Chinese 合作', { callId: call, q: '合作', statuses: ['published'], limit: 20 }],
  ['Arabic بانا', { callId: call, q: 'بانا', statuses: ['published'], limit: 20 }],
]
console.log(`load ${loadavg()[0]?.toFixed(1)}`)
for (const [label, input] of cases) {
  await searchContributions(db, input, campaignMembersOfCall(call)) // warm
  const from = statSync(log).size
  const t0 = performance.now()
  const r = await searchContributions(db, input, campaignMembersOfCall(call))
  const wall = performance.now() - t0
  await new Promise((f) => setTimeout(f, 500))
  const text = readFileSync(log, 'utf8').slice(from)
  // the top node's line of each plan, and the first Buffers line after it
  const plans = text.split(/duration: [\d.]+ ms {2}plan:/).slice(1)
  let buffers = 0
  let ms = 0
  for (const p of plans) {
    const b = /Buffers: shared( hit=(\d+))?( read=(\d+))?/.exec(p)
    buffers += Number(b?.[2] ?? 0) + Number(b?.[4] ?? 0)
    if (process.env.DETAIL) console.log(`  ${p.split('\n')[1]?.slice(0, 120)} | ${b?.[0]}`)
  }
  for (const m of text.matchAll(/duration: ([\d.]+) ms {2}plan:/g)) ms += Number(m[1])
  console.log(
    `${label}: ${r.total}${r.more ? '+' : ''} counted, ${plans.length} statements, ${buffers} shared buffers, ` +
      `${ms.toFixed(1)} ms in PostgreSQL, ${wall.toFixed(1)} ms wall`,
  )
}
await runtime.close()
process.exit(0)
