// Fixed-window rate limits counted in the database, so every app instance sees the same counts.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

export interface RateLimit {
  limit: number
  windowSeconds: number
}

// Sign-in and password changes are throttled on failures only (modules/accounts/throttle.ts).
export const RATE_LIMITS = {
  signUpByIp: { limit: 10, windowSeconds: 60 * 60 },
  /** confirmation mails to one address */
  signUpByEmail: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** Counts one attempt against `key` and says whether it is within the limit. */
export async function consumeRateLimit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<RateDecision> {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const row = await db
    .insertInto('coreRateLimit')
    .values({ key, windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'windowStart']).doUpdateSet({ count: sql`core_rate_limit.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow()
  if (row.count <= rule.limit) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000) }
}

export async function purgeOldRateLimits(db: Db, now = new Date()): Promise<void> {
  // the longest window is an hour; anything older than a day is dead weight
  await db
    .deleteFrom('coreRateLimit')
    .where('windowStart', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))
    .execute()
}
