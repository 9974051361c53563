// Incremental assignment: a contribution that arrives joins its exact-duplicate group (same
// normalized text), or the campaign of the most similar text found through its LSH buckets, or
// starts a campaign with that text, or stays alone. A handful of point queries, under a per-call
// advisory lock: milliseconds, however many contributions the call has. The template and the
// signals that need every member (minute peak, shared metadata) are refreshed by a rebuild.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb } from '../../core/db/helpers.ts'
import { type ContributionText, contributionTexts } from '../contributions/index.ts'
import { kdb, thresholdOf } from './queries.ts'
import { personalAdditions } from './rules/additions.ts'
import {
  bandKeys,
  bucketId,
  DEFAULT_METHOD,
  signature,
  signatureBytes,
  signatureFromBytes,
  similarity,
} from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { addMember, profileOf } from './rules/profile.ts'
import type { CampaignProfile } from './tables.ts'

export type Assignment = { textId: number; campaignId: number | null; exact: boolean }

async function grow(trx: Db, campaignId: number, c: ContributionText, newText: boolean) {
  const row = await kdb(trx)
    .selectFrom('consultationCampaign')
    .select(['profile', 'firstAt', 'lastAt'])
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow()
  const profile = addMember((row.profile ?? {}) as CampaignProfile, c)
  await kdb(trx)
    .updateTable('consultationCampaign')
    .set((eb) => ({
      size: eb('size', '+', 1),
      exactGroups: newText ? eb('exactGroups', '+', 1) : eb.ref('exactGroups'),
      firstAt: new Date(Math.min(c.submittedAt.getTime(), row.firstAt.getTime())),
      lastAt: new Date(Math.max(c.submittedAt.getTime(), row.lastAt.getTime())),
      profile: jsonb(profile),
    }))
    .where('id', '=', campaignId)
    .execute()
}

/** Assigns one contribution (already stored and published); does nothing when it already is. */
export async function assignContribution(db: Db, c: ContributionText): Promise<Assignment | null> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`consultation:${c.callId}`}))`.execute(trx)
    const k = kdb(trx)
    if (
      await k
        .selectFrom('consultationMember')
        .select('contributionId')
        .where('contributionId', '=', c.id)
        .executeTakeFirst()
    )
      return null
    const w = words(c.text)
    const hash = textHash(w)
    const member = (textId: number, campaignId: number | null) =>
      k
        .insertInto('consultationMember')
        .values({ contributionId: c.id, callId: c.callId, textId, campaignId, submittedAt: c.submittedAt })
        .execute()
    const same = await k
      .selectFrom('consultationText')
      .select(['id', 'campaignId'])
      .where('callId', '=', c.callId)
      .where('hash', '=', hash)
      .executeTakeFirst()
    if (same) {
      const textId = Number(same.id)
      const campaignId = same.campaignId === null ? null : Number(same.campaignId)
      await k
        .updateTable('consultationText')
        .set((eb) => ({ members: eb('members', '+', 1) }))
        .where('id', '=', textId)
        .execute()
      if (campaignId !== null) await grow(trx, campaignId, c, false)
      else {
        // a second copy of a lone text: the two make a campaign
        await member(textId, null)
        return { textId, campaignId: await startCampaign(trx, c.callId, textId), exact: true }
      }
      await member(textId, campaignId)
      return { textId, campaignId, exact: true }
    }
    const threshold = await thresholdOf(trx, c.callId)
    const sig = signature(w, DEFAULT_METHOD)
    const buckets = bandKeys(sig, DEFAULT_METHOD).map((key, band) => bucketId(band, key))
    const found = await k
      .selectFrom('consultationBucket as b')
      .innerJoin('consultationText as t', 't.id', 'b.textId')
      .select(['t.id', 't.signature', 't.campaignId', 't.members'])
      .where('b.callId', '=', c.callId)
      .where('b.bucket', 'in', buckets)
      .execute()
    let best: (typeof found)[number] | null = null
    let bestScore = threshold
    for (const f of found) {
      const score = similarity(sig, signatureFromBytes(f.signature))
      if (score >= bestScore && (best === null || score > bestScore || Number(f.members) > Number(best.members))) {
        best = f
        bestScore = score
      }
    }
    let campaignId = best?.campaignId ? Number(best.campaignId) : null
    if (best && campaignId === null) campaignId = await startCampaign(trx, c.callId, Number(best.id))
    let additions = ''
    if (campaignId !== null) {
      const campaign = await k
        .selectFrom('consultationCampaign')
        .select('template')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow()
      additions = personalAdditions(campaign.template, c.text)
    }
    const text = await k
      .insertInto('consultationText')
      .values({
        callId: c.callId,
        hash,
        signature: Buffer.from(signatureBytes(sig)),
        campaignId,
        members: 1,
        additions,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const textId = Number(text.id)
    await k
      .insertInto('consultationBucket')
      .values(buckets.map((bucket) => ({ callId: c.callId, bucket, textId })))
      .onConflict((oc) => oc.columns(['callId', 'bucket']).doNothing())
      .execute()
    if (campaignId !== null) await grow(trx, campaignId, c, true)
    await member(textId, campaignId)
    return { textId, campaignId, exact: false }
  })
}

/** Makes a campaign of a lone text's members; the text is its template. */
async function startCampaign(trx: Db, callId: number, textId: number): Promise<number> {
  const k = kdb(trx)
  const memberIds = (
    await k.selectFrom('consultationMember').select('contributionId').where('textId', '=', textId).execute()
  ).map((m) => Number(m.contributionId))
  const members = await contributionTexts(trx, memberIds)
  const first = members[0]
  const at = members.map((m) => m.submittedAt.getTime())
  const campaign = await k
    .insertInto('consultationCampaign')
    .values({
      callId,
      size: members.length,
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
  await k.updateTable('consultationMember').set({ campaignId }).where('textId', '=', textId).execute()
  return campaignId
}
