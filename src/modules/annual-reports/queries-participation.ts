// The organizations that published an annual report, by the cycle's year: what the balance of
// participation (balance module) counts for the platform's year. Read-only.
import type { Db } from '../../core/db/database.ts'
import { adb } from './queries.ts'

/** One row per organization and cycle year with a published report (one year, or all). */
export async function reportingOrganizations(
  db: Db,
  year?: number,
): Promise<{ organizationId: number; year: number }[]> {
  let query = adb(db)
    .selectFrom('annualReportsReport as r')
    .innerJoin('annualReportsCycle as c', 'c.id', 'r.cycleId')
    .select(['r.organizationId', 'c.year'])
    .where('r.version', '>', 0)
  if (year !== undefined) query = query.where('c.year', '=', year)
  const rows = await query.execute()
  return rows.map((r) => ({ organizationId: Number(r.organizationId), year: Number(r.year) }))
}
