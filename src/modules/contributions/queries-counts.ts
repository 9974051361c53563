// Contributions counted for measures made elsewhere (the scorecard): no row leaves, only counts.
// Not the same question as contributionParticipation (queries-participation.ts, for the balance of
// participation), though both read the same kept counts (contributions_speaker_count, migration
// 20261210-0501): this one counts contributions, of every status (the scorecard's share made
// public needs the held, hidden and withdrawn ones), by the year they were submitted; that one
// names the States and organizations of published contributions, by the year they were published.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { ContributionStatus } from './tables.ts'

/** A process's contributions counted by year of submission (UTC), status and the speaker's groups (the scorecard). */
export async function contributionCounts(db: Db, processId: number) {
  const result = await sql<{
    year: number
    status: ContributionStatus
    regionalGroup: string | null
    stakeholderGroup: string
    ldc: boolean
    language: string
    n: number
  }>`
    select created_year as year, status, regional_group as "regionalGroup", stakeholder_group as "stakeholderGroup",
      ldc, language, sum(n)::int as n
    from contributions_speaker_count
    where process_id = ${processId}
    group by 1, 2, 3, 4, 5, 6
    having sum(n) > 0`.execute(db)
  return result.rows.map((r) => ({ ...r, year: Number(r.year), n: Number(r.n) }))
}
