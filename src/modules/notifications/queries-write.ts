// The writes the notifications commands make, inside their transaction: follows, the digest's
// frequency and period, a person's choices of delivery and time zone, notices marked read.
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { Delivery, FollowSubject, Frequency } from './tables.ts'

type Subject = { type: FollowSubject; id: number }

/** Adds a follow; false when it was already there (the button pressed twice). */
export async function insertFollow(db: Db, accountId: number, subject: Subject, at: Date): Promise<boolean> {
  const row = await ndb(db)
    .insertInto('notificationsFollow')
    .values({ accountId, subjectType: subject.type, subjectId: subject.id, createdAt: at })
    .onConflict((oc) => oc.columns(['accountId', 'subjectType', 'subjectId']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Removes a follow; false when there was none. */
export async function deleteFollow(db: Db, accountId: number, subject: Subject): Promise<boolean> {
  const removed = await ndb(db)
    .deleteFrom('notificationsFollow')
    .where('accountId', '=', accountId)
    .where('subjectType', '=', subject.type)
    .where('subjectId', '=', subject.id)
    .returning('id')
    .executeTakeFirst()
  return removed !== undefined
}

export async function saveFrequency(db: Db, accountId: number, frequency: Frequency, at: Date): Promise<void> {
  await ndb(db)
    .insertInto('notificationsPreference')
    .values({ accountId, frequency, updatedAt: at })
    .onConflict((oc) => oc.column('accountId').doUpdateSet({ frequency, updatedAt: at }))
    .execute()
}

/** Marks a digest period as dealt with (its start), so the next run starts after it. */
export async function markPeriodDealt(db: Db, accountId: number, periodStart: Date, at: Date): Promise<void> {
  await ndb(db)
    .insertInto('notificationsPreference')
    .values({ accountId, lastPeriodStart: periodStart, updatedAt: at })
    .onConflict((oc) => oc.column('accountId').doUpdateSet({ lastPeriodStart: periodStart, updatedAt: at }))
    .execute()
}

export async function isOwnNotice(db: Db, accountId: number, id: number): Promise<boolean> {
  const row = await ndb(db)
    .selectFrom('notificationsNotice')
    .select('id')
    .where('id', '=', id)
    .where('accountId', '=', accountId)
    .executeTakeFirst()
  return row !== undefined
}

/** Marks one unread notice of the account read, or all of them; how many were. */
export async function markNoticesRead(db: Db, accountId: number, which: number | 'all', at: Date): Promise<number> {
  let query = ndb(db)
    .updateTable('notificationsNotice')
    .set({ readAt: at })
    .where('accountId', '=', accountId)
    .where('readAt', 'is', null)
  if (which !== 'all') query = query.where('id', '=', which)
  return (await query.returning('id').execute()).length
}

export async function saveDelivery(
  db: Db,
  accountId: number,
  kind: string,
  delivery: Delivery,
  at: Date,
): Promise<void> {
  await ndb(db)
    .insertInto('notificationsKindPreference')
    .values({ accountId, kind, delivery, updatedAt: at })
    .onConflict((oc) => oc.columns(['accountId', 'kind']).doUpdateSet({ delivery, updatedAt: at }))
    .execute()
}

export async function saveTimeZone(db: Db, accountId: number, timeZone: string, at: Date): Promise<void> {
  await ndb(db)
    .insertInto('notificationsSetting')
    .values({ accountId, timeZone, updatedAt: at })
    .onConflict((oc) => oc.column('accountId').doUpdateSet({ timeZone, updatedAt: at }))
    .execute()
}
