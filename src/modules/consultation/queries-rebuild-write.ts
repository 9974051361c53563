// The write half of a rebuild: the call's campaigns, distinct texts, LSH buckets and members
// replaced in the caller's transaction. Ids are taken from the tables' sequences up front, so
// every row (a template's text id included) is known before writing, and each table is loaded by
// COPY in slices: a million members and their ten million buckets are a few dozen statements.
import { sql } from 'kysely'
import { copyInto, copyText } from '../../core/db/copy.ts'
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

async function copySlices<T>(
  trx: Db,
  table: string,
  columns: string[],
  items: T[] | number,
  row: (i: number) => unknown[],
) {
  const n = typeof items === 'number' ? items : items.length
  for (let start = 0; start < n; start += SLICE) {
    const rows: unknown[][] = []
    for (let i = start; i < Math.min(n, start + SLICE); i++) rows.push(row(i))
    await copyInto(trx, table, columns, copyText(rows as Parameters<typeof copyText>[0]))
  }
}

const hex = (sig: Uint32Array) => `\\x${Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('hex')}`

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
    call.campaigns,
    (k) => {
      const c = call.campaigns[k] as RebuiltCampaign
      return [
        campaignIds[k],
        callId,
        c.size,
        c.exactGroups,
        c.template,
        textIds[c.templateText],
        new Date(c.firstAt),
        new Date(c.lastAt),
        JSON.stringify(c.profile),
        JSON.stringify(c.topAdditions),
      ]
    },
  )
  await copySlices(
    trx,
    'consultation_text',
    ['id', 'call_id', 'hash', 'signature', 'campaign_id', 'members', 'additions'],
    call.texts,
    (t) => {
      const x = call.texts[t] as RebuiltCall['texts'][number]
      return [textIds[t], callId, x.hash, hex(x.signature), campaignId(x.campaign), x.members, x.additions]
    },
  )
  await copySlices(trx, 'consultation_bucket', ['call_id', 'bucket', 'text_id'], call.buckets, (i) => {
    const b = call.buckets[i] as RebuiltCall['buckets'][number]
    return [callId, bucketId(b.band, b.key), textIds[b.text]]
  })
  const m = call.members
  await copySlices(
    trx,
    'consultation_member',
    ['contribution_id', 'call_id', 'text_id', 'campaign_id', 'submitted_at'],
    m.id.length,
    (i) => {
      const t = m.text[i] as number
      return [
        m.id[i],
        callId,
        textIds[t],
        campaignId((call.texts[t] as RebuiltCall['texts'][number]).campaign),
        new Date(m.at[i] as number),
      ]
    },
  )
}
