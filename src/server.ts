// Starts the HTTP server and the job worker for a runtime; stops both cleanly on a signal.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { refreshStatistics } from './core/db/upkeep.ts'
import { scheduleRecurring, startWorker } from './core/jobs/queue.ts'
import type { Runtime } from './runtime.ts'

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

export async function startServer(
  runtime: Runtime,
  options: { port: number; host: string; worker?: boolean },
): Promise<RunningServer> {
  const { deps } = runtime
  const app = createApp(deps)
  const worker = options.worker === false ? null : startWorker(runtime.jobs, { db: deps.db, deps, log: deps.log })
  if (worker) {
    await scheduleRecurring(deps.db, runtime.jobs.recurring)
    // statistics at every start, not only the first (see refreshStatistics)
    refreshStatistics(deps.db, deps.dbKind)
      .then((done) => deps.log.info(`statistics at start: ${done.replace('_', ' ')}`))
      .catch((error) => deps.log.error('statistics at start failed', error))
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s))
  })
  const address = server.address() as AddressInfo
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
  const displayHost = host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${displayHost}:${address.port}`,
    port: address.port,
    async close() {
      await worker?.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
