// The writes that open a document, issue its revisions and keep its record, made inside the
// commands' transactions (commands-documents.ts and commands-consensus.ts authorize, lock, check
// and audit; these only write).
import type { Insertable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { ParagraphStatus } from './rules/consensus.ts'
import type {
  NegotiationDocumentTable,
  NegotiationParagraphTable,
  NegotiationRevisionTable,
  NegotiationStatementTable,
} from './tables.ts'

export async function insertDocument(trx: Db, row: Insertable<NegotiationDocumentTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationDocument').values(row).returning('id').executeTakeFirstOrThrow()
}

export async function insertParagraph(trx: Db, row: Insertable<NegotiationParagraphTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationParagraph').values(row).returning('id').executeTakeFirstOrThrow()
}

/** The number the next revision takes: 0 (the zero draft) for a document without one. */
export async function nextRevisionNumber(trx: Db, documentId: number): Promise<number> {
  const last = await ndb(trx)
    .selectFrom('negotiationRevision')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('documentId', '=', documentId)
    .executeTakeFirst()
  return last?.n === null || last?.n === undefined ? 0 : Number(last.n) + 1
}

/** A revision's snapshot, and the document's current revision moved to it. */
export async function insertRevision(trx: Db, row: Insertable<NegotiationRevisionTable>): Promise<void> {
  const n = ndb(trx)
  await n.insertInto('negotiationRevision').values(row).execute()
  await n
    .updateTable('negotiationDocument')
    .set({ currentRevision: row.number, updatedAt: row.issuedAt })
    .where('id', '=', row.documentId)
    .execute()
}

/** A paragraph's new status; what the record and the proposal's fate need back. */
export async function setParagraphStatus(trx: Db, paragraphId: number, status: ParagraphStatus, now: Date) {
  return ndb(trx)
    .updateTable('negotiationParagraph')
    .set({ status, updatedAt: now })
    .where('id', '=', paragraphId)
    .returning(['documentId', 'proposalId'])
    .executeTakeFirstOrThrow()
}

/** A declaration, an explanation of position or a reservation on the document's record. */
export async function insertStatement(trx: Db, row: Insertable<NegotiationStatementTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationStatement').values(row).returning('id').executeTakeFirstOrThrow()
}
