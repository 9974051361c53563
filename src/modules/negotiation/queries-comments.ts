// The writes of the committees' comments and the Secretariat's answers, inside the commands'
// transaction (commands-positions.ts authorizes and audits).
import type { Insertable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { NegotiationCommentTable } from './tables.ts'

export async function insertComment(trx: Db, row: Insertable<NegotiationCommentTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationComment').values(row).returning('id').executeTakeFirstOrThrow()
}

export async function setCommentAnswer(
  trx: Db,
  id: number,
  answer: { answer: string; answeredBy: number; answeredAt: Date },
): Promise<void> {
  await ndb(trx).updateTable('negotiationComment').set(answer).where('id', '=', id).execute()
}
