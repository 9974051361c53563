// Reading negotiating documents, their paragraphs, proposals, amendments, positions, the record
// of statements, committee comments, revisions and silence procedures.
import type { Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { PositionEvent } from './rules/consensus.ts'
import type {
  NegotiationAmendmentTable,
  NegotiationCommentTable,
  NegotiationCosponsorshipTable,
  NegotiationDocumentTable,
  NegotiationParagraphTable,
  NegotiationProposalTable,
  NegotiationRevisionTable,
  NegotiationSilenceTable,
  NegotiationStatementTable,
  NegotiationTables,
} from './tables.ts'

type NegotiationDb = Kysely<CoreTables & NegotiationTables>
export const ndb = (db: Db): NegotiationDb => db.withTables<NegotiationTables>()

export type NegotiatingDocument = Selectable<NegotiationDocumentTable>
export type Paragraph = Selectable<NegotiationParagraphTable>
export type Proposal = Selectable<NegotiationProposalTable>
export type Amendment = Selectable<NegotiationAmendmentTable>
export type Statement = Selectable<NegotiationStatementTable>
export type Comment = Selectable<NegotiationCommentTable>
export type Revision = Selectable<NegotiationRevisionTable>
export type Silence = Selectable<NegotiationSilenceTable>
export type Cosponsorship = Selectable<NegotiationCosponsorshipTable>

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

export interface ProposalDetail extends Proposal {
  /** the States and organizations it speaks for: original proponents and accepted co-sponsors */
  memberStates: string[]
  organizations: number[]
  /** the original proponents alone (they revise and withdraw it) */
  proponentStates: string[]
  proponentOrganizations: number[]
  /** every request to co-sponsor it, with its answer */
  cosponsorships: Cosponsorship[]
  versions: { number: number; text: string; rationale: string; createdAt: Date }[]
  contributions: number[]
  /** proposals merged into this one */
  mergedFrom: number[]
}

export async function proposalsOf(db: Db, processId: number): Promise<ProposalDetail[]> {
  const proposals = await ndb(db)
    .selectFrom('negotiationProposal')
    .selectAll()
    .where('processId', '=', processId)
    .orderBy('id')
    .execute()
  return withDetails(db, proposals)
}

export async function findProposal(db: Db, id: number): Promise<ProposalDetail | undefined> {
  const proposal = await ndb(db).selectFrom('negotiationProposal').selectAll().where('id', '=', id).executeTakeFirst()
  return proposal ? (await withDetails(db, [proposal]))[0] : undefined
}

async function withDetails(db: Db, proposals: Proposal[]): Promise<ProposalDetail[]> {
  const ids = proposals.map((p) => p.id)
  if (ids.length === 0) return []
  const n = ndb(db)
  const [proponents, versions, sources, cosponsorships] = await Promise.all([
    n.selectFrom('negotiationProposalProponent').selectAll().where('proposalId', 'in', ids).execute(),
    n
      .selectFrom('negotiationProposalVersion')
      .select(['proposalId', 'number', 'text', 'rationale', 'createdAt'])
      .where('proposalId', 'in', ids)
      .orderBy('number')
      .execute(),
    n.selectFrom('negotiationProposalSource').selectAll().where('proposalId', 'in', ids).execute(),
    n.selectFrom('negotiationCosponsorship').selectAll().where('proposalId', 'in', ids).orderBy('id').execute(),
  ])
  const merged = await n
    .selectFrom('negotiationProposal')
    .select(['id', 'mergedIntoId'])
    .where('mergedIntoId', 'in', ids)
    .execute()
  return proposals.map((p) => ({
    ...p,
    memberStates: proponents
      .filter((x) => x.proposalId === p.id && x.memberStateIso3)
      .map((x) => x.memberStateIso3 as string),
    organizations: proponents
      .filter((x) => x.proposalId === p.id && x.organizationId)
      .map((x) => x.organizationId as number),
    proponentStates: proponents
      .filter((x) => x.proposalId === p.id && x.memberStateIso3 && x.role === 'proponent')
      .map((x) => x.memberStateIso3 as string),
    proponentOrganizations: proponents
      .filter((x) => x.proposalId === p.id && x.organizationId && x.role === 'proponent')
      .map((x) => x.organizationId as number),
    cosponsorships: cosponsorships.filter((c) => c.proposalId === p.id),
    versions: versions.filter((v) => v.proposalId === p.id),
    contributions: sources.filter((s) => s.proposalId === p.id).map((s) => s.contributionId),
    mergedFrom: merged.filter((m) => m.mergedIntoId === p.id).map((m) => m.id),
  }))
}
