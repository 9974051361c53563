// The write half of a rebuild: the call's campaigns, distinct texts, LSH buckets and members
// replaced in the caller's transaction. Ids are taken from the tables' sequences up front (a
// range each), so every row (a template's text id included) is known before writing. Texts,
// buckets and members go into fresh tables swapped in at the end (queries-rebuild-swap.ts); each
// table is one COPY in binary format (no number, date or signature written as text to be parsed),
// sent part by part while the next part is made.
import { sql } from 'kysely'
import { copyInto } from '../../core/db/copy.ts'
import { binaryRows } from '../../core/db/copy-binary.ts'
import type { Db } from '../../core/db/database.ts'
import { markCampaignMembers } from '../contributions/index.ts'
import { indexNext, prepareNext, swapNext } from './queries-rebuild-swap.ts'
import type { Buckets } from './rules/clusters.ts'
import type { CampaignProfile } from './tables.ts'

export interface RebuiltCampaign {
  size: number
  exactGroups: number
  template: string
  /** index of the template's text */
  templateText: number
  firstAt: number
  lastAt: number
  profile: CampaignProfile
  topAdditions: { text: string; count: number }[]
}

export interface RebuiltCall {
  campaigns: RebuiltCampaign[]
  texts: { hash: string; signature: Uint32Array; campaign: number; members: number; additions: string }[]
  buckets: Buckets
  members: { id: number[]; text: number[]; at: number[] }
}

/**
 * The first of `n` ids taken at once from the table's sequence (the next `n` are ours: every
 * writer of these tables waits for the rebuild's lock, so none takes one in between).
 */
async function takeIds(trx: Db, table: string, n: number): Promise<number> {
  if (n === 0) return 0
  const first = await sql<{ first: string | number }>`
    select setval(s, nextval(s) + ${n}::bigint - 1) - ${n}::bigint + 1 as first
    from (select pg_get_serial_sequence(${table}, 'id')::regclass as s) q`.execute(trx)
  return Number(first.rows[0]?.first)
}

/** Replaces the call's derived campaign data with `call` (inside the caller's transaction). */
export async function writeRebuiltCall(
  trx: Db,
  callId: number,
  call: RebuiltCall,
  /** the transaction is the rebuild's own (no savepoint): its fresh tables can be written frozen */
  own = false,
): Promise<void> {
  // frozen rows: the first arrivals after the swap find every row visible (no hint bit to set, no
  // page dirtied by a read) and every page all-visible, as a VACUUM would leave them
  const freeze = { freeze: own }
  await prepareNext(trx, callId)
  await sql`delete from consultation_campaign where call_id = ${callId}`.execute(trx)
  const firstCampaign = await takeIds(trx, 'consultation_campaign', call.campaigns.length)
  const firstText = await takeIds(trx, 'consultation_text', call.texts.length)
  const textId = (t: number) => firstText + t
  const campaignId = (k: number) => firstCampaign + k
  await copyInto(
    trx,
    'consultation_campaign',
    [
      'id',
      'call_id',
      'size',
      'exact_groups',
      'template',
      'template_text_id',
      'first_at',
      'last_at',
      'profile',
      'top_additions',
    ],
    binaryRows(call.campaigns.length, (w, k) => {
      const c = call.campaigns[k] as RebuiltCampaign
      w.row(10).int8(campaignId(k)).int8(callId).int4(c.size).int4(c.exactGroups).text(c.template)
      w.int8(textId(c.templateText)).timestamptz(c.firstAt).timestamptz(c.lastAt)
      w.jsonb(JSON.stringify(c.profile)).jsonb(JSON.stringify(c.topAdditions))
    }),
  )
  await copyInto(
    trx,
    'consultation_text_next',
    ['id', 'call_id', 'hash', 'signature', 'campaign_id', 'members', 'additions'],
    binaryRows(call.texts.length, (w, t) => {
      const x = call.texts[t] as RebuiltCall['texts'][number]
      const s = x.signature
      w.row(7)
        .int8(textId(t))
        .int8(callId)
        .text(x.hash)
        .bytea(new Uint8Array(s.buffer, s.byteOffset, s.byteLength))
      if (x.campaign >= 0) w.int8(campaignId(x.campaign))
      else w.null()
      w.int4(x.members).text(x.additions)
    }),
    freeze,
  )
  // the buckets in id order (as clustering lists them): the index is built from sorted input
  const { ids, texts } = call.buckets
  let sorted = true
  for (let i = 1; i < ids.length && sorted; i++) sorted = (ids[i - 1] as number) < (ids[i] as number)
  const order = Int32Array.from(ids, (_, i) => i)
  if (!sorted) order.sort((a, b) => (ids[a] as number) - (ids[b] as number))
  await copyInto(
    trx,
    'consultation_bucket_next',
    ['call_id', 'bucket', 'text_id'],
    binaryRows(order.length, (w, i) => {
      const b = order[i] as number
      w.row(3)
        .int8(callId)
        .int8(ids[b] as number)
        .int8(textId(texts[b] as number))
    }),
    freeze,
  )
  const m = call.members
  await copyInto(
    trx,
    'consultation_member_next',
    ['contribution_id', 'call_id', 'text_id', 'campaign_id', 'submitted_at'],
    binaryRows(m.id.length, (w, i) => {
      const t = m.text[i] as number
      const k = (call.texts[t] as RebuiltCall['texts'][number]).campaign
      w.row(5)
        .int8(m.id[i] as number)
        .int8(callId)
        .int8(textId(t))
      if (k >= 0) w.int8(campaignId(k))
      else w.null()
      w.timestamptz(m.at[i] as number)
    }),
    freeze,
  )
  await indexNext(trx)
  await markMembershipChanges(trx, callId)
  await swapNext(trx)
}

/**
 * The search documents of the call's contributions that joined a campaign or left every one, old
 * members against new (a document rewritten costs its row and its text index entries: a rebuild
 * that changes little writes little), in the rebuild's transaction: no search sees the new
 * campaigns with the old terms.
 */
async function markMembershipChanges(trx: Db, callId: number): Promise<void> {
  const inCampaign = (table: string) =>
    sql`select contribution_id from ${sql.table(table)} where call_id = ${callId} and campaign_id is not null`
  const [before, after] = [inCampaign('consultation_member'), inCampaign('consultation_member_next')]
  await markCampaignMembers(trx, sql`${after} except ${before}`, true)
  await markCampaignMembers(trx, sql`${before} except ${after}`, false)
}
