// A lone text sent a second time, or matched by an arrival, becomes a campaign: its members (read
// through the lone-text index) make its first size, span and speaker profile, and it is the template.
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { contributionTexts } from '../contributions/index.ts'
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
  // every member withdrawn or hidden since: no campaign is made of it (a rebuild reads none of them)
  if (members.length === 0) return null
  const first = members[0]
  const at = members.map((m) => m.submittedAt.getTime())
  const campaign = await k
    .insertInto('consultationCampaign')
    .values({
      callId,
      // every member row moves (one withdrawn since keeps its row until a rebuild, as members do)
      size: memberIds.length,
      exactGroups: 1,
      template: first?.text ?? '',
      templateTextId: textId,
      firstAt: new Date(Math.min(...at)),
      lastAt: new Date(Math.max(...at)),
      profile: jsonb(profileOf(members)),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const campaignId = Number(campaign.id)
  await k.updateTable('consultationText').set({ campaignId }).where('id', '=', textId).execute()
  // a lone text's members are in no campaign (the index consultation_member_lone_text finds them)
  await k
    .updateTable('consultationMember')
    .set({ campaignId })
    .where('textId', '=', textId)
    .where('campaignId', 'is', null)
    .execute()
  // its members were counted in no campaign
  await k
    .updateTable('consultationSetting')
    .set((eb) => ({ lone: eb('lone', '-', memberIds.length) }))
    .where('callId', '=', callId)
    .execute()
  return { id: campaignId, template: first?.text ?? '' }
}
