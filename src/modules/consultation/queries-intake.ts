// Taking contributions in bulk: an import is started (or found again: the same file for the same
// call resumes), then its records are read in batches; each batch commits its contributions, its
// rejects, the line it reached and one audit entry together, so an interruption loses nothing
// committed and a re-run adds nothing twice (external ids are unique per call).
import type { Readable } from 'node:stream'
import { sql } from 'kysely'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb, retryLostRaces } from '../../core/db/helpers.ts'
import { err, notFound, ok, type Result } from '../../core/result.ts'
import {
  countImportedBatch,
  ImportBatchWriter,
  indexImportedForSearch,
  insertPreparedBatch,
  type PreparedBatch,
  releasePreparedBatch,
} from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { findImport, type ImportRow, kdb } from './queries.ts'
import { campaignMembersOfCall } from './queries-members.ts'
import { TABLES_LOCK } from './queries-rebuild-swap.ts'
import { resolverFor } from './queries-resolver.ts'
import { checkRecord } from './rules/records.ts'
import { storableReject } from './rules/rejects.ts'
import { readRecordChunks } from './sources/records.ts'

export { type StartImport, sha256Of, startImport } from './queries-intake-start.ts'

export const BATCH_SIZE = 5000

export interface Progress {
  line: number
  records: number
  accepted: number
  alreadyThere: number
  rejected: number
}

export interface RunOptions {
  batchSize?: number
  defaultLanguage?: string | null
  onProgress?: (p: Progress) => void
  /** stops after the batch in progress (an interruption, for the resume test) */
  stopAfterBatches?: number
  /** called once the last batch is committed, before the search pass (the bench reads its CPU here) */
  onIntakeDone?: () => Promise<void> | void
  /** before the search pass: campaigns rebuilt here are in its documents (`resumed`: an earlier run stopped) */
  beforeSearchPass?: (run: { added: number[]; resumed: boolean }) => Promise<void>
  /** batches written at once (default 2; PGlite, one connection, takes them one after the other) */
  concurrency?: number
  /** called in each batch's transaction before it writes its rows (tests: a batch made to finish last) */
  beforeWrite?: (batch: number) => Promise<void>
  /** each batch's steps as they start (the bench times where this process and the database wait) */
  onPhase?: (batch: number, phase: BatchPhase) => void
}

/**
 * A batch's steps: `prepare` its ids and COPY data, `slot` waiting for a batch in flight to finish,
 * `copy` its rows, `wait` for the batch before it to commit, `count` its rows, `commit` the rest
 * (rejects, progress, audit entry) and the transaction, `committed` done.
 */
export type BatchPhase = 'prepare' | 'slot' | 'copy' | 'wait' | 'count' | 'commit' | 'committed'

type Batch = { prepared: PreparedBatch; rejects: Reject[]; lastLine: number; valid: number }

type Reject = { line: number; externalId: string | null; reason: string; record: unknown }

export interface ImportRun {
  import: ImportRow
  /** the contributions this run added */
  added: number[]
  /** the batches (the intake), then the search index of the import's contributions built after */
  seconds?: { intake: number; searchIndex: number }
}

/**
 * Reads the file from the start, skips what an earlier run committed, and commits the rest batch
 * by batch, then indexes the import's contributions for search in one pass. Returns the ids of the
 * contributions this run added (for the campaign assignment).
 */
