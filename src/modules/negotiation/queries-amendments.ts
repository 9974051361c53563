// The writes an amendment makes, inside the commands' transaction (commands-amendments.ts
// authorizes, locks the amendment and the paragraph, checks and audits): its row and its fate, and
// the paragraph's text changed or an alternative set beside it when it is incorporated.
import type { Insertable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { ParagraphStatus } from './rules/consensus.ts'
import type { NegotiationAmendmentTable } from './tables.ts'

export async function insertAmendment(trx: Db, row: Insertable<NegotiationAmendmentTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationAmendment').values(row).returning('id').executeTakeFirstOrThrow()
}

export async function setAmendmentStatus(
  trx: Db,
  id: number,
  change: {
    status: 'withdrawn' | 'rejected' | 'incorporated' | 'superseded'
    decidedAt: Date
    supersededById: number | null
  },
): Promise<void> {
  await ndb(trx).updateTable('negotiationAmendment').set(change).where('id', '=', id).execute()
}

/** A paragraph's new wording, and the status its brackets give it. */
export async function setParagraphText(
  trx: Db,
  paragraphId: number,
  change: { text: string; status: ParagraphStatus; updatedAt: Date },
): Promise<void> {
  await ndb(trx).updateTable('negotiationParagraph').set(change).where('id', '=', paragraphId).execute()
}

/** The first wording of a paragraph becomes "Alt. 1" of its group. */
export async function setAlternative(
  trx: Db,
  paragraphId: number,
  change: { alternativeGroup: string; alternativeLabel: string; updatedAt: Date },
): Promise<void> {
  await ndb(trx).updateTable('negotiationParagraph').set(change).where('id', '=', paragraphId).execute()
}
