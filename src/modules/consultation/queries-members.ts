// What search in contributions joins of the campaigns: a call's contributions that are in one, as
// a subquery it composes into its own statement (one statement, no list of ids carried across).
import { sql } from 'kysely'

/** `(contribution_id, campaign_id)` of the call's contributions in a campaign. */
export function campaignMembersOfCall(callId: number) {
  return sql<{ contribution_id: number; campaign_id: number }>`
    select contribution_id, campaign_id from consultation_member where call_id = ${callId} and campaign_id is not null`
}
