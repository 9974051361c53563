// A rebuild replaces a call's texts, LSH buckets and members by writing fresh tables and swapping
// them in, in its transaction: `<table>_next` is made like the table (columns, defaults, identity,
// checks), given the other calls' rows, loaded by COPY with no index to keep up, then indexed once
// (a sorted build) and put in the table's place. Deleting a million members and six million
// buckets and inserting them again through five indexes cost three times the PostgreSQL time, and
// left as many dead rows behind (autovacuum may be off) for the next arrivals' probes to step over.
// Readers are never blocked but for the swap itself; writers (arrivals of any call) wait for the
// rebuild's write, as they wait for its lock on the call today.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

export const SWAPPED = ['consultation_text', 'consultation_bucket', 'consultation_member'] as const
export type Swapped = (typeof SWAPPED)[number]

/**
 * Taken shared by each assignment, and alone by a rebuild's write: no arrival writes mid-swap (the
 * assignment functions of migration 20261211-0300 name the same key, as does the call's lock).
 */
export const TABLES_LOCK = sql`hashtext('consultation:tables')`

/** Before the swap: every arrival done, no other writer until commit; `<table>_next` with the other calls' rows. */
export async function prepareNext(trx: Db, callId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TABLES_LOCK})`.execute(trx)
  await sql.raw(`lock table ${SWAPPED.join(', ')} in exclusive mode`).execute(trx)
  for (const table of SWAPPED) {
    await sql
      .raw(`create table ${table}_next (like ${table} including defaults including identity including constraints)`)
      .execute(trx)
    // two ranges of the call index, not a scan of every row (the other calls are usually few)
    for (const side of ['<', '>'])
      await sql
        .raw(`insert into ${table}_next select * from ${table} where call_id ${side} ${Number(callId)}`)
        .execute(trx)
  }
}

interface IndexDef {
  name: string
  def: string
  constraintName: string | null
  constraintType: 'p' | 'u' | null
}

async function indexesOf(trx: Db, table: Swapped): Promise<IndexDef[]> {
  const rows = await sql<IndexDef>`
    select ci.relname as name, pg_get_indexdef(i.indexrelid) as def, con.conname as "constraintName",
      con.contype as "constraintType"
    from pg_index i join pg_class ci on ci.oid = i.indexrelid
    left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u')
    where i.indrelid = ${table}::regclass order by ci.relname`.execute(trx)
  return rows.rows
}

/** The index definition for `<table>_next`, named `<index>_next`. */
export function nextIndexDef(index: IndexDef): string {
  const next = index.def.replace(
    /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)(\S+?)( USING )/,
    (_, create: string, name: string, on: string, table: string, using: string) =>
      `${create}${name}_next${on}${table}_next${using}`,
  )
  if (next === index.def) throw new Error(`campaign rebuild: cannot read the index definition ${index.def}`)
  return next
}

/** The table's indexes (as its migrations left them) built on `<table>_next`, then its statistics. */
export async function indexNext(trx: Db): Promise<void> {
  // room to sort six million bucket keys in memory, for this transaction only
  await sql`select set_config('maintenance_work_mem', '256MB', true)`.execute(trx)
  for (const table of SWAPPED)
    for (const index of await indexesOf(trx, table)) await sql.raw(nextIndexDef(index)).execute(trx)
  await sql.raw(`analyze ${SWAPPED.map((t) => `${t}_next`).join(', ')}`).execute(trx)
}

/**
 * Every reader of the tables gone (waiting at most 100 ms at a time, so a reader that holds one
 * table and waits for another is never held in a deadlock with us), then the swap: the old tables
 * dropped, the new ones renamed, their indexes, constraints and identity sequence given the old
 * names, the identity continuing where the old one stopped.
 */
export async function swapNext(trx: Db): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await sql`savepoint consultation_swap`.execute(trx)
    try {
      if (attempt < 100) await sql`select set_config('lock_timeout', '100ms', true)`.execute(trx)
      await sql.raw(`lock table ${SWAPPED.join(', ')} in access exclusive mode`).execute(trx)
      await sql`release savepoint consultation_swap`.execute(trx)
      break
    } catch (error) {
      if (attempt >= 100) throw error
      await sql`rollback to savepoint consultation_swap`.execute(trx)
      await new Promise((resolve) => setTimeout(resolve, 20 * Math.min(attempt, 10)))
    }
  }
  await sql`select set_config('lock_timeout', '0', true)`.execute(trx)
  const indexes = new Map<Swapped, IndexDef[]>()
  for (const table of SWAPPED) indexes.set(table, await indexesOf(trx, table))
  const sequence = await sql<{ old: string | null; next: string | null }>`
    select pg_get_serial_sequence('consultation_text', 'id') as old,
      pg_get_serial_sequence('consultation_text_next', 'id') as next`.execute(trx)
  const { old, next } = sequence.rows[0] ?? { old: null, next: null }
  if (old && next) await sql`select setval(${next}::regclass, nextval(${old}::regclass))`.execute(trx)
  await sql.raw(`drop table ${SWAPPED.join(', ')}`).execute(trx)
  for (const table of SWAPPED) {
    await sql.raw(`alter table ${table}_next rename to ${table}`).execute(trx)
    for (const index of indexes.get(table) ?? []) {
      if (index.constraintName && index.constraintType)
        await sql
          .raw(
            `alter table ${table} add constraint ${index.constraintName} ${index.constraintType === 'p' ? 'primary key' : 'unique'} using index ${index.name}_next`,
          )
          .execute(trx)
      else await sql.raw(`alter index ${index.name}_next rename to ${index.name}`).execute(trx)
    }
  }
  if (old && next) await sql.raw(`alter sequence ${next} rename to ${old.replace(/^.*\./, '')}`).execute(trx)
}
