// The library's writes, called by commands.ts inside its transaction (with its trx): a new item,
// a corrected one, and the focal point's decision on a suggestion.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { kdb } from './queries.ts'
import type { KnowledgeItemTable } from './tables.ts'

export async function insertItemRow(db: Db, row: Insertable<KnowledgeItemTable>): Promise<number> {
  return (await kdb(db).insertInto('knowledgeItem').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateItemRow(db: Db, id: number, changes: Updateable<KnowledgeItemTable>): Promise<void> {
  await kdb(db).updateTable('knowledgeItem').set(changes).where('id', '=', id).execute()
}

/** The item's status, its row locked until the transaction ends (two focal points deciding at once). */
export async function lockItemStatus(db: Db, id: number) {
  return kdb(db)
    .selectFrom('knowledgeItem')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}
