// The notices job. It reads the audit log after a stored cursor and turns the entries that matter
// into notices; the notices, their mails and the cursor's new place are written in one
// transaction, so a crash (even kill -9) between reading and writing loses nothing and repeats
// nothing: the transaction is rolled back and the next run reads the same entries again. Entries
// are read in `seq` order, which is their commit order (audit.ts appends under a transaction-wide
// lock). Then the scheduled check: deadlines seen in the log whose warning window has opened.
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { AppDeps } from '../../core/http/context.ts'
import { deliver } from './deliver.ts'
import { applyDeadline, entriesAfter, lockCursor, markWarned, moveCursor, openDeadlines } from './queries-notices.ts'
import { readEntry } from './rules/events.ts'
import { inWarningWindow } from './rules/kinds.ts'
import { warningFor } from './rules/warnings.ts'

export interface ReadOptions {
  /** entries per transaction (small: on PGlite a transaction holds the one connection) */
  batch?: number
  /** for tests: runs after the notices are written, before the cursor moves (a crash there) */
  beforeCursorMoves?: () => void | Promise<void>
}

/** Reads the audit log up to its end; returns the entries read and the notices made. */
export async function readAuditLog(
  db: Db,
  deps: AppDeps,
  now: Date,
  options: ReadOptions = {},
): Promise<{ entries: number; notices: number }> {
  const total = { entries: 0, notices: 0 }
  for (;;) {
    const step = await inTransaction(db, async (trx) => {
      const cursor = await lockCursor(trx)
      const entries = await entriesAfter(trx, cursor, options.batch ?? 50)
      let notices = 0
      for (const entry of entries) {
        const fact = {
          seq: Number(entry.seq),
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          payload: entry.payload,
          public: entry.public,
          actorAccountId: entry.actorAccountId === null ? null : Number(entry.actorAccountId),
        }
        const reading = readEntry(fact)
        for (const change of reading.deadlines) await applyDeadline(trx, change)
        for (const event of reading.events) notices += await deliver(trx, deps, event, fact, now)
      }
      if (entries.length === 0) return { entries: 0, notices }
      await options.beforeCursorMoves?.()
      await moveCursor(trx, Number(entries[entries.length - 1]?.seq))
      return { entries: entries.length, notices }
    })
    total.entries += step.entries
    total.notices += step.notices
    if (step.entries === 0) return total
  }
}

/** Warns of the deadlines whose window has opened (once each: marked in the same transaction). */
export async function checkDeadlines(db: Db, deps: AppDeps, now: Date): Promise<number> {
  let notices = 0
  for (const deadline of await openDeadlines(db, now)) {
    if (!inWarningWindow(deadline.kind, deadline.dueAt, now)) continue
    const event = warningFor(deadline)
    notices += await inTransaction(db, async (trx) => {
      const made = event ? await deliver(trx, deps, event, { seq: null, public: true, actorAccountId: null }, now) : 0
      await markWarned(trx, deadline.id, now)
      return made
    })
  }
  return notices
}
