// Loads every module's demo data into an empty database, in module order, with a progress bar.

import { progressBar } from './core/cli/progress.ts'
import type { Database } from './core/db/database.ts'
import type { DemoContext } from './core/module.ts'
import { isDatabaseEmpty, type Runtime } from './runtime.ts'

export type DemoResult = { loaded: true } | { loaded: false; reason: 'not_empty' }

export async function loadDemo(runtime: Runtime, database: Database = runtime.database): Promise<DemoResult> {
  if (!(await isDatabaseEmpty(database))) return { loaded: false, reason: 'not_empty' }
  const { deps } = runtime
  const loaders = deps.modules.filter((m) => m.demo)
  const bar = progressBar('demo', loaders.length)
  try {
    // all or nothing: a demo that fails halfway leaves the database empty, ready for another try
    await deps.db.transaction().execute(async (trx) => {
      const ctx: DemoContext = { db: trx, deps, log: deps.log, accounts: new Map(), afterAll: [] }
      for (const m of loaders) {
        await m.demo?.(ctx)
        bar.increment(1, { label: m.id })
      }
      for (const step of ctx.afterAll) await step()
    })
  } finally {
    bar.stop()
  }
  return { loaded: true }
}
