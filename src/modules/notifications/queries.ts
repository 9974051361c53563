// Reading follows and digest preferences.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { FollowSubject, Frequency, NotificationsTables } from './tables.ts'

type NotificationsDb = Kysely<CoreTables & NotificationsTables>
export const ndb = (db: Db): NotificationsDb => db.withTables<NotificationsTables>()

export interface Follow {
  id: number
  subjectType: FollowSubject
  subjectId: number
  createdAt: Date
}

export async function followsOf(db: Db, accountId: number): Promise<Follow[]> {
  return ndb(db)
    .selectFrom('notificationsFollow')
    .select(['id', 'subjectType', 'subjectId', 'createdAt'])
    .where('accountId', '=', accountId)
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function isFollowing(
  db: Db,
  accountId: number,
  subject: { type: FollowSubject; id: number },
): Promise<boolean> {
  const row = await ndb(db)
    .selectFrom('notificationsFollow')
    .select('id')
    .where('accountId', '=', accountId)
    .where('subjectType', '=', subject.type)
    .where('subjectId', '=', subject.id)
    .executeTakeFirst()
  return row !== undefined
}

export async function followerCount(db: Db, subject: { type: FollowSubject; id: number }): Promise<number> {
  const row = await ndb(db)
    .selectFrom('notificationsFollow')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subjectType', '=', subject.type)
    .where('subjectId', '=', subject.id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The accounts following a process or the body it belongs to (repeated when both). */
export async function followersOf(db: Db, processId: number, bodyId: number): Promise<number[]> {
  const rows = await ndb(db)
    .selectFrom('notificationsFollow')
    .select('accountId')
    .where((eb) =>
      eb.or([
        eb.and([eb('subjectType', '=', 'process'), eb('subjectId', '=', processId)]),
        eb.and([eb('subjectType', '=', 'body'), eb('subjectId', '=', bodyId)]),
      ]),
    )
    .execute()
  return rows.map((r) => r.accountId)
}

/** An account's digest frequency; weekly until it chooses. */
export async function frequencyOf(db: Db, accountId: number): Promise<Frequency> {
  const row = await ndb(db)
    .selectFrom('notificationsPreference')
    .select('frequency')
    .where('accountId', '=', accountId)
    .executeTakeFirst()
  return row?.frequency ?? 'weekly'
}

export interface Subscriber {
  accountId: number
  email: string
  displayName: string
  locale: string | null
  frequency: Frequency
  lastPeriodStart: Date | null
}

/** Enabled accounts that follow something, with their digest preference. */
export async function subscribers(db: Db): Promise<Subscriber[]> {
  const rows = await ndb(db)
    .selectFrom('authAccount as a')
    .leftJoin('notificationsPreference as p', 'p.accountId', 'a.id')
    .select([
      'a.id as accountId',
      'a.email',
      'a.displayName',
      'a.preferredLocale as locale',
      'p.frequency',
      'p.lastPeriodStart',
    ])
    .where('a.disabledAt', 'is', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('notificationsFollow as f').select('f.id').whereRef('f.accountId', '=', 'a.id')),
    )
    .orderBy('a.id')
    .execute()
  return rows.map((r) => ({ ...r, frequency: r.frequency ?? 'weekly', lastPeriodStart: r.lastPeriodStart ?? null }))
}
