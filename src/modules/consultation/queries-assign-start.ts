// A lone text sent a second time, or matched by an arrival, becomes a campaign: its members (read
// through the lone-text index) make its first size, span and speaker profile, and it is the template.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { contributionTexts, markCampaignMembers } from '../contributions/index.ts'
import { kdb } from './queries.ts'
import { profileOf } from './rules/profile.ts'

/** Makes a campaign of a lone text's members (the text is its template); null when none counts now. */
export async function startCampaign(
  trx: Db,
  callId: number,
  textId: number,
): Promise<{ id: number; template: string } | null> {
  const k = kdb(trx)
  const memberIds = (
    await k
      .selectFrom('consultationMember')
      .select('contributionId')
      .where('textId', '=', textId)
      .where('campaignId', 'is', null)
      .execute()
  ).map((m) => Number(m.contributionId))
  const members = await contributionTexts(trx, memberIds)
  // every member withdrawn or hidden since: no campaign is made of it (a rebuild reads none of them);
  // else every member row moves, its size counts them all (one withdrawn keeps its row until a rebuild)
  if (members.length === 0) return null
  const first = members[0]
  const at = members.map((m) => m.submittedAt.getTime())
  // the campaign, its text and member rows moved into it, the call's lone count: one statement
  const campaign = await sql<{ id: string | number }>`
    with k as (insert into consultation_campaign (call_id, size, exact_groups, template, template_text_id, first_at,
        last_at, profile)
      values (${callId}, ${memberIds.length}, 1, ${first?.text ?? ''}, ${textId},
        ${new Date(Math.min(...at)).toISOString()}::timestamptz, ${new Date(Math.max(...at)).toISOString()}::timestamptz,
        ${jsonb(profileOf(members))})
      returning id),
    t as (update consultation_text set campaign_id = (select id from k) where id = ${textId}),
    -- a lone text's members are in no campaign (the index consultation_member_lone_text finds them)
    m as (update consultation_member set campaign_id = (select id from k)
      where text_id = ${textId} and campaign_id is null),
    s as (update consultation_setting set lone = lone - ${memberIds.length}::int where call_id = ${callId})
    select id from k`.execute(trx)
  const campaignId = Number(campaign.rows[0]?.id)
  // search finds them under "in a campaign" from now on
  await markCampaignMembers(trx, sql`select unnest(${memberIds}::bigint[]) as contribution_id`, true)
  return { id: campaignId, template: first?.text ?? '' }
}
