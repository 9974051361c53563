// SQL of amendment drafts: an author's draft on a paragraph, read, saved over, and removed when the
// amendment is tabled. Only its author's account id finds it.
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { NegotiationAmendmentDraftTable } from './tables.ts'

export type AmendmentDraft = NegotiationAmendmentDraftTable

export async function findAmendmentDraft(
  db: Db,
  paragraphId: number,
  accountId: number,
): Promise<AmendmentDraft | undefined> {
  return ndb(db)
    .selectFrom('negotiationAmendmentDraft')
    .selectAll()
    .where('paragraphId', '=', paragraphId)
    .where('accountId', '=', accountId)
    .executeTakeFirst()
}

export async function upsertAmendmentDraft(trx: Db, draft: AmendmentDraft): Promise<void> {
  const { paragraphId, accountId, ...content } = draft
  await ndb(trx)
    .insertInto('negotiationAmendmentDraft')
    .values(draft)
    .onConflict((oc) => oc.columns(['paragraphId', 'accountId']).doUpdateSet(content))
    .execute()
}

export async function deleteAmendmentDraft(trx: Db, paragraphId: number, accountId: number): Promise<void> {
  await ndb(trx)
    .deleteFrom('negotiationAmendmentDraft')
    .where('paragraphId', '=', paragraphId)
    .where('accountId', '=', accountId)
    .execute()
}
