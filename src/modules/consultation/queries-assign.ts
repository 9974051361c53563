// Incremental assignment: a contribution that arrives joins its exact-duplicate group (same
// normalized text), or the campaign of the most similar text found through its LSH buckets, or
// starts a campaign with that text, or stays alone. Under a per-call advisory lock, one query
// reads everything needed (already assigned? the threshold, the same text, the band candidates
// with their signatures and campaign templates) and one statement writes: milliseconds, however
// many contributions the call has. The template and the signals that need every member (minute
// peak, shared metadata) are refreshed by a rebuild.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb } from '../../core/db/helpers.ts'
import { type ContributionText, contributionTexts, markCampaignMembers } from '../contributions/index.ts'
import { kdb } from './queries.ts'
import { TABLES_LOCK } from './queries-rebuild-swap.ts'
import { personalAdditions } from './rules/additions.ts'
import { TOP_ADDITIONS } from './rules/additions-count.ts'
import { bandKeys, bucketId, DEFAULT_METHOD, signature, signatureBytes, similarity } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { isNewAccount, profileOf } from './rules/profile.ts'

export type Assignment = { textId: number; campaignId: number | null; exact: boolean }

interface Candidate {
  id: number
  signature: string
  campaignId: number | null
  members: number
  template: string | null
}

interface Probe {
  assigned: boolean
  threshold: number | null
  sameId: number | null
  sameCampaignId: number | null
  sameAdditions: string | null
  candidates: Candidate[] | null
}

function probe(trx: Db, c: ContributionText, hash: string, buckets: number[]) {
  return sql<Probe>`
    select exists (select 1 from consultation_member where contribution_id = ${c.id}) as assigned,
      (select threshold from consultation_setting where call_id = ${c.callId}) as threshold,
      same.id as "sameId", same.campaign_id as "sameCampaignId", same.additions as "sameAdditions",
      (select json_agg(json_build_object('id', t.id, 'signature', encode(t.signature, 'hex'),
          'campaignId', t.campaign_id, 'members', t.members, 'template', k.template))
        from consultation_bucket b join consultation_text t on t.id = b.text_id
        left join consultation_campaign k on k.id = t.campaign_id
        where b.call_id = ${c.callId} and b.bucket = any(${buckets}::bigint[])) as candidates
    from (select 1) one
    left join consultation_text same on same.call_id = ${c.callId} and same.hash = ${hash}`
    .execute(trx)
    .then((r) => r.rows[0] as Probe)
}

/** The call's counts of contributions read and of those in no campaign, moved (a CTE). */
function counted(callId: number, lone: number) {
  return sql`s as (insert into consultation_setting (call_id, analysed, lone) values (${callId}, 1, ${lone})
    on conflict (call_id) do update set analysed = consultation_setting.analysed + 1,
      lone = consultation_setting.lone + excluded.lone)`
}

/** The campaign's listed additions with one more sender of `added` (listed while there is room). */
function addedTo(added: string) {
  if (added === '') return sql`top_additions`
  return sql`case
    when top_additions @> jsonb_build_array(jsonb_build_object('text', ${added}::text)) then (
      select jsonb_agg(case when e ->> 'text' = ${added}::text
        then jsonb_build_object('text', e -> 'text', 'count', (e ->> 'count')::int + 1) else e end order by n)
      from jsonb_array_elements(top_additions) with ordinality as x(e, n))
    when jsonb_array_length(top_additions) < ${TOP_ADDITIONS}::int
      then top_additions || jsonb_build_array(jsonb_build_object('text', ${added}::text, 'count', 1))
    else top_additions end`
}

/** The campaign's counters and speaker profile grown by one member, in SQL (no read first). */
function grown(c: ContributionText, newText: boolean, added: string) {
  const region = c.regionalGroup ?? 'none'
  const n = (flag: boolean) => (flag ? 1 : 0)
  return sql`size = size + 1, top_additions = ${addedTo(added)}, exact_groups = exact_groups + ${newText ? 1 : 0},
    first_at = least(first_at, ${c.submittedAt.toISOString()}::timestamptz),
    last_at = greatest(last_at, ${c.submittedAt.toISOString()}::timestamptz),
    profile = profile || jsonb_build_object(
      'groups', coalesce(profile -> 'groups', '{}') || jsonb_build_object(${c.stakeholderGroup}::text,
        coalesce((profile -> 'groups' ->> ${c.stakeholderGroup}::text)::int, 0) + 1),
      'regions', coalesce(profile -> 'regions', '{}') || jsonb_build_object(${region}::text,
        coalesce((profile -> 'regions' ->> ${region}::text)::int, 0) + 1),
      'ldc', coalesce((profile ->> 'ldc')::int, 0) + ${n(c.ldc)}::int,
      'lldc', coalesce((profile ->> 'lldc')::int, 0) + ${n(c.lldc)}::int,
      'sids', coalesce((profile ->> 'sids')::int, 0) + ${n(c.sids)}::int,
      'platform', coalesce((profile ->> 'platform')::int, 0) + ${n(c.accountCreatedAt !== null)}::int,
      'newAccounts', coalesce((profile ->> 'newAccounts')::int, 0) + ${n(isNewAccount(c))}::int)`
}

