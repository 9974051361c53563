// Database upkeep over whatever the scenarios before it loaded: on PGlite it vacuums the tables
// that churn and analyzes every table, holding the one connection while it runs, so its duration
// is how long requests wait once every six hours. On a server it only purges finished jobs.
import { sql } from 'kysely'
import { upkeepDatabase } from '../../src/core/db/upkeep.ts'
import { fmt } from '../measure.ts'
import type { Scenario } from '../scenario.ts'

export const upkeep: Scenario = {
  name: 'upkeep',
  async run(ctx) {
    const db = ctx.runtime.deps.db
    const rows = await sql<{ n: string }>`select sum(n_live_tup)::bigint as n from pg_stat_user_tables`.execute(db)
    const size = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db)
    const t = await ctx.timeWork(() => upkeepDatabase(db, ctx.kind), 5)
    ctx.print(
      `\nDatabase upkeep (${ctx.kind === 'pglite' ? 'vacuum of churning tables, analyze' : 'purge of finished jobs'}) over ${fmt(Number(size.rows[0]?.n) / 1e6, 0)} MB${Number(rows.rows[0]?.n) ? ` (${rows.rows[0]?.n} rows)` : ''}: p50 ${fmt(t.p50, 0)} ms, p99 ${fmt(t.p99, 0)} ms`,
    )
  },
}
