// Contributions counted for measures made elsewhere (the scorecard): no row leaves, only counts.
// Not the same question as contributionParticipation (queries-participation.ts, for the balance of
// participation), though both read the contributions by group: this one counts contributions,
// of every status (the scorecard's share made public needs the held, hidden and withdrawn ones),
// by the year they were submitted; that one names the distinct speakers of published
// contributions (a State, an organization or a person counts once however often it wrote), by
// the year they were published. Neither can be made from the other: counts lose who spoke, and
// speakers lose the unpublished contributions and how many each wrote.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'

/** A process's contributions counted by year of submission (UTC), status and the speaker's groups (the scorecard). */
export async function contributionCounts(db: Db, processId: number) {
  const rows = await cdb(db)
    .selectFrom('contributionsContribution')
    .select((eb) => [
      sql<number>`extract(year from created_at at time zone 'UTC')::int`.as('year'),
      'status',
      'regionalGroup',
      'stakeholderGroup',
      'ldc',
      'language',
      eb.fn.countAll<string>().as('n'),
    ])
    .where('processId', '=', processId)
    .groupBy(['year', 'status', 'regionalGroup', 'stakeholderGroup', 'ldc', 'language'])
    .execute()
  return rows.map((r) => ({ ...r, year: Number(r.year), n: Number(r.n) }))
}
