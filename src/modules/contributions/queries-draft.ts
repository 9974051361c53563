// SQL of contribution drafts: an author's draft for a call, read, saved over, and removed when the
// contribution is submitted. Only its author's account id finds it.
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { cdb } from './queries.ts'

export interface Draft {
  callId: number
  accountId: number
  speaker: string
  language: string
  /** question id -> text */
  answers: Record<string, string>
  savedAt: Date
}

export async function findDraft(db: Db, callId: number, accountId: number): Promise<Draft | undefined> {
  return cdb(db)
    .selectFrom('contributionsDraft')
    .select(['callId', 'accountId', 'speaker', 'language', 'answers', 'savedAt'])
    .where('callId', '=', callId)
    .where('accountId', '=', accountId)
    .executeTakeFirst()
}

export async function upsertDraft(trx: Db, draft: Draft): Promise<void> {
  const content = {
    speaker: draft.speaker,
    language: draft.language,
    answers: jsonb(draft.answers),
    savedAt: draft.savedAt,
  }
  await cdb(trx)
    .insertInto('contributionsDraft')
    .values({ callId: draft.callId, accountId: draft.accountId, ...content })
    .onConflict((oc) => oc.columns(['callId', 'accountId']).doUpdateSet(content))
    .execute()
}

export async function deleteDraft(trx: Db, callId: number, accountId: number): Promise<void> {
  await cdb(trx)
    .deleteFrom('contributionsDraft')
    .where('callId', '=', callId)
    .where('accountId', '=', accountId)
    .execute()
}
