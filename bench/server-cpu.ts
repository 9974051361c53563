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

/**
 * The CPU seconds `db`'s server processes spend from now until `read()`, sampled every 200 ms: the
 * pool closes a connection idle for 10 s, and /proc forgets a process once it ends, so a reading of
 * the processes alive at the start and at the end misses what a closed one did (an import on two
 * connections read 1.7 s instead of 3.8 s that way). A process that ends keeps its CPU up to its
 * last sample (it was idle since). The sampling's own queries are counted (a few ms a second).
 */
export async function serverCpuSampler(db: Db): Promise<{ read: () => Promise<number | null>; stop: () => void }> {
  const seen = new Map<number, { first: number; last: number }>()
  const sample = async () => {
    for (const pid of await serverPids(db)) {
      const cpu = serverCpu([pid])
      if (cpu === null) continue
      const had = seen.get(pid)
      if (had) had.last = cpu
      else seen.set(pid, { first: cpu, last: cpu })
    }
  }
  await sample()
  const atStart = new Set(seen.keys())
  const timer = setInterval(() => void sample().catch(() => {}), 200)
  timer.unref() // a run that fails leaves nothing holding the process open
  return {
    async read() {
      await sample()
      if (seen.size === 0) return null
      let total = 0
      for (const [pid, v] of seen) total += v.last - (atStart.has(pid) ? v.first : 0)
      return total
    },
    stop: () => clearInterval(timer),
  }
}
