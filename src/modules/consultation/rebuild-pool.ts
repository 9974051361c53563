// The rebuild's worker threads (rebuild-worker.ts): one per core, up to `MAX_WORKERS`, started by
// a rebuild large enough to need them and stopped when it ends. Requests go round the workers;
// answers come back as promises, which the rebuild awaits in the order it asked (so a text a
// worker signed in an earlier batch is known by the time a later batch names it). Typed arrays
// are moved, not copied.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { WorkerAnswer, WorkerRequest } from './rebuild-worker.ts'

export const MAX_WORKERS = 2

type Body<K extends WorkerRequest['kind']> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>

export class RebuildPool {
  private readonly workers: Worker[]
  private readonly pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>()
  private next = 1
  private turn = 0

  constructor(size = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()))) {
    this.workers = Array.from({ length: size }, () => {
      // Node strips the types itself: no loader to start in each thread
      const w = new Worker(new URL('./rebuild-worker.ts', import.meta.url), { execArgv: [] })
      w.on('message', (a: WorkerAnswer) => {
        const waiting = this.pending.get(a.id)
        this.pending.delete(a.id)
        if (!waiting) return
        if (a.ok) waiting.resolve(a)
        else waiting.reject(new Error(`campaign rebuild worker: ${a.error}`))
      })
      w.on('error', (error) => this.failAll(error))
      w.on('exit', (code) => this.failAll(new Error(`campaign rebuild worker stopped (exit code ${code})`)))
      return w
    })
  }

  get size(): number {
    return this.workers.length
  }

  private failAll(error: Error) {
    for (const p of this.pending.values()) p.reject(error)
    this.pending.clear()
  }

  private ask<A extends WorkerAnswer>(body: Omit<WorkerRequest, 'id'>): Promise<A> {
    const id = this.next++
    const worker = this.workers[this.turn++ % this.workers.length] as Worker
    const answer = new Promise<WorkerAnswer>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    worker.postMessage({ ...body, id })
    return answer as Promise<A>
  }

  sign(body: Body<'sign'>) {
    return this.ask<Extract<WorkerAnswer, { hashes: string[] }>>({ ...body, kind: 'sign' })
  }

  /** `body.data` is moved to the worker: do not use it afterwards */
  read(body: Body<'read'>) {
    const id = this.next++
    const worker = this.workers[this.turn++ % this.workers.length] as Worker
    const answer = new Promise<WorkerAnswer>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    worker.postMessage({ ...body, kind: 'read', id }, [body.data.buffer as ArrayBuffer])
    return answer as Promise<Extract<WorkerAnswer, { ids: Float64Array }>>
  }

  additions(body: Body<'additions'>) {
    return this.ask<Extract<WorkerAnswer, { additions: string[] }>>({ ...body, kind: 'additions' })
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit')
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}
