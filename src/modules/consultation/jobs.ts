// The consultation's jobs: an import uploaded through the page (read from the database, so any
// instance may run it and a restart resumes it), a campaign rebuild, and the recurring assignment
// of contributions published on the platform (the contributions module's arrival queue).
import { Readable } from 'node:stream'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { enqueueJob } from '../../core/jobs/queue.ts'
import type { JobHandler } from '../../core/module.ts'
import { arrivedContributions, contributionTexts, takeArrivals } from '../contributions/index.ts'
import { assignedAmong, findImport, importContent } from './queries.ts'
import { assignContribution } from './queries-assign.ts'
import { runImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

/** Imports this small are assigned one by one; larger ones rebuild the call's campaigns. */
export const ASSIGN_ONE_BY_ONE_UP_TO = 2000

/** After an import: its contributions join campaigns (one by one, or by a rebuild job). */
export async function afterImport(db: Db, callId: number, added: number[], resumed = false): Promise<void> {
  if (added.length === 0 && !resumed) return
  if (resumed || added.length > ASSIGN_ONE_BY_ONE_UP_TO) {
    await enqueueJob(db, 'consultation.rebuild', { callId }, { uniqueKey: `consultation.rebuild:${callId}` })
    return
  }
  for (let i = 0; i < added.length; i += 500)
    for (const text of await contributionTexts(db, added.slice(i, i + 500))) await assignContribution(db, text)
}

const importJob: JobHandler = async (payload, { db, deps }) => {
  const importId = Number(payload.importId)
  const row = await findImport(db, importId)
  if (!row || row.status === 'done') return
  const content = await importContent(db, importId)
  if (!content) return
  const ctx = { actor: SYSTEM, now: deps.now() }
  let rebuilt = false
  const run = await runImport(db, ctx, importId, Readable.from([Buffer.from(content)]), {
    defaultLanguage: typeof payload.language === 'string' ? payload.language : null,
    // a large import's campaigns are rebuilt before its search pass, which then writes each member's
    // document with its term (a rebuild after it would rewrite ~700,000 documents at 1,000,000); a
    // resumed run rebuilds again, since the earlier one may have stopped in the rebuild itself
    beforeSearchPass: async ({ added, resumed }) => {
      if (resumed || added.length > ASSIGN_ONE_BY_ONE_UP_TO) rebuilt = (await rebuildCampaigns(db, ctx, row.callId)).ok
    },
  })
  if (!run.ok) throw new Error(`import ${importId}: ${run.error.id}`)
  if (rebuilt) return
  // a resumed run adds only what was left: a rebuild reads them all
  await afterImport(db, row.callId, run.value.added, run.value.import.accepted > run.value.added.length)
}

const rebuildJob: JobHandler = async (payload, { db, deps }) => {
  const result = await rebuildCampaigns(db, { actor: SYSTEM, now: deps.now() }, Number(payload.callId))
  if (!result.ok) throw new Error(`rebuild of call ${payload.callId}: ${result.error.id}`)
}

/**
 * Assigns contributions published on the platform, 500 of the contributions module's arrival
 * queue at a time, and then takes them off it; returns how many it assigned. Stopped halfway, the
 * next run reads the same entries again and passes over those already assigned (one index read),
 * so none is assigned twice. One withdrawn or hidden since its publication is taken off unassigned.
 */
export async function assignArrived(db: Db): Promise<number> {
  let added = 0
  // a backlog (the queue's migration puts every published platform contribution in it) drains
  // 500 at a time within one run, up to 20 batches, rather than 500 every 15 s
  for (let batch = 0; batch < 20; batch++) {
    const queued = await arrivedContributions(db, 500)
    const assigned = await assignedAmong(db, queued)
    const fresh = queued.filter((id) => !assigned.has(id))
    for (const c of await contributionTexts(db, fresh)) if (await assignContribution(db, c)) added += 1
    await takeArrivals(db, queued)
    if (queued.length < 500) break
  }
  return added
}

export const consultationJobs: Record<string, JobHandler> = {
  'consultation.import': importJob,
  'consultation.rebuild': rebuildJob,
  'consultation.assign': async (_payload, { db }) => {
    await assignArrived(db)
  },
}
