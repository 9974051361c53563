// A silence procedure's writes and the breaks it has had, inside the commands' transaction
// (commands-silence.ts authorizes, locks the procedure and its paragraphs, and audits).
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import type { NegotiationSilenceTable } from './tables.ts'

export async function insertSilence(trx: Db, row: Insertable<NegotiationSilenceTable>): Promise<{ id: number }> {
  return ndb(trx).insertInto('negotiationSilence').values(row).returning('id').executeTakeFirstOrThrow()
}

/** The procedure's status, and who broke it first, when. */
export async function updateSilence(
  trx: Db,
  id: number,
  change: Pick<Updateable<NegotiationSilenceTable>, 'status' | 'brokenBy' | 'brokenAt'>,
): Promise<void> {
  await ndb(trx).updateTable('negotiationSilence').set(change).where('id', '=', id).execute()
}

/** Which circulated paragraphs were broken, and by which States (each once, in the order they broke). */
export async function brokenParagraphs(trx: Db, silenceId: number): Promise<Map<number, string[]>> {
  const rows = await ndb(trx)
    .selectFrom('negotiationStatement')
    .select(['paragraphId', 'memberStateIso3'])
    .where('silenceId', '=', silenceId)
    .where('kind', '=', 'silence_break')
    .orderBy('id')
    .execute()
  const broken = new Map<number, string[]>()
  for (const r of rows) {
    if (r.paragraphId === null || !r.memberStateIso3) continue
    const states = broken.get(r.paragraphId) ?? []
    if (!states.includes(r.memberStateIso3)) broken.set(r.paragraphId, [...states, r.memberStateIso3])
  }
  return broken
}
