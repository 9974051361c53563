// A person's own notices: marking them read, and choosing per kind how they arrive (at once,
// in the daily digest, only in the inbox, or not at all) and in which time zone. Personal
// choices: their audit entries are restricted (a commitment is published, not the content).
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { isTimeZone } from '../../core/i18n/messages.ts'
import { err, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { isOwnNotice, markNoticesRead, saveDelivery, saveTimeZone } from './queries-write.ts'
import { NOTICE_KINDS, type NoticeKind } from './rules/kinds.ts'
import type { Delivery } from './tables.ts'

function signedIn(ctx: CommandContext): Result<number> {
  const allowed = authorize(ctx.actor, 'notice.manage')
  if (!allowed.ok) return allowed
  if (ctx.actor.kind !== 'account') return err({ type: 'unauthenticated', id: 'sign_in_required' })
  return ok(ctx.actor.accountId)
}

/** Marks one notice read (`id`), or all of them (`'all'`); one's own only. */
export async function markRead(
  db: Db,
  ctx: CommandContext,
  which: number | 'all',
): Promise<Result<{ marked: number }>> {
  const account = signedIn(ctx)
  if (!account.ok) return account
  return inTransaction(db, async (trx) => {
    // someone else's notice is not found, as if it did not exist
    if (which !== 'all' && !(await isOwnNotice(trx, account.value, which))) return notFound('notice_not_found')
    const marked = await markNoticesRead(trx, account.value, which, ctx.now)
    if (marked > 0)
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'notice.marked_read',
        subjectType: 'account',
        subjectId: account.value,
        payload: { notice: which, marked },
        public: false,
      })
    return ok({ marked })
  })
}

/** Saves a person's delivery per kind and their time zone. */
export async function setNoticePreferences(
  db: Db,
  ctx: CommandContext,
  input: { deliveries: Partial<Record<NoticeKind, Delivery>>; timeZone: string },
): Promise<Result<void>> {
  const account = signedIn(ctx)
  if (!account.ok) return account
  if (!isTimeZone(input.timeZone)) return invalid([{ path: 'timeZone', code: 'notifications.timeZone.unknown' }])
  return inTransaction(db, async (trx) => {
    for (const kind of NOTICE_KINDS) {
      const delivery = input.deliveries[kind]
      if (delivery) await saveDelivery(trx, account.value, kind, delivery, ctx.now)
    }
    await saveTimeZone(trx, account.value, input.timeZone, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'notice.preferences_set',
      subjectType: 'account',
      subjectId: account.value,
      payload: { deliveries: input.deliveries, timeZone: input.timeZone },
      public: false,
    })
    return ok(undefined)
  })
}