export async function runImport(
  db: Db,
  ctx: CommandContext,
  importId: number,
  input: Readable,
  options: RunOptions = {},
): Promise<Result<ImportRun>> {
  const started = await findImport(db, importId)
  if (!started) return notFound('import_not_found')
  const call = await findCall(db, started.callId)
  if (!call) return notFound('call_not_found')
  const resolver = await resolverFor(db, started.callId, isoDate(ctx.now))
  if (!resolver) return notFound('call_not_found')
  await kdb(db)
    .updateTable('consultationImport')
    .set({ status: 'running', updatedAt: ctx.now })
    .where('id', '=', importId)
    .execute()
  const size = options.batchSize ?? BATCH_SIZE
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const progress: Progress = {
    line: started.lineDone,
    records: started.records,
    accepted: started.accepted,
    alreadyThere: started.alreadyThere,
    rejected: started.rejected,
  }
  const added: number[] = []
  const t0 = performance.now()
  let intakeSeconds = 0
  // the batch being read: its valid records written at once (ImportBatchWriter), counted, and its rejects
  let writer: ImportBatchWriter | null = null
  let valid = 0
  let rejects: Reject[] = []
  // the external ids of the batches in flight when this one started (see send)
  let flying: Set<string>[] = []
  let lastLine = started.lineDone
  let batches = 0
  const target = {
    callId: call.id,
    processId: call.processId,
    authorAccountId: started.accountId,
    importId,
    sourceFile: started.fileName,
  }
  // Each batch is its own transaction, committed durably with its progress (the line reached), so a
  // crash loses nothing it acknowledged and a resume reads on from there. Not `synchronous_commit =
  // off`: a batch writes an audit entry, and a signed checkpoint may cover it before the disk does; a
  // crash would then take back an entry a verifier already holds (a fork of the log). A batch's new
  // rows are kept in memory for its statement triggers (work_mem) rather than in a temporary file.
  // Two batches are written at once (on PostgreSQL, two connections: two server processes), and
  // committed in file order: a batch writes its rows, then waits for the batch before it to commit,
  // then counts its rows, records its rejects, progress and audit entry, and commits. What it locks
  // before that wait (its new rows; the call and account its keys name, shared) no batch before it
  // needs; the rows it locks after (counts, the import, the audit log) are locked by one batch at a
  // time. An external id the batch in flight before it has is left out (it is already there), so two
  // batches never wait for each other's rows; a wait on another import's rows gives up after a
  // minute (lock_timeout) rather than wait forever, and the import fails, to be resumed.
  //
  // A batch that lost a race (a deadlock, a lock not had in time) is undone and written again
  // (retryLostRaces): it keeps its COPY data and leaves `progress` alone until it commits. It starts
  // over from a savepoint taken first, in its own transaction: the batch after it waits for it
  // holding a connection, which a new transaction might then wait for forever (PGlite has one).
  const write = async (batch: Batch, before: Promise<unknown>, index: number) => {
    const { prepared, rejects, lastLine } = batch
    const phase = (p: BatchPhase) => options.onPhase?.(index, p)
    const once = (trx: Db) => inTransaction(trx, (sp) => attempt(sp))
    const stored = await inTransaction(db, (trx) => retryLostRaces(() => once(trx)), { retry: false })
    phase('committed')
    releasePreparedBatch(prepared)
    Object.assign(progress, stored.reached)
    for (const r of stored.rows) added.push(r.id)
    options.onProgress?.({ ...progress })

    async function attempt(trx: Db) {
      phase('copy')
      await sql`select set_config('work_mem', '32MB', true), set_config('lock_timeout', '60s', true)`.execute(trx)
      await options.beforeWrite?.(index)
      const rows = await insertPreparedBatch(trx, prepared, { searchLater: true, countsLater: true })
      phase('wait')
      // the batch before failing is no race this one lost: not run again for it
      await before.catch((error) => {
        throw new EarlierBatchFailed(error instanceof Error ? error.message : String(error))
      })
      phase('count')
      await sql`set local lock_timeout to default`.execute(trx)
      const ids = rows.map((r) => r.id)
      await countImportedBatch(trx, ids)
      phase('commit')
      if (rejects.length > 0)
        await kdb(trx)
          .insertInto('consultationReject')
          .values(rejects.map(storableReject).map((r) => ({ importId, ...r, record: jsonb(r.record) })))
          .onConflict((oc) => oc.columns(['importId', 'line']).doNothing())
          .execute()
      const reached = {
        line: lastLine,
        records: progress.records + batch.valid + rejects.length,
        accepted: progress.accepted + rows.length,
        alreadyThere: progress.alreadyThere + batch.valid - rows.length,
        rejected: progress.rejected + rejects.length,
      }
      await kdb(trx)
        .updateTable('consultationImport')
        .set({
          lineDone: lastLine,
          records: reached.records,
          accepted: reached.accepted,
          alreadyThere: reached.alreadyThere,
          rejected: reached.rejected,
          updatedAt: ctx.now,
        })
        .where('id', '=', importId)
        .execute()
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'contributions.imported',
        subjectType: 'call',
        subjectId: target.callId,
        payload: { import: importId, throughLine: lastLine, added: rows.length, rejected: rejects.length },
      })
      return { rows, reached }
    }
  }
  // a batch is written into its COPY data as it is read, and given its ids, while the batches before
  // it are written; only then does it wait for one of them to finish: the database has
  // `concurrency` batches at work while this process reads (preparing after the wait left it one
  // batch for the time a batch took to prepare, a tenth of the import at 100,000 rows)
  const inFlight: { done: Promise<void>; externalIds: Set<string> }[] = []
  let last: Promise<void> = Promise.resolve()
  const send = async () => {
    options.onPhase?.(batches, 'prepare')
    const prepared = writer ? await writer.finish(db) : { rows: [], data: new Uint8Array(0) }
    const externalIds = writer?.externalIdSet ?? new Set<string>()
    const next = { prepared, rejects, lastLine, valid }
    writer = null
    valid = 0
    rejects = []
    // at most `concurrency` batches written at once: the oldest finishes before another starts
    options.onPhase?.(batches, 'slot')
    while (inFlight.length >= concurrency) await (inFlight.shift() as (typeof inFlight)[number]).done
    const done = write(next, last, batches++)
    done.catch(() => {}) // awaited below, or by the batch after it (which then fails too)
    last = done
    inFlight.push({ done, externalIds })
  }
  const settle = async () => {
    const all = await Promise.allSettled(inFlight.splice(0).map((b) => b.done))
    const failed = all.find((r) => r.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
  }
  try {
    for await (const records of readRecordChunks(started.format, input, options.defaultLanguage ?? null)) {
      for (const record of records) {
        if (record.line <= started.lineDone) continue
        lastLine = record.line
        const checked = 'error' in record ? null : checkRecord(record.fields, record.line, resolver)
        if (checked?.ok) {
          valid++
          // an external id a batch in flight has is left out: it is there once that batch commits
          // (before this one: batches commit in file order), and two batches never wait for each
          // other's rows
          if (writer === null) {
            writer = new ImportBatchWriter(target)
            flying = inFlight.map((b) => b.externalIds)
          }
          if (!inAny(flying, checked.value.externalId)) writer.add(checked.value)
        } else if ('error' in record)
          rejects.push({ line: record.line, externalId: null, reason: record.error, record: record.raw ?? null })
        else {
          const externalId = typeof record.fields.external_id === 'string' ? record.fields.external_id : null
          rejects.push({ line: record.line, externalId, reason: checked?.reason ?? '', record: record.fields })
        }
        if (valid + rejects.length >= size) {
          await send()
          if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) {
            await settle()
            return ok({ import: (await findImport(db, importId)) as ImportRow, added })
          }
        }
      }
    }
    if (valid + rejects.length > 0) await send()
    await settle()
    intakeSeconds = (performance.now() - t0) / 1000
    await options.onIntakeDone?.()
    await options.beforeSearchPass?.({ added, resumed: started.status !== 'done' && started.lineDone > 0 })
    // a rebuild may have run before the pass (or a resumed one): its members' terms written at once
    await indexImportedForSearch(db, call.id, importId, {
      members: campaignMembersOfCall(call.id),
      guard: sql`select pg_advisory_xact_lock_shared(${TABLES_LOCK})`,
    })
  } catch (error) {
    await Promise.allSettled(inFlight.map((b) => b.done))
    await kdb(db)
      .updateTable('consultationImport')
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), updatedAt: ctx.now })
      .where('id', '=', importId)
      .execute()
    return err({ type: 'conflict', id: 'import_failed' })
  }
  await kdb(db)
    .updateTable('consultationImport')
    .set({ status: 'done', finishedAt: ctx.now, updatedAt: ctx.now, content: null })
    .where('id', '=', importId)
    .execute()
  const seconds = { intake: intakeSeconds, searchIndex: (performance.now() - t0) / 1000 - intakeSeconds }
  return ok({ import: (await findImport(db, importId)) as ImportRow, added, seconds })
}

/** The batch before this one failed: this one fails with it (not a race it lost, see write). */
class EarlierBatchFailed extends Error {}

/** Whether one of `sets` has `id` (a loop, not a closure made per record: tsx names each one it makes). */
function inAny(sets: Set<string>[], id: string): boolean {
  for (const ids of sets) if (ids.has(id)) return true
  return false
}
