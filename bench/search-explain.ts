// Where a search's time goes on a kept database, without the server's log: each statement's plan
// with its buffers (auto_explain, sent to this client as notices), the rows and buffers of its text
// index scan and the whole, and the CPU time per search: the PostgreSQL backend's from /proc, or on
// PGlite (the database in this process, opened with auto_explain) this process's.
// Usage: node --import tsx bench/search-explain.ts [pglite] NAME [DETAIL=1 prints every plan]
//   PGlite: NAME is a directory under /work/tmp-consult-read/ (bench/consultation-keep.ts build pglite NAME)
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { PGlite } from '@electric-sql/pglite'
import { auto_explain } from '@electric-sql/pglite/contrib/auto_explain'
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Db } from '../src/core/db/database.ts'
import { SerializedPGliteDialect } from '../src/core/db/pglite-dialect.ts'
import { campaignMembersOfCall } from '../src/modules/consultation/index.ts'
import { searchContributions } from '../src/modules/contributions/index.ts'

const args = process.argv.slice(2)
const lite = args[0] === 'pglite'
const name = lite ? args[1] : args[0]
const notices: string[] = []
let db: Db
let cpu: () => number
if (lite) {
  const pglite = await PGlite.create(`/work/tmp-consult-read/${name}/pglite`, {
    extensions: { auto_explain },
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
  })
  // every statement's notices (auto_explain's plans) collected, as a server's client hears them
  const query = pglite.query.bind(pglite)
  pglite.query = ((q: string, params?: unknown[], options?: Parameters<typeof query>[2]) =>
    query(q, params, { ...options, onNotice: (n) => notices.push(n.message ?? '') })) as typeof pglite.query
  db = new Kysely({ dialect: new SerializedPGliteDialect(pglite), plugins: [new CamelCasePlugin()] }) as unknown as Db
  cpu = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
} else {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  url.pathname = `/${name}`
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 })
  pool.on('connect', (c) => c.on('notice', (n) => notices.push(n.message ?? '')))
  db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] }) as unknown as Db
  const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid
  cpu = () => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(f[11]) + Number(f[12])) / 100) * 1000
  }
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
type Case = [string, Parameters<typeof searchContributions>[1]]
const all: Case[] = [
  [`broad "${broad}"`, { callId: call, q: broad, statuses: ['published'], limit: 20 }],
  [
    `"${broad}" narrowed to en, no campaign`,
    { callId: call, q: broad, statuses: ['published'], limit: 20, language: 'en', campaign: 'no' },
  ],
  ['Chinese 合作', { callId: call, q: '合作', statuses: ['published'], limit: 20 }],
  ['Arabic بانا', { callId: call, q: 'بانا', statuses: ['published'], limit: 20 }],
  [
    `"${broad}" from a keyset`,
    { callId: call, q: broad, statuses: ['published'], limit: 20, after: { contributionId: 999999999, questionId: 1 } },
  ],
]
// ONLY=text: the cases whose label holds it
const cases = all.filter(([label]) => !process.env.ONLY || label.includes(process.env.ONLY))
console.log(`load ${loadavg()[0]?.toFixed(1)}`)
for (const [label, input] of cases) {
  await searchContributions(db, input, campaignMembersOfCall(call)) // warm
  notices.length = 0
  const [t0, c0] = [performance.now(), cpu()]
  const r = await searchContributions(db, input, campaignMembersOfCall(call))
  const [wall, used] = [performance.now() - t0, cpu() - c0]
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
      `${ms.toFixed(1)} ms in the database (analyzed), ${lite ? 'process' : 'backend'} CPU ${used.toFixed(0)} ms, ${wall.toFixed(1)} ms wall`,
  )
}
await db.destroy()
