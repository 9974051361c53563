// Where PGlite's time goes, statement by statement: PGlite runs in this thread, so the CPU this
// process spends inside one `query` or `exec` call is that statement's cost in the database.
// `profilePGlite()` wraps PGlite's two entry points (before a database is opened); `report()`
// lists the statements by CPU, grouped by their first words, and `reset()` starts again.
import { PGlite } from '@electric-sql/pglite'

type Entry = { calls: number; cpu: number }

export function profilePGlite() {
  const byStatement = new Map<string, Entry>()
  const calls: { key: string; cpu: number }[] = []
  const proto = PGlite.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const method of ['query', 'exec'] as const) {
    const original = proto[method] as (...args: unknown[]) => Promise<unknown>
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      const key = String(args[0]).replace(/\s+/g, ' ').slice(0, 90)
      const t0 = process.cpuUsage()
      try {
        return await original.apply(this, args)
      } finally {
        const u = process.cpuUsage(t0)
        const e = byStatement.get(key) ?? { calls: 0, cpu: 0 }
        e.calls++
        e.cpu += (u.user + u.system) / 1e6
        byStatement.set(key, e)
        calls.push({ key, cpu: (u.user + u.system) / 1e6 })
      }
    }
  }
  return {
    reset: () => {
      byStatement.clear()
      calls.length = 0
    },
    /** the CPU of each call of the statements starting with `prefix`, in order, summed `per` calls at a time */
    series(prefix: string, per = 1): number[] {
      const out: number[] = []
      calls
        .filter((c) => c.key.startsWith(prefix))
        .forEach((c, i) => {
          if (i % per === 0) out.push(0)
          out[out.length - 1] = (out[out.length - 1] as number) + c.cpu
        })
      return out
    },
    statements: () => [...byStatement.values()].reduce((n, e) => n + e.calls, 0),
    report(top = 15): string {
      const rows = [...byStatement.entries()].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, top)
      return rows.map(([k, e]) => `${e.cpu.toFixed(2).padStart(8)} s ${String(e.calls).padStart(6)}x  ${k}`).join('\n')
    },
  }
}
