// What is in force in a process's negotiation, for a meeting's page (through the processes
// module's 'meeting' section) and for other modules: each negotiating document's current
// revision and the silence procedures running now.
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'

export interface InForce {
  documents: {
    id: number
    title: string
    symbol: string | null
    language: string
    /** the latest issued revision; none before the first is issued */
    revision: { number: number; label: string; issuedAt: Date } | null
  }[]
  silences: { id: number; documentId: number; documentTitle: string; paragraphs: number; deadline: Date }[]
}

/**
 * The process's negotiating documents with their latest revision, and the silence procedures
 * still pending at `now` (deadline first).
 * @example const { documents, silences } = await inForceOf(db, processId, new Date())
 */
export async function inForceOf(db: Db, processId: number, now: Date): Promise<InForce> {
  const documents = await ndb(db)
    .selectFrom('negotiationDocument')
    .select(['id', 'title', 'symbol', 'language'])
    .where('processId', '=', processId)
    .orderBy('id')
    .execute()
  if (documents.length === 0) return { documents: [], silences: [] }
  const ids = documents.map((d) => d.id)
  const [revisions, silences] = await Promise.all([
    ndb(db)
      .selectFrom('negotiationRevision')
      .select(['documentId', 'number', 'label', 'issuedAt'])
      .where('documentId', 'in', ids)
      .orderBy('number', 'desc')
      .execute(),
    ndb(db)
      .selectFrom('negotiationSilence')
      .select(['id', 'documentId', 'paragraphIds', 'deadline'])
      .where('documentId', 'in', ids)
      .where('status', '=', 'pending')
      .where('deadline', '>', now)
      .orderBy('deadline')
      .execute(),
  ])
  const titles = new Map(documents.map((d) => [d.id, d.title]))
  return {
    documents: documents.map((d) => {
      const latest = revisions.find((r) => r.documentId === d.id)
      return {
        ...d,
        revision: latest ? { number: latest.number, label: latest.label, issuedAt: latest.issuedAt } : null,
      }
    }),
    silences: silences.map((s) => ({
      id: s.id,
      documentId: s.documentId,
      documentTitle: titles.get(s.documentId) ?? '',
      paragraphs: s.paragraphIds.length,
      deadline: s.deadline,
    })),
  }
}
