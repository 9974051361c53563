// The only code that touches the glossary's table.
import type { Db } from '../../../src/core/db/database.ts'
import type { GlossaryTables } from './tables.ts'

const gdb = (db: Db) => db.withTables<GlossaryTables>()

/** The terms not withdrawn, in alphabetical order. */
export async function listTerms(db: Db) {
  return gdb(db)
    .selectFrom('glossaryTerm')
    .select(['id', 'term', 'definition', 'proposedBy'])
    .where('withdrawnAt', 'is', null)
    .orderBy('term')
    .execute()
}

export async function findTerm(db: Db, id: number) {
  return gdb(db)
    .selectFrom('glossaryTerm')
    .select(['id', 'term', 'proposedBy', 'withdrawnAt'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertTerm(db: Db, row: { term: string; definition: string; proposedBy: number; at: Date }) {
  const { id } = await gdb(db)
    .insertInto('glossaryTerm')
    .values({ term: row.term, definition: row.definition, proposedBy: row.proposedBy, createdAt: row.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function markWithdrawn(db: Db, id: number, at: Date): Promise<void> {
  await gdb(db).updateTable('glossaryTerm').set({ withdrawnAt: at }).where('id', '=', id).execute()
}
