// A negotiating document as its page and the API show it, read once by the same queries: the
// page renders it (routes.tsx adds the reader's filter and rights, views/document.tsx draws it),
// serialize.ts turns it into the API's JSON. Each paragraph's standing comes from the tally read
// model (one row per paragraph), never from the position history.
import type { Db } from '../../core/db/database.ts'
import { documentWithBody } from './context.ts'
import { paragraphsOf, silencesOf, statementsOf } from './queries.ts'
import { openAmendmentCounts, paragraphTallies, revisionListOf, snapshotTexts } from './queries-page.ts'

/**
 * The document, its process, its paragraphs with their tallies and open-amendment counts, its
 * revisions, its record and its silence procedures; with `since`, the paragraphs as that revision
 * had them (for "changed since Rev.N"). Null when there is no such document.
 */
export async function documentDetail(db: Db, documentId: number, options: { since?: number | null } = {}) {
  const found = await documentWithBody(db, documentId)
  if (!found) return null
  const { document, process, bodyId } = found
  const since = options.since ?? null
  const [paragraphs, openAmendments, statements, revisions, silences, before] = await Promise.all([
    paragraphsOf(db, document.id),
    openAmendmentCounts(db, document.id),
    statementsOf(db, document.id),
    revisionListOf(db, document.id),
    silencesOf(db, document.id),
    since === null ? null : snapshotTexts(db, document.id, since),
  ])
  const tallies = await paragraphTallies(db, document.id)
  return { document, process, bodyId, paragraphs, tallies, openAmendments, statements, revisions, silences, before }
}

export type DocumentDetail = NonNullable<Awaited<ReturnType<typeof documentDetail>>>
