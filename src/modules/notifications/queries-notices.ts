// Reading and writing notices, people's choices of delivery per kind, their time zone, the audit
// cursor and the watched deadlines: the only code touching those tables.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { ndb } from './queries.ts'
import type { DeadlineChange, NoticeEvent } from './rules/events.ts'
import type { NoticeValues } from './rules/text.ts'
import type { DeadlineKind, Delivery } from './tables.ts'

export interface Notice {
  id: number
  kind: string
  href: string
  values: NoticeValues
  dueAt: Date | null
  createdAt: Date
  readAt: Date | null
}

const noticeColumns = ['id', 'kind', 'href', 'messageValues', 'dueAt', 'createdAt', 'readAt'] as const
const toNotice = (r: {
  id: number
  kind: string
  href: string
  messageValues: unknown
  dueAt: Date | null
  createdAt: Date
  readAt: Date | null
}): Notice => ({
  id: Number(r.id),
  kind: r.kind,
  href: r.href,
  values: r.messageValues as NoticeValues,
  dueAt: r.dueAt,
  createdAt: r.createdAt,
  readAt: r.readAt,
})

/** A person's notices, newest first, with how many there are and how many are unread. */
export async function noticesOf(
  db: Db,
  accountId: number,
  options: { limit: number; offset: number; unreadOnly?: boolean },
): Promise<{ rows: Notice[]; total: number; unread: number }> {
  let query = ndb(db).selectFrom('notificationsNotice').where('accountId', '=', accountId)
  if (options.unreadOnly) query = query.where('readAt', 'is', null)
  const [rows, counts] = await Promise.all([
    query
      .select(noticeColumns)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    ndb(db)
      .selectFrom('notificationsNotice')
      .where('accountId', '=', accountId)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('id').filterWhere('readAt', 'is', null).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const total = options.unreadOnly ? Number(counts.unread) : Number(counts.total)
  return { rows: rows.map(toNotice), total, unread: Number(counts.unread) }
}

/** The delivery each kind gets for a person, where they chose one. */
export async function deliveriesOf(db: Db, accountId: number): Promise<Map<string, Delivery>> {
  const rows = await ndb(db)
    .selectFrom('notificationsKindPreference')
    .select(['kind', 'delivery'])
    .where('accountId', '=', accountId)
    .execute()
  return new Map(rows.map((r) => [r.kind, r.delivery]))
}

/** A person's time zone for notices (UTC until chosen). */
export async function timeZoneOf(db: Db, accountId: number): Promise<string | null> {
  const row = await ndb(db)
    .selectFrom('notificationsSetting')
    .select('timeZone')
    .where('accountId', '=', accountId)
    .executeTakeFirst()
  return row?.timeZone ?? null
}

export interface Reader {
  accountId: number
  email: string
  displayName: string
  locale: string | null
  timeZone: string
  /** mail goes only to a confirmed address of an enabled account */
  mailable: boolean
  deliveries: Map<string, Delivery>
}

/** The people about to receive a notice: their address, language, time zone and choices. */
export async function readers(db: Db, accountIds: readonly number[]): Promise<Reader[]> {
  if (accountIds.length === 0) return []
  const rows = await ndb(db)
    .selectFrom('authAccount as a')
    .leftJoin('notificationsSetting as s', 's.accountId', 'a.id')
    .select([
      'a.id',
      'a.email',
      'a.displayName',
      'a.preferredLocale',
      'a.disabledAt',
      'a.emailConfirmedAt',
      's.timeZone',
    ])
    .where('a.id', 'in', [...accountIds])
    .where('a.disabledAt', 'is', null)
    .orderBy('a.id')
    .execute()
  const prefs = await ndb(db)
    .selectFrom('notificationsKindPreference')
    .select(['accountId', 'kind', 'delivery'])
    .where('accountId', 'in', [...accountIds])
    .execute()
  return rows.map((r) => ({
    accountId: Number(r.id),
    email: r.email,
    displayName: r.displayName,
    locale: r.preferredLocale,
    timeZone: r.timeZone ?? 'UTC',
    mailable: r.emailConfirmedAt !== null,
    deliveries: new Map(prefs.filter((p) => Number(p.accountId) === Number(r.id)).map((p) => [p.kind, p.delivery])),
  }))
}

/** Stores a notice for a person; undefined when they already have it (read twice, run twice). */
export async function insertNotice(
  db: Db,
  row: {
    accountId: number
    event: NoticeEvent
    values: NoticeValues
    sourceSeq: number | null
    delivery: Exclude<Delivery, 'off'>
    at: Date
  },
): Promise<number | undefined> {
  const inserted = await ndb(db)
    .insertInto('notificationsNotice')
    .values({
      accountId: row.accountId,
      kind: row.event.kind,
      sourceSeq: row.sourceSeq,
      sourceKey: row.event.sourceKey,
      href: row.event.href,
      messageValues: jsonb(row.values) as never,
      dueAt: row.event.dueAt,
      delivery: row.delivery,
      createdAt: row.at,
      mailedAt: null,
    })
    .onConflict((oc) => oc.columns(['accountId', 'sourceKey']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted ? Number(inserted.id) : undefined
}

export async function markMailed(db: Db, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return
  await ndb(db)
    .updateTable('notificationsNotice')
    .set({ mailedAt: at })
    .where('id', 'in', [...ids])
    .execute()
}

/** The audit cursor, locked until the transaction ends (one reader at a time, on any instance). */
export async function lockCursor(db: Db): Promise<number> {
  const row = await ndb(db)
    .selectFrom('notificationsCursor')
    .select('seq')
    .where('name', '=', 'audit')
    .forUpdate()
    .executeTakeFirst()
  if (row) return Number(row.seq)
  await ndb(db)
    .insertInto('notificationsCursor')
    .values({ name: 'audit', seq: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return lockCursor(db)
}

export async function moveCursor(db: Db, seq: number): Promise<void> {
  await ndb(db).updateTable('notificationsCursor').set({ seq }).where('name', '=', 'audit').execute()
}

/** Audit entries after the cursor, in order (committed in that order: see audit.ts's lock). */
export async function entriesAfter(db: Db, seq: number, limit: number) {
  return db
    .selectFrom('auditEntry')
    .select(['seq', 'action', 'subjectType', 'subjectId', 'payload', 'public', 'actorAccountId', 'at'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute()
}

/** Watches a deadline (a later date replaces the earlier and warns again) or settles it. */
export async function applyDeadline(db: Db, change: DeadlineChange): Promise<void> {
  const n = ndb(db)
  if (change.op === 'settle') {
    await n
      .updateTable('notificationsDeadline')
      .set({ settledAt: sql`now()` })
      .where('kind', '=', change.kind)
      .where('ref', '=', change.ref)
      .where('settledAt', 'is', null)
      .execute()
    return
  }
  await n
    .insertInto('notificationsDeadline')
    .values({ kind: change.kind, ref: change.ref, dueAt: change.dueAt, facts: jsonb(change.facts) as never })
    .onConflict((oc) =>
      oc.columns(['kind', 'ref']).doUpdateSet({
        dueAt: change.dueAt,
        facts: sql`notifications_deadline.facts || excluded.facts`,
        warnedAt: sql`case when notifications_deadline.due_at = excluded.due_at then notifications_deadline.warned_at end`,
      }),
    )
    .execute()
}

export interface Deadline {
  id: number
  kind: DeadlineKind
  ref: string
  dueAt: Date
  facts: Record<string, unknown>
}

/** Deadlines not settled, not yet warned of, and not past. */
export async function openDeadlines(db: Db, now: Date): Promise<Deadline[]> {
  const rows = await ndb(db)
    .selectFrom('notificationsDeadline')
    .select(['id', 'kind', 'ref', 'dueAt', 'facts'])
    .where('settledAt', 'is', null)
    .where('warnedAt', 'is', null)
    .where('dueAt', '>', now)
    .orderBy('dueAt')
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), facts: r.facts as Record<string, unknown> }))
}

export async function markWarned(db: Db, id: number, at: Date): Promise<void> {
  await ndb(db).updateTable('notificationsDeadline').set({ warnedAt: at }).where('id', '=', id).execute()
}

/** Daily notices not yet mailed, per person. */
export async function pendingDaily(db: Db) {
  return ndb(db)
    .selectFrom('notificationsNotice')
    .select(['id', 'accountId', 'kind', 'href', 'messageValues', 'dueAt', 'createdAt', 'readAt'])
    .where('delivery', '=', 'daily')
    .where('mailedAt', 'is', null)
    .orderBy('accountId')
    .orderBy('id')
    .execute()
}
export { toNotice }
