// Two revisions of a negotiating document side by side: what the compare page shows and what the
// reports module writes into Word, from one read.
import type { Db } from '../../core/db/database.ts'
import { documentWithBody } from './context.ts'
import { findRevision, type NegotiatingDocument, type Revision } from './queries.ts'
import { compareRevisions, type ParagraphChange, type SnapshotParagraph } from './rules/compare.ts'

export interface Comparison {
  document: NegotiatingDocument
  from: Revision
  to: Revision
  changes: ParagraphChange[]
}

/** The changes from revision `from` to revision `to`, or null when the document or either revision is unknown. */
export async function comparisonOf(db: Db, documentId: number, from: number, to: number): Promise<Comparison | null> {
  const found = await documentWithBody(db, documentId)
  if (!found) return null
  const [a, b] = await Promise.all([findRevision(db, found.document.id, from), findRevision(db, found.document.id, to)])
  if (!a || !b) return null
  const changes = compareRevisions(a.snapshot as SnapshotParagraph[], b.snapshot as SnapshotParagraph[])
  return { document: found.document, from: a, to: b, changes }
}
