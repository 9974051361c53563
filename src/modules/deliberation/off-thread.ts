// The analysis off the main thread: one worker (analysis-worker.ts), started on first use, takes
// one request at a time in order; the covariance and the declared groups are moved, not copied;
// the votes are copied (10 MB at Polis's largest size, a few milliseconds), since the grid keeps
// them to patch at the next update (matrix.ts). The worker
// keeps the process alive only while an analysis is pending, and one that dies is replaced at the
// next request (what was pending is refused with the reason).
import { Worker } from 'node:worker_threads'
import type { AnalysisInput, AnalysisResult, AnalysisState } from './rules/analyze.ts'

type Output = { result: AnalysisResult; state: AnalysisState }
interface Pending {
  resolve: (output: Output) => void
  reject: (error: Error) => void
}

let worker: Worker | null = null
const pending = new Map<number, Pending>()
let nextId = 1

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error)
  pending.clear()
}

function started(): Worker {
  if (worker) return worker
  const w = new Worker(new URL('./analysis-worker.ts', import.meta.url))
  w.on('message', (m: { id: number; ok: boolean; output?: Output; error?: string }) => {
    const waiting = pending.get(m.id)
    pending.delete(m.id)
    if (pending.size === 0) w.unref()
    if (!waiting) return
    if (m.ok && m.output) waiting.resolve(m.output)
    else waiting.reject(new Error(`deliberation analysis failed: ${m.error}`))
  })
  w.on('error', (error) => {
    if (worker === w) worker = null
    failAll(error)
  })
  w.on('exit', (code) => {
    if (worker === w) worker = null
    failAll(new Error(`deliberation analysis worker stopped (exit code ${code})`))
  })
  worker = w
  return w
}

/** Runs `analyze` in the worker thread. The input's covariance and labels are transferred: do not reuse them. */
export function analyzeOffThread(input: AnalysisInput): Promise<Output> {
  const w = started()
  const id = nextId++
  const done = new Promise<Output>((resolve, reject) => pending.set(id, { resolve, reject }))
  w.ref()
  const covariance = input.covariance ? [input.covariance.matrix.buffer, input.covariance.means.buffer] : []
  const transfer = [...covariance, ...input.declared.map((d) => d.labels.buffer)].filter(
    (b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === i,
  )
  w.postMessage({ id, input }, transfer)
  return done
}

/** Stops the worker (tests, shutdown); the next analysis starts a new one. */
export async function stopAnalysisWorker(): Promise<void> {
  const w = worker
  worker = null
  if (w) await w.terminate()
}
