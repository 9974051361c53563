// CPU seconds the PostgreSQL server spent for a database's clients, read from /proc (the server
// runs on this machine in the bench): a load-independent figure beside the wall times, since the
// machine is shared. Returns null where it cannot be read (another host, PGlite).
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { Db } from '../src/core/db/database.ts'

/** CPU seconds of these server processes so far (0 for one gone); null when /proc shows none. */
export function serverCpu(pids: number[]): number | null {
  let total = 0
  let seen = false
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      total += (Number(fields[11]) + Number(fields[12])) / 100
      seen = true
    } catch {}
  }
  return seen ? total : null
}

/** The server processes of `db`'s clients now (a pool keeps its connections). */
export async function serverPids(db: Db): Promise<number[]> {
  const rows = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`.execute(db)
  return rows.rows.map((r) => r.pid)
}
