// Following and unfollowing bodies and processes, and choosing the digest's frequency. Who
// follows what is personal: it goes into the audit log as a non-public entry.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { err, notFound, ok, type Result } from '../../core/result.ts'
import { findBody, findProcess } from '../processes/index.ts'
import { deleteFollow, insertFollow, saveFrequency } from './queries-write.ts'
import type { FollowSubject, Frequency } from './tables.ts'

export interface Subject {
  type: FollowSubject
  id: number
}

function signedIn(ctx: CommandContext): Result<number> {
  const allowed = authorize(ctx.actor, 'follow.manage')
  if (!allowed.ok) return allowed
  if (ctx.actor.kind !== 'account') return err({ type: 'unauthenticated', id: 'sign_in_required' })
  return ok(ctx.actor.accountId)
}

async function subjectExists(db: Db, subject: Subject): Promise<boolean> {
  return subject.type === 'body'
    ? (await findBody(db, subject.id)) !== undefined
    : (await findProcess(db, subject.id)) !== undefined
}

/** Follows a body or process; following twice is not an error (the button may be pressed twice). */
export async function follow(db: Db, ctx: CommandContext, subject: Subject): Promise<Result<void>> {
  const account = signedIn(ctx)
  if (!account.ok) return account
  if (!(await subjectExists(db, subject))) return notFound(`${subject.type}_not_found`)
  return inTransaction(db, async (trx) => {
    if (await insertFollow(trx, account.value, subject, ctx.now)) {
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'follow.added',
        subjectType: subject.type,
        subjectId: subject.id,
        payload: { accountId: account.value },
        public: false,
      })
    }
    return ok(undefined)
  })
}

export async function unfollow(db: Db, ctx: CommandContext, subject: Subject): Promise<Result<void>> {
  const account = signedIn(ctx)
  if (!account.ok) return account
  return inTransaction(db, async (trx) => {
    if (await deleteFollow(trx, account.value, subject)) {
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'follow.removed',
        subjectType: subject.type,
        subjectId: subject.id,
        payload: { accountId: account.value },
        public: false,
      })
    }
    return ok(undefined)
  })
}

export async function setFrequency(db: Db, ctx: CommandContext, frequency: Frequency): Promise<Result<void>> {
  const account = signedIn(ctx)
  if (!account.ok) return account
  return inTransaction(db, async (trx) => {
    await saveFrequency(trx, account.value, frequency, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'digest.frequency_set',
      subjectType: 'account',
      subjectId: account.value,
      payload: { frequency },
      public: false,
    })
    return ok(undefined)
  })
}
