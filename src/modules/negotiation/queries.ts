// Reading negotiating documents, their paragraphs, amendments, positions, the record
// of statements, committee comments, revisions and silence procedures.
import type { Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { PositionEvent } from './rules/consensus.ts'
import type {
  NegotiationAmendmentTable,
  NegotiationCommentTable,
  NegotiationDocumentTable,
  NegotiationParagraphTable,
  NegotiationRevisionTable,
  NegotiationSilenceTable,
  NegotiationStatementTable,
  NegotiationTables,
} from './tables.ts'

type NegotiationDb = Kysely<CoreTables & NegotiationTables>
export const ndb = (db: Db): NegotiationDb => db.withTables<NegotiationTables>()

export type NegotiatingDocument = Selectable<NegotiationDocumentTable>
export type Paragraph = Selectable<NegotiationParagraphTable>
export type Amendment = Selectable<NegotiationAmendmentTable>
export type Statement = Selectable<NegotiationStatementTable>
export type Comment = Selectable<NegotiationCommentTable>
export type Revision = Selectable<NegotiationRevisionTable>
export type Silence = Selectable<NegotiationSilenceTable>

export async function findDocument(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  let query = ndb(db).selectFrom('negotiationDocument').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function documentsOf(db: Db, processId: number): Promise<NegotiatingDocument[]> {
  return ndb(db)
    .selectFrom('negotiationDocument')
    .selectAll()
    .where('processId', '=', processId)
    .orderBy('id')
    .execute()
}

export async function paragraphsOf(db: Db, documentId: number): Promise<Paragraph[]> {
  return ndb(db)
    .selectFrom('negotiationParagraph')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function findParagraph(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  let query = ndb(db).selectFrom('negotiationParagraph').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function findAmendment(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  let query = ndb(db).selectFrom('negotiationAmendment').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function amendmentsOf(db: Db, documentId: number): Promise<Amendment[]> {
  return ndb(db)
    .selectFrom('negotiationAmendment')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('id')
    .execute()
}

/** Every position event on these subjects, oldest first. */
export async function positionEvents(
  db: Db,
  subjectType: 'paragraph' | 'amendment',
  ids: readonly number[],
): Promise<Map<number, PositionEvent[]>> {
  const result = new Map<number, PositionEvent[]>()
  if (ids.length === 0) return result
  const rows = await ndb(db)
    .selectFrom('negotiationPosition')
    .select(['subjectId', 'memberStateIso3', 'position', 'at', 'accountId', 'note', 'wording'])
    .where('subjectType', '=', subjectType)
    .where('subjectId', 'in', [...ids])
    .orderBy('at')
    .orderBy('id')
    .execute()
  for (const r of rows) result.set(r.subjectId, [...(result.get(r.subjectId) ?? []), r])
  return result
}

export async function statementsOf(db: Db, documentId: number): Promise<Statement[]> {
  return ndb(db)
    .selectFrom('negotiationStatement')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

export async function commentsOf(db: Db, documentId: number): Promise<Comment[]> {
  return ndb(db)
    .selectFrom('negotiationComment')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('id')
    .execute()
}

export async function findComment(db: Db, id: number) {
  return ndb(db).selectFrom('negotiationComment').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function revisionsOf(db: Db, documentId: number): Promise<Revision[]> {
  return ndb(db)
    .selectFrom('negotiationRevision')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('number')
    .execute()
}

export async function findRevision(db: Db, documentId: number, number: number) {
  return ndb(db)
    .selectFrom('negotiationRevision')
    .selectAll()
    .where('documentId', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst()
}

// node-postgres reads a bigint[] as strings; PGlite as numbers
const silenceRow = (s: Silence): Silence => ({ ...s, paragraphIds: s.paragraphIds.map(Number) })

export async function silencesOf(db: Db, documentId: number): Promise<Silence[]> {
  const rows = await ndb(db)
    .selectFrom('negotiationSilence')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('id')
    .execute()
  return rows.map(silenceRow)
}

export async function findSilence(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  let query = ndb(db).selectFrom('negotiationSilence').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && silenceRow(row)
}

/** The paragraphs a proposal's text became, with the title of their document. */
export async function paragraphsFromProposal(db: Db, proposalId: number) {
  return ndb(db)
    .selectFrom('negotiationParagraph as p')
    .innerJoin('negotiationDocument as d', 'd.id', 'p.documentId')
    .selectAll('p')
    .select('d.title as documentTitle')
    .where('p.proposalId', '=', proposalId)
    .execute()
}
