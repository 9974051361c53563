// What the document page and a paragraph's page read, bounded so no request holds the database
// long (on PGlite, the one connection every write waits for): a summary per paragraph instead of
// every position, counts of open amendments instead of the amendments, revisions without their
// snapshots, and one paragraph's amendments and positions on its own page.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { type Amendment, ndb } from './queries.ts'
import { standings, standingsOf } from './queries-standing.ts'
import type { StatePosition, Tally } from './rules/consensus.ts'

/**
 * Each paragraph's tally (counts per position, objecting States, readiness), from the read model:
 * one tally row per paragraph, never the position history.
 */
export async function paragraphTallies(db: Db, documentId: number): Promise<Map<number, Tally>> {
  return standingsOf(db, documentId)
}

/** Each State's current position on these subjects, and their tallies (one paragraph's page). */
export async function positionsBySubject(
  db: Db,
  subjectType: 'paragraph' | 'amendment',
  ids: readonly number[],
): Promise<Map<number, { positions: StatePosition[]; tally: Tally }>> {
  return standings(db, subjectType, ids)
}

/** How many amendments are still tabled on each paragraph of a document. */
export async function openAmendmentCounts(db: Db, documentId: number): Promise<Map<number, number>> {
  const rows = await ndb(db)
    .selectFrom('negotiationAmendment')
    .select(['paragraphId', sql<number>`count(*)::int`.as('count')])
    .where('documentId', '=', documentId)
    .where('status', '=', 'tabled')
    .groupBy('paragraphId')
    .execute()
  return new Map(rows.map((r) => [r.paragraphId, Number(r.count)]))
}

/** A paragraph's amendments still tabled, and the closed ones (counted; listed only when asked). */
export async function amendmentsOfParagraph(
  db: Db,
  paragraphId: number,
  withClosed: boolean,
): Promise<{ open: Amendment[]; closed: Amendment[] | null; closedCount: number }> {
  const n = ndb(db)
  const [open, closed, count] = await Promise.all([
    n
      .selectFrom('negotiationAmendment')
      .selectAll()
      .where('paragraphId', '=', paragraphId)
      .where('status', '=', 'tabled')
      .orderBy('id')
      .execute(),
    withClosed
      ? n
          .selectFrom('negotiationAmendment')
          .selectAll()
          .where('paragraphId', '=', paragraphId)
          .where('status', '<>', 'tabled')
          .orderBy('id')
          .execute()
      : null,
    n
      .selectFrom('negotiationAmendment')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('paragraphId', '=', paragraphId)
      .where('status', '<>', 'tabled')
      .executeTakeFirstOrThrow(),
  ])
  return { open, closed, closedCount: Number(count.count) }
}

export interface RevisionEntry {
  number: number
  label: string
  issuedAt: Date
  contentHash: string
}

/** A document's revisions without their snapshots (a snapshot holds the whole text). */
export async function revisionListOf(db: Db, documentId: number): Promise<RevisionEntry[]> {
  return ndb(db)
    .selectFrom('negotiationRevision')
    .select(['number', 'label', 'issuedAt', 'contentHash'])
    .where('documentId', '=', documentId)
    .orderBy('number')
    .execute()
}

/** The text and status of each paragraph as Rev.`number` had them, by paragraph id. */
export async function snapshotTexts(
  db: Db,
  documentId: number,
  number: number,
): Promise<Map<number, { text: string; status: string }> | null> {
  const row = await ndb(db)
    .selectFrom('negotiationRevision')
    .select('snapshot')
    .where('documentId', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst()
  if (!row) return null
  const paragraphs = (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as {
    id: number
    text: string
    status: string
  }[]
  return new Map(paragraphs.map((p) => [p.id, { text: p.text, status: p.status }]))
}

/** The committees' comments on one paragraph. */
export async function commentsOfParagraph(db: Db, paragraphId: number) {
  return ndb(db)
    .selectFrom('negotiationComment')
    .selectAll()
    .where('paragraphId', '=', paragraphId)
    .orderBy('id')
    .execute()
}

/** A paragraph's sub-paragraphs. */
export async function childrenOf(db: Db, paragraphId: number) {
  return ndb(db)
    .selectFrom('negotiationParagraph')
    .selectAll()
    .where('parentId', '=', paragraphId)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

/** One page of a document's amendments, oldest first, optionally of one status, with the total. */
export async function amendmentsPage(
  db: Db,
  documentId: number,
  options: { status?: Amendment['status'] | undefined; page: number; size: number },
): Promise<{ items: Amendment[]; total: number }> {
  let query = ndb(db).selectFrom('negotiationAmendment').where('documentId', '=', documentId)
  if (options.status) query = query.where('status', '=', options.status)
  const [items, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id')
      .limit(options.size)
      .offset((options.page - 1) * options.size)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.count) }
}
