// The write half of a rebuild: the call's campaigns, distinct texts, LSH buckets and members
// replaced in the caller's transaction. Ids are taken from the tables' sequences up front, so
// every row (a template's text id included) is known before writing, and each table is loaded by
// COPY in slices: a million members and their ten million buckets are a few dozen statements.
import { sql } from 'kysely'
import { copyInto, copyValue } from '../../core/db/copy.ts'
import type { Db } from '../../core/db/database.ts'
import { bucketId } from './rules/minhash.ts'
import type { CampaignProfile } from './tables.ts'

const SLICE = 100_000

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
  buckets: { band: number; key: number; text: number }[]
  members: { id: number[]; text: number[]; at: number[] }
}

async function takeIds(trx: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return []
  const rows = await sql<{ id: string | number }>`
    select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n}::int)`.execute(trx)
  return rows.rows.map((r) => Number(r.id))
}

/** Loads `n` rows into `table` by COPY, `SLICE` at a time; `line(i)` is row i in COPY's text format. */
async function copySlices(trx: Db, table: string, columns: string[], n: number, line: (i: number) => string) {
  for (let start = 0; start < n; start += SLICE) {
    let data = ''
    for (let i = start; i < Math.min(n, start + SLICE); i++) data += line(i)
    await copyInto(trx, table, columns, data)
  }
}

const hex = (sig: Uint32Array) => `\\\\x${Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('hex')}`
const nullable = (id: number | null) => (id === null ? '\\N' : String(id))

/** Replaces the call's derived campaign data with `call` (inside the caller's transaction). */
export async function writeRebuiltCall(trx: Db, callId: number, call: RebuiltCall): Promise<void> {
  for (const table of ['consultation_member', 'consultation_bucket', 'consultation_text', 'consultation_campaign'])
    await sql`delete from ${sql.table(table)} where call_id = ${callId}`.execute(trx)
  const campaignIds = await takeIds(trx, 'consultation_campaign', call.campaigns.length)
  const textIds = await takeIds(trx, 'consultation_text', call.texts.length)
  const campaignId = (k: number) => (k >= 0 ? (campaignIds[k] as number) : null)
  await copySlices(
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
    call.campaigns.length,
    (k) => {
      const c = call.campaigns[k] as RebuiltCampaign
      return `${campaignIds[k]}\t${callId}\t${c.size}\t${c.exactGroups}\t${copyValue(c.template)}\t${textIds[c.templateText]}\t${new Date(c.firstAt).toISOString()}\t${new Date(c.lastAt).toISOString()}\t${copyValue(JSON.stringify(c.profile))}\t${copyValue(JSON.stringify(c.topAdditions))}\n`
    },
  )
  await copySlices(
    trx,
    'consultation_text',
    ['id', 'call_id', 'hash', 'signature', 'campaign_id', 'members', 'additions'],
    call.texts.length,
    (t) => {
      const x = call.texts[t] as RebuiltCall['texts'][number]
      return `${textIds[t]}\t${callId}\t${x.hash}\t${hex(x.signature)}\t${nullable(campaignId(x.campaign))}\t${x.members}\t${copyValue(x.additions)}\n`
    },
  )
  // the buckets in key order (as clustering lists them): each row goes to the right-hand end of the
  // index, not to a random page of it
  const key = (i: number) => {
    const b = call.buckets[i] as RebuiltCall['buckets'][number]
    return bucketId(b.band, b.key)
  }
  let sorted = true
  for (let i = 1; i < call.buckets.length && sorted; i++) sorted = key(i - 1) < key(i)
  const order = Int32Array.from(call.buckets, (_, i) => i)
  if (!sorted) order.sort((a, b) => key(a) - key(b))
  await copySlices(trx, 'consultation_bucket', ['call_id', 'bucket', 'text_id'], order.length, (i) => {
    const b = call.buckets[order[i] as number] as RebuiltCall['buckets'][number]
    return `${callId}\t${bucketId(b.band, b.key)}\t${textIds[b.text]}\n`
  })
  const m = call.members
  await copySlices(
    trx,
    'consultation_member',
    ['contribution_id', 'call_id', 'text_id', 'campaign_id', 'submitted_at'],
    m.id.length,
    (i) => {
      const t = m.text[i] as number
      const k = (call.texts[t] as RebuiltCall['texts'][number]).campaign
      return `${m.id[i]}\t${callId}\t${textIds[t]}\t${nullable(campaignId(k))}\t${new Date(m.at[i] as number).toISOString()}\n`
    },
  )
}
