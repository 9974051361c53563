// What happened in processes, for their Atom feeds and their followers' digests, read in ONE query:
// each module declares its sources in its manifest (`activity`), one select per kind of event over
// its own tables; this file puts them together (UNION ALL) and filters by process and time, orders
// and cuts once, so no module repeats the filter and every page reads activity the same way.
import { type AliasedExpression, type Expression, sql } from 'kysely'
import type { Db } from './db/database.ts'
import type { MessageValues } from './i18n/messages.ts'
import { isolated } from './ui/name.tsx'

/** Which activity to read: in these processes, after `since`, not after `until` (default: no end). */
export interface ActivityQuery {
  processIds: number[]
  since: Date
  until?: Date
  limit: number
}

/** Something that happened in a process, for its Atom feed and its followers' digests. */
export interface ActivityItem {
  /** stable across runs, e.g. "contribution:12:published:2" (the feed entry's id) */
  id: string
  at: Date
  processId: number
  /** message key and values that say what happened */
  message: string
  values?: MessageValues
  href: string
}

/**
 * One kind of event a module records, as a select over its tables of the six columns
 * `activityColumns` builds (no filter by process or time, no order: the composed query adds them).
 */
export interface ActivitySource {
  /** e.g. "call", "revision": names the source in the composed SQL */
  kind: string
  rows: (db: Db) => Expression<unknown>
  /** values that hold names people typed: isolated when shown (see core/ui/name.tsx) */
  names?: string[]
}

type Column<T> = Expression<T>

/**
 * The select list every source gives, in the order the UNION needs: a stable id, the process, when,
 * the message key and its values (a jsonb object), and the link.
 * @example
 * db.selectFrom('processesCall').select((eb) =>
 *   activityColumns({ id: sql`'call:' || id`, processId: eb.ref('processId'), at: eb.ref('opensAt'),
 *     message: 'processes.activity.callOpened', values: { title: eb.ref('title') },
 *     href: sql`'/processes/' || process_id || '#call-' || id` }))
 */
export function activityColumns(columns: {
  id: Column<string>
  processId: Column<number>
  at: Column<Date>
  /** a message key, or an expression choosing one */
  message: string | Column<string>
  values: Record<string, Column<unknown>>
  href: Column<string>
}): AliasedExpression<unknown, string>[] {
  const values = Object.entries(columns.values).flatMap(([name, value]) => [sql`${name}::text`, value])
  return [
    sql<string>`(${columns.id})::text`.as('id'),
    sql<number>`${columns.processId}`.as('processId'),
    sql<Date>`${columns.at}`.as('at'),
    (typeof columns.message === 'string' ? sql<string>`${columns.message}::text` : sql<string>`${columns.message}`).as(
      'message',
    ),
    sql<MessageValues>`jsonb_build_object(${sql.join(values)})`.as('values'),
    sql<string>`(${columns.href})::text`.as('href'),
  ]
}

interface ActivityRow {
  id: string
  processId: number
  at: Date
  message: string
  values: Record<string, string | number>
  href: string
  kind: string
}

/** The one query: every source, in these processes, after `since` and up to `until`, newest first. */
export function activitySql(db: Db, sources: readonly ActivitySource[], query: ActivityQuery) {
  const union = sql.join(
    sources.map(
      (s) => sql`select ${s.kind}::text as kind, ${sql.ref(s.kind)}.* from (${s.rows(db)}) as ${sql.ref(s.kind)}`,
    ),
    sql` union all `,
  )
  return sql<ActivityRow>`select * from (${union}) as activity
    where process_id in (${sql.join(query.processIds)}) and at > ${query.since}
    ${query.until ? sql`and at <= ${query.until}` : sql``}
    order by at desc, id limit ${query.limit}`
}

/** Every module's activity in these processes, newest first, as one query. */
export async function activityOf(
  db: Db,
  modules: readonly { activity?: ActivitySource[] }[],
  query: ActivityQuery,
): Promise<ActivityItem[]> {
  const sources = modules.flatMap((m) => m.activity ?? [])
  if (query.processIds.length === 0 || sources.length === 0) return []
  const names = new Map(sources.map((s) => [s.kind, new Set(s.names ?? [])]))
  const { rows } = await activitySql(db, sources, query).execute(db)
  return rows.map((row) => {
    const isolate = names.get(row.kind)
    const values: MessageValues = {}
    for (const [name, value] of Object.entries(row.values ?? {}))
      values[name] = isolate?.has(name) && typeof value === 'string' ? isolated(value) : value
    return {
      id: row.id,
      at: row.at instanceof Date ? row.at : new Date(row.at),
      processId: Number(row.processId),
      message: row.message,
      values,
      href: row.href,
    }
  })
}
