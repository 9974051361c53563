// Contributions counted for measures made elsewhere (the scorecard): no row leaves, only counts.
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
