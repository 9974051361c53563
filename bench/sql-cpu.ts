// Runs SQL files (or -c statements) in one PostgreSQL session and prints, for each, the wall time,
// the backend's CPU seconds (from /proc: load-independent) and the load average.
// Usage: node --import tsx bench/sql-cpu.ts DATABASE FILE|-c SQL ...
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import pg from 'pg'

const [name, ...args] = process.argv.slice(2)
const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
url.pathname = `/${name}`
const client = new pg.Client({ connectionString: url.toString() })
await client.connect()
const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number
const cpu = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(f[11]) + Number(f[12])) / 100
}
for (let i = 0; i < args.length; i++) {
  const text = args[i] === '-c' ? (args[++i] as string) : readFileSync(args[i] as string, 'utf8')
  const [t0, c0] = [performance.now(), cpu()]
  const r = await client.query(text)
  const rows = (Array.isArray(r) ? r.at(-1) : r)?.rows ?? []
  console.log(
    `${args[i]?.slice(0, 60)}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${(cpu() - c0).toFixed(2)} s backend CPU, load ${loadavg()[0]}`,
  )
  if (rows.length && rows.length < 40)
    console.log(rows.map((x: Record<string, unknown>) => Object.values(x).join(' | ')).join('\n'))
}
await client.end()
