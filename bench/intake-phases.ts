// Where an import's pipeline waits (issue 13's import budget): each batch's steps timed by
// runImport's onPhase, then the run swept for how long PostgreSQL had 0, 1, 2 or more batches at work
// (copying, counting or committing: a batch waiting for the one before to commit holds a
// connection but no core) and how long this process waited for a batch in flight to finish. On 2
// cores the import's wall time cannot be under (CPU here + CPU in PostgreSQL) / 2; the time with
// fewer than 2 batches at work while this process waited is where neither side used a core.
import type { BatchPhase } from '../src/modules/consultation/index.ts'
import { fmt } from './measure.ts'

const ORDER: BatchPhase[] = ['prepare', 'slot', 'copy', 'wait', 'count', 'commit', 'committed']

export function phaseClock() {
  const at: Partial<Record<BatchPhase, number>>[] = []
  const t0 = performance.now()
  return {
    mark(batch: number, phase: BatchPhase) {
      at[batch] ??= {}
      ;(at[batch] as Partial<Record<BatchPhase, number>>)[phase] = (performance.now() - t0) / 1000
    },
    /** A few lines: each step's total over the batches, and the sweep. */
    report(): string {
      const batches = at.filter((b) => b.committed !== undefined) as Record<BatchPhase, number>[]
      const total = (from: BatchPhase, to: BatchPhase) => batches.reduce((s, b) => s + (b[to] - b[from]), 0)
      const steps = ORDER.slice(0, -1).map((p, i) => `${p} ${fmt(total(p, ORDER[i + 1] as BatchPhase), 2)}`)
      // events: +1 when a batch starts work in PostgreSQL, -1 when it stops; this process waiting for a slot
      const events: [number, number, number][] = []
      for (const b of batches) {
        events.push([b.copy, 1, 0], [b.wait, -1, 0], [b.count, 1, 0], [b.committed, -1, 0])
        events.push([b.slot, 0, 1], [b.copy, 0, -1])
      }
      events.sort((x, y) => x[0] - y[0])
      // 3: INTAKE_CONCURRENCY=3 or more
      const busy = [0, 0, 0, 0]
      const idleBoth = [0, 0, 0, 0]
      let working = 0
      let waiting = 0
      let last = events[0]?.[0] ?? 0
      for (const [t, dw, dn] of events) {
        const k = Math.min(3, Math.max(0, working))
        busy[k] = (busy[k] as number) + (t - last)
        if (waiting > 0) idleBoth[k] = (idleBoth[k] as number) + (t - last)
        working += dw
        waiting += dn
        last = t
      }
      const first = batches[0]
      const end = batches[batches.length - 1]
      const lines = [
        `batches: ${batches.length}; steps summed over them (s): ${steps.join(', ')}`,
        `PostgreSQL at work on 0 / 1 / 2 / 3+ batches: ${busy.map((s) => fmt(s, 2)).join(' / ')} s` +
          ` (of which this process waiting for a slot: ${idleBoth.map((s) => fmt(s, 2)).join(' / ')} s)`,
        `first batch sent at ${fmt(first?.copy ?? 0, 2)} s, last committed at ${fmt(end?.committed ?? 0, 2)} s` +
          ` (its own copy to commit: ${fmt((end?.committed ?? 0) - (end?.copy ?? 0), 2)} s)`,
      ]
      return lines.join('\n')
    },
  }
}
