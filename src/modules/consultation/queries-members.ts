// What search in contributions joins of the campaigns: a call's contributions that are in one, as
// a subquery it composes into its own statement (one statement, no list of ids carried across);
// and the members' campaign terms made right again after a restore.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { markCampaignMembers } from '../contributions/index.ts'

/** `(contribution_id, campaign_id)` of the call's contributions in a campaign. */
export function campaignMembersOfCall(callId: number) {
  return sql<{ contribution_id: number; campaign_id: number }>`
    select contribution_id, campaign_id from consultation_member where call_id = ${callId} and campaign_id is not null`
}

/**
 * After `ecp import`: the search documents, rebuilt by the contributions' triggers as the rows
 * load, all say "no campaign"; every member of a campaign is marked as one again (the module's
 * `restored`, in the restore's transaction).
 */
export async function markRestoredMembers(db: Db): Promise<void> {
  await markCampaignMembers(
    db,
    sql`select contribution_id from consultation_member where campaign_id is not null`,
    true,
  )
}
