// The password-attempt throttles' table (shared by every app instance). An attempt is
// counted as a failure before the password is checked, so parallel guesses cannot slip past a
// delay; a success then clears its key, so successes never count.
import type { Db } from '../../core/db/database.ts'
import { currentFailures, delayAfter, type ThrottleRule } from './rules/throttle.ts'
import { adb } from './tables.ts'

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

function refusal(blockedUntil: Date, now: Date): ThrottleDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)) }
}

/** Whether an attempt under `key` may be made now, without counting it. */
export async function checkThrottle(db: Db, key: string, now: Date): Promise<ThrottleDecision> {
  const row = await adb(db)
    .selectFrom('accountsThrottle')
    .select('blockedUntil')
    .where('key', '=', key)
    .executeTakeFirst()
  return row && row.blockedUntil > now ? refusal(row.blockedUntil, now) : { allowed: true }
}

/**
 * Counts a failure under `key` unless a delay is running; `onlyIfFree` makes it a reservation
 * that is refused (and not counted) while the key is delayed.
 */
export async function countFailure(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now: Date,
  onlyIfFree = false,
): Promise<ThrottleDecision> {
  const t = adb(db)
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await t
      .selectFrom('accountsThrottle')
      .select(['failures', 'lastFailureAt', 'blockedUntil'])
      .where('key', '=', key)
      .executeTakeFirst()
    if (onlyIfFree && row && row.blockedUntil > now) return refusal(row.blockedUntil, now)
    const failures = currentFailures(row, now) + 1
    const blockedUntil = new Date(now.getTime() + delayAfter(failures, rule) * 1000)
    const values = { failures, lastFailureAt: now, blockedUntil }
    // compare-and-set on the row as read, so two parallel attempts are both counted
    const written = row
      ? await t
          .updateTable('accountsThrottle')
          .set(values)
          .where('key', '=', key)
          .where('failures', '=', row.failures)
          .where('lastFailureAt', '=', row.lastFailureAt)
          .executeTakeFirst()
          .then((r) => r.numUpdatedRows > 0n)
      : await t
          .insertInto('accountsThrottle')
          .values({ key, ...values })
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .executeTakeFirst()
          .then((r) => r !== undefined)
    if (written) return { allowed: true }
  }
  // three lost races in a row: many parallel attempts on one key, which is what a delay is for
  return { allowed: false, retryAfterSeconds: 1 }
}

/** Forgets the failures under `key` (the right password was given). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await adb(db).deleteFrom('accountsThrottle').where('key', '=', key).execute()
}

export async function purgeOldThrottles(db: Db, now: Date): Promise<void> {
  await adb(db)
    .deleteFrom('accountsThrottle')
    .where('lastFailureAt', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))
    .where('blockedUntil', '<', now)
    .execute()
}
