// Where a search's time goes on a kept PostgreSQL database, without the server's log: each
// statement's plan with its buffers (auto_explain, sent to this client as notices), the rows and
// buffers of its text index scan and the whole, and the backend's CPU time from /proc, per search.
// Usage: node --import tsx bench/search-explain.ts NAME [DETAIL=1 prints every plan]
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Db } from '../src/core/db/database.ts'
import { campaignMembersOfCall } from '../src/modules/consultation/index.ts'
import { searchContributions } from '../src/modules/contributions/index.ts'

const [name] = process.argv.slice(2)
const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
url.pathname = `/${name}`
const notices: string[] = []
const pool = new pg.Pool({ connectionString: url.toString(), max: 1 })
pool.on('connect', (c) => c.on('notice', (n) => notices.push(n.message ?? '')))
const db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] }) as unknown as Db
const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid
const cpu = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(f[11]) + Number(f[12])) / 100) * 1000
}
const call = (await sql<{ id: number }>`select id::int from processes_call order by id desc limit 1`.execute(db))
  .rows[0]?.id as number
const template = await sql<{ template: string }>`
  select template from consultation_campaign where call_id = ${call} order by size desc limit 1`.execute(db)
const broad =
  (template.rows[0]?.template ?? '')
    .toLowerCase()
    .split(/\s+/)
    .find((w) => /^\p{L}{3,}$/u.test(w)) ?? 'x'
for (const s of [
  `load 'auto_explain'`,
  'set auto_explain.log_min_duration = 0',
  'set auto_explain.log_analyze = on',
  'set auto_explain.log_buffers = on',
  'set auto_explain.log_nested_statements = on',
  'set auto_explain.log_level = notice',
])
  await sql.raw(s).execute(db)
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
  notices.length = 0
  const [t0, c0] = [performance.now(), cpu()]
  const r = await searchContributions(db, input, campaignMembersOfCall(call))
  const [wall, backend] = [performance.now() - t0, cpu() - c0]
  let buffers = 0
  let ms = 0
  for (const p of notices) {
    const b = /Buffers: shared( hit=(\d+))?( read=(\d+))?/.exec(p)
    buffers += Number(b?.[2] ?? 0) + Number(b?.[4] ?? 0)
    ms += Number(/duration: ([\d.]+) ms/.exec(p)?.[1] ?? 0)
    if (process.env.DETAIL) console.log(p.slice(0, Number(process.env.DETAIL) > 1 ? 100000 : 3000))
  }
  console.log(
    `${label}: ${r.total}${r.more ? '+' : ''} counted, ${notices.length} statements, ${buffers} shared buffers, ` +
      `${ms.toFixed(1)} ms in PostgreSQL (analyzed), backend CPU ${backend.toFixed(0)} ms, ${wall.toFixed(1)} ms wall`,
  )
}
await db.destroy()
