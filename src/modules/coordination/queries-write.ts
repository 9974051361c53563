// The taxonomy's and the mechanisms' writes, called by commands.ts inside its transaction (with
// its trx) and by reference.ts when the reference taxonomy is synced.
import type { Insertable, InsertObject, UpdateObject } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { cdb, type Issue } from './queries.ts'
import type { CoordinationMechanismTable, CoordinationTables } from './tables.ts'

// rows may hold expressions: the multilingual names go in as jsonb
type IssueRow = InsertObject<CoordinationTables, 'coordinationIssue'>

export async function insertIssue(db: Db, row: IssueRow): Promise<number> {
  return (await cdb(db).insertInto('coordinationIssue').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** Inserts the issue unless its slug is taken (then null): a concurrent insert never fails on it. */
export async function insertIssueUnlessSlugTaken(db: Db, row: IssueRow): Promise<number | null> {
  const added = await cdb(db)
    .insertInto('coordinationIssue')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst()
  return added?.id ?? null
}

/** The reference issues not there yet (by slug); how many were added. */
export async function insertMissingIssues(db: Db, rows: IssueRow[]): Promise<number> {
  const added = await cdb(db)
    .insertInto('coordinationIssue')
    .values(rows)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .execute()
  return added.length
}

/** The issue, its row locked until the transaction ends (two triages at once). */
export async function lockIssue(db: Db, id: number): Promise<Issue | undefined> {
  return cdb(db).selectFrom('coordinationIssue').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateIssue(
  db: Db,
  id: number,
  changes: UpdateObject<CoordinationTables, 'coordinationIssue'>,
): Promise<void> {
  await cdb(db).updateTable('coordinationIssue').set(changes).where('id', '=', id).execute()
}

/** A mechanism and the issues it addresses. */
export async function insertMechanism(
  db: Db,
  row: Insertable<CoordinationMechanismTable>,
  issueIds: number[],
): Promise<number> {
  const c = cdb(db)
  const { id } = await c.insertInto('coordinationMechanism').values(row).returning('id').executeTakeFirstOrThrow()
  if (issueIds.length)
    await c
      .insertInto('coordinationMechanismIssue')
      .values(issueIds.map((issueId) => ({ mechanismId: id, issueId })))
      .execute()
  return id
}
