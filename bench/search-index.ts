// The search index pass of a bulk import, alone, on a kept PostgreSQL database (bench/consultation-keep.ts
// build): empties the search rows of the call's import (all of them, or the newest ROWS), indexes
// them again as an import does (indexImportedForSearch) and prints the wall time, this process's
// CPU and the PostgreSQL backends' CPU (from /proc: load-independent), with the load average.
// Usage: node --import tsx bench/search-index.ts NAME [ROWS]
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { sql } from 'kysely'
import { testConfig } from '../src/config.ts'
import { createLogger } from '../src/core/log.ts'
import { indexImportedForSearch } from '../src/modules/contributions/index.ts'
import { openRuntime } from '../src/runtime.ts'
import { fmt } from './measure.ts'

const [name, rowsArg] = process.argv.slice(2)
const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
url.pathname = `/${name}`
const runtime = await openRuntime(testConfig({ env: 'production' }), {
  target: { kind: 'postgresql', url: url.toString(), maxConnections: 4 },
  log: createLogger('error'),
})
const db = runtime.deps.db
/** CPU seconds of this database's client backends so far (utime + stime, clock ticks of 1/100 s). */
async function backendCpu(): Promise<number> {
  const pids = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend'`.execute(db)
  let total = 0
  for (const { pid } of pids.rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      total += (Number(f[11]) + Number(f[12])) / 100
    } catch {}
  }
  return total
}
const imp = await sql<{ call: number; import: number; n: number; first: number }>`
  select call_id::int as call, import_id::int as import, count(*)::int as n, min(id)::int as first
  from contributions_contribution where import_id is not null group by 1, 2 order by n desc limit 1`.execute(db)
const { call, import: importId, n } = imp.rows[0] as { call: number; import: number; n: number }
const rows = Number(rowsArg ?? n)
const from = await sql<{ id: number }>`select id::int from contributions_contribution
  where call_id = ${call} and import_id = ${importId} order by id desc offset ${rows - 1} limit 1`.execute(db)
const lo = from.rows[0]?.id ?? 0
await sql`delete from contributions_search where call_id = ${call} and contribution_id >= ${lo}`.execute(db)
await sql`vacuum contributions_search`.execute(db)
// every pool connection opened before the first reading, so each backend is counted from its start
await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(db)))
const cpu0 = await backendCpu()
const c0 = process.cpuUsage()
const t0 = performance.now()
const load0 = loadavg()[0] ?? 0
await indexImportedForSearch(db, call, importId)
const listed = (performance.now() - t0) / 1000
// what is left in GIN's pending list is merged by the next insert or vacuum: counted here
await sql`select gin_clean_pending_list('contributions_search_document'::regclass)`.execute(db)
const wall = (performance.now() - t0) / 1000
const mine = process.cpuUsage(c0)
const pgCpu = (await backendCpu()) - cpu0
const indexed = await sql<{ n: number }>`select count(*)::int as n from contributions_search
  where call_id = ${call} and contribution_id >= ${lo}`.execute(db)
console.log(
  `indexed ${indexed.rows[0]?.n} of ${rows} in ${fmt(wall, 1)} s wall (pending list merged after ${fmt(listed, 1)} s); PostgreSQL CPU ${fmt(pgCpu, 1)} s, ` +
    `this process ${fmt((mine.user + mine.system) / 1e6, 1)} s; load ${fmt(load0, 1)} -> ${fmt(loadavg()[0] ?? 0, 1)}`,
)
await runtime.close()
process.exit(0)