/** Assigns one contribution (already stored and published); does nothing when it already is. */
export async function assignContribution(db: Db, c: ContributionText): Promise<Assignment | null> {
  const w = words(c.text)
  const hash = textHash(w)
  const sig = signature(w, DEFAULT_METHOD)
  const buckets = bandKeys(sig, DEFAULT_METHOD).map((key, band) => bucketId(band, key))
  return inTransaction(db, async (trx) => {
    const assigned = await assignIn(trx, c, hash, sig, buckets)
    // search finds it under "in a campaign" from now on (startCampaign marks the others it joins)
    if (assigned?.campaignId != null)
      await markCampaignMembers(trx, sql`select ${c.id}::bigint as contribution_id`, true)
    return assigned
  })
}

async function assignIn(
  trx: Db,
  c: ContributionText,
  hash: string,
  sig: Uint32Array,
  buckets: number[],
): Promise<Assignment | null> {
  // the probe reads a few index entries: a parallel plan (which stale statistics after a bulk
  // load can make look cheaper) would spend more starting its workers than the whole read
  // (and a rebuild's write of any call, which swaps the tables, waits for this arrival or goes first)
  await sql`select pg_advisory_xact_lock(hashtext(${`consultation:${c.callId}`})),
      pg_advisory_xact_lock_shared(${TABLES_LOCK}), set_config('max_parallel_workers_per_gather', '0', true)`.execute(
    trx,
  )
  const found = await probe(trx, c, hash, buckets)
  if (found.assigned) return null
  const member = sql`insert into consultation_member (contribution_id, call_id, text_id, campaign_id, submitted_at)`
  if (found.sameId !== null) {
    const textId = Number(found.sameId)
    if (found.sameCampaignId === null) {
      // a second copy of a lone text: the two make a campaign
      await sql`with t as (update consultation_text set members = members + 1 where id = ${textId}), ${counted(c.callId, 1)}
          ${member} values (${c.id}, ${c.callId}, ${textId}, null, ${c.submittedAt.toISOString()}::timestamptz)`.execute(
        trx,
      )
      return { textId, campaignId: (await startCampaign(trx, c.callId, textId)).id, exact: true }
    }
    const campaignId = Number(found.sameCampaignId)
    await sql`with t as (update consultation_text set members = members + 1 where id = ${textId}),
          k as (update consultation_campaign set ${grown(c, false, found.sameAdditions ?? '')} where id = ${campaignId}),
          ${counted(c.callId, 0)}
        ${member} values (${c.id}, ${c.callId}, ${textId}, ${campaignId}, ${c.submittedAt.toISOString()}::timestamptz)`.execute(
      trx,
    )
    return { textId, campaignId, exact: true }
  }
  const threshold = found.threshold === null ? DEFAULT_METHOD.threshold : Number(found.threshold)
  let best: Candidate | null = null
  let bestScore = threshold
  for (const f of found.candidates ?? []) {
    const score = similarity(sig, new Uint32Array(new Uint8Array(Buffer.from(f.signature, 'hex')).buffer))
    if (score >= bestScore && (best === null || score > bestScore || f.members > best.members)) {
      best = f
      bestScore = score
    }
  }
  let campaignId = best?.campaignId ? Number(best.campaignId) : null
  let template = best?.template ?? null
  if (best && campaignId === null) ({ id: campaignId, template } = await startCampaign(trx, c.callId, Number(best.id)))
  const additions = campaignId !== null && template !== null ? personalAdditions(template, c.text) : ''
  const inserted = await sql<{ id: string | number }>`
      with t as (insert into consultation_text (call_id, hash, signature, campaign_id, members, additions)
          values (${c.callId}, ${hash}, ${Buffer.from(signatureBytes(sig))}, ${campaignId}, 1, ${additions}) returning id),
        b as (insert into consultation_bucket (call_id, bucket, text_id)
          select ${c.callId}, x, t.id from t, unnest(${buckets}::bigint[]) x on conflict do nothing),
        k as (update consultation_campaign set ${grown(c, true, additions)} where id = ${campaignId}),
        ${counted(c.callId, campaignId === null ? 1 : 0)},
        m as (${member} select ${c.id}, ${c.callId}, t.id, ${campaignId}::bigint, ${c.submittedAt.toISOString()}::timestamptz from t)
      select id from t`.execute(trx)
  return { textId: Number(inserted.rows[0]?.id), campaignId, exact: false }
}

/** Makes a campaign of a lone text's members; the text is its template. */
async function startCampaign(trx: Db, callId: number, textId: number): Promise<{ id: number; template: string }> {
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
  // a lone text's members are in no campaign (the index consultation_member_lone_text finds them)
  await k
    .updateTable('consultationMember')
    .set({ campaignId })
    .where('textId', '=', textId)
    .where('campaignId', 'is', null)
    .execute()
  await markCampaignMembers(trx, sql`select unnest(${memberIds}::bigint[]) as contribution_id`, true)
  // its members were counted in no campaign
  await k
    .updateTable('consultationSetting')
    .set((eb) => ({ lone: eb('lone', '-', members.length) }))
    .where('callId', '=', callId)
    .execute()
  return { id: campaignId, template: first?.text ?? '' }
}
