// The full rebuild of a call's campaigns (`ecp campaigns rebuild`, after a bulk import or a new
// threshold): every published contribution is read once (in id order, 5,000 at a time), each
// distinct normalized text gets one MinHash signature, LSH buckets join near-duplicates, and the
// result replaces the call's previous campaigns in one transaction. Derived data only: no
// contribution is changed.
import { sql } from 'kysely'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { contributionTexts, contributionTextsOfCall } from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { thresholdOf } from './queries.ts'
import { personalAdditions } from './rules/additions.ts'
import { clusterSignatures } from './rules/clusters.ts'
import { Codes, fnv, inChunks } from './rules/compact.ts'
import { bucketId, DEFAULT_METHOD, type Method, signature, signatureBytes } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { isNewAccount } from './rules/profile.ts'
import type { CampaignProfile } from './tables.ts'

const READ_PAGE = 5000
const WRITE_PAGE = 10_000

export interface RebuildSummary {
  contributions: number
  texts: number
  campaigns: number
  inCampaigns: number
  method: Method
  seconds: { read: number; cluster: number; write: number }
}

export async function rebuildCampaigns(
  db: Db,
  ctx: CommandContext,
  callId: number,
  options: { onProgress?: (read: number) => void } = {},
): Promise<Result<RebuildSummary>> {
  const allowed = authorize(ctx.actor, 'campaign.rebuild')
  if (!allowed.ok) return allowed
  if (!(await findCall(db, callId))) return notFound('call_not_found')
  const method: Method = { ...DEFAULT_METHOD, threshold: await thresholdOf(db, callId) }
  const t0 = performance.now()
  // pass 1: distinct texts and their signatures; compact facts of every member
  const textIndex = new Map<string, number>()
  const hashes: string[] = []
  const signatures: Uint32Array[] = []
  const firstMember: number[] = []
  const textMembers: number[] = []
  const member = {
    id: [] as number[],
    text: [] as number[],
    at: [] as number[],
    group: [] as number[],
    region: [] as number[],
    flags: [] as number[],
    meta: [] as number[],
  }
  const groups = new Codes()
  const regions = new Codes()
  let afterId = 0
  for (;;) {
    const page = await contributionTextsOfCall(db, callId, { afterId, limit: READ_PAGE })
    if (page.length === 0) break
    for (const c of page) {
      const w = words(c.text)
      const hash = textHash(w)
      let t = textIndex.get(hash)
      if (t === undefined) {
        t = hashes.length
        textIndex.set(hash, t)
        hashes.push(hash)
        signatures.push(signature(w, method))
        firstMember.push(c.id)
        textMembers.push(0)
      }
      textMembers[t] = (textMembers[t] as number) + 1
      member.id.push(c.id)
      member.text.push(t)
      member.at.push(c.submittedAt.getTime())
      member.group.push(groups.code(c.stakeholderGroup))
      member.region.push(regions.code(c.regionalGroup ?? 'none'))
      member.flags.push(
        (c.ldc ? 1 : 0) |
          (c.lldc ? 2 : 0) |
          (c.sids ? 4 : 0) |
          (c.accountCreatedAt ? 8 : 0) |
          (isNewAccount(c) ? 16 : 0),
      )
      member.meta.push(
        fnv(
          `${c.contributorName.trim().toLowerCase()}\u0000${c.stakeholderGroup}\u0000${c.regionalGroup ?? ''}\u0000${c.language}`,
        ),
      )
    }
    afterId = page.at(-1)?.id as number
    options.onProgress?.(member.id.length)
  }
  const t1 = performance.now()
  // clustering, then campaigns: components with at least two contributions
  const { roots, buckets } = clusterSignatures(signatures, method)
  const rootMembers = new Map<number, number>()
  for (let t = 0; t < hashes.length; t++)
    rootMembers.set(roots[t] as number, (rootMembers.get(roots[t] as number) ?? 0) + (textMembers[t] as number))
  const campaignOfRoot = new Map<number, number>()
  for (const [root, n] of rootMembers) if (n >= 2) campaignOfRoot.set(root, campaignOfRoot.size)
  const campaignOfText = Array.from(hashes, (_, t) => campaignOfRoot.get(roots[t] as number) ?? -1)
  const campaigns = Array.from(campaignOfRoot, () => ({
    template: -1,
    size: 0,
    exactGroups: 0,
    firstAt: Number.POSITIVE_INFINITY,
    lastAt: 0,
    profile: {
      groups: {},
      regions: {},
      ldc: 0,
      lldc: 0,
      sids: 0,
      newAccounts: 0,
      platform: 0,
      peakPerMinute: 0,
      identicalMetadata: 0,
    } as Required<CampaignProfile>,
    minutes: new Map<number, number>(),
    meta: new Map<number, number>(),
  }))
  for (let t = 0; t < hashes.length; t++) {
    const k = campaignOfText[t] as number
    if (k < 0) continue
    const c = campaigns[k] as (typeof campaigns)[number]
    c.exactGroups++
    // the template: the most common text (the earliest on a tie)
    if (c.template < 0 || (textMembers[t] as number) > (textMembers[c.template] as number)) c.template = t
  }
  for (let i = 0; i < member.id.length; i++) {
    const k = campaignOfText[member.text[i] as number] as number
    if (k < 0) continue
    const c = campaigns[k] as (typeof campaigns)[number]
    const at = member.at[i] as number
    const flags = member.flags[i] as number
    const p = c.profile
    c.size++
    c.firstAt = Math.min(c.firstAt, at)
    c.lastAt = Math.max(c.lastAt, at)
    const group = groups.values[member.group[i] as number] as string
    const region = regions.values[member.region[i] as number] as string
    p.groups[group] = (p.groups[group] ?? 0) + 1
    p.regions[region] = (p.regions[region] ?? 0) + 1
    if (flags & 1) p.ldc++
    if (flags & 2) p.lldc++
    if (flags & 4) p.sids++
    if (flags & 8) p.platform++
    if (flags & 16) p.newAccounts++
    const minute = Math.floor(at / 60_000)
    c.minutes.set(minute, (c.minutes.get(minute) ?? 0) + 1)
    c.meta.set(member.meta[i] as number, (c.meta.get(member.meta[i] as number) ?? 0) + 1)
  }
  for (const c of campaigns) {
    c.profile.peakPerMinute = Math.max(0, ...c.minutes.values())
    for (const n of c.meta.values()) if (n > 1) c.profile.identicalMetadata += n
  }
  // templates' texts, then each campaign text's personal additions
  const textOf = new Map<number, string>()
  await inChunks(
    campaigns.map((c) => firstMember[c.template] as number),
    1000,
    async (ids) => {
      for (const r of await contributionTexts(db, ids)) textOf.set(r.id, r.text)
    },
  )
  const additions = new Map<number, string>()
  const campaignTexts = hashes.flatMap((_, t) => ((campaignOfText[t] as number) >= 0 ? [t] : []))
  await inChunks(campaignTexts, 2000, async (texts) => {
    const read = await contributionTexts(
      db,
      texts.map((t) => firstMember[t] as number),
    )
    const byId = new Map(read.map((r) => [r.id, r.text]))
    for (const t of texts) {
      const c = campaigns[campaignOfText[t] as number] as (typeof campaigns)[number]
      if (t === c.template) continue
      const template = textOf.get(firstMember[c.template] as number) ?? ''
      const added = personalAdditions(template, byId.get(firstMember[t] as number) ?? '')
      if (added !== '') additions.set(t, added)
    }
  })
  const t2 = performance.now()
  await inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`consultation:${callId}`}))`.execute(trx)
    for (const table of ['consultation_member', 'consultation_bucket', 'consultation_text', 'consultation_campaign'])
      await sql`delete from ${sql.table(table)} where call_id = ${callId}`.execute(trx)
    const campaignIds: number[] = []
    await inChunks(campaigns, WRITE_PAGE, async (chunk) => {
      const rows = await sql<{ id: string }>`
        insert into consultation_campaign (call_id, size, exact_groups, template, first_at, last_at, profile)
        select ${callId}::bigint, t.size, t.exact_groups, t.template, t.first_at, t.last_at, t.profile::jsonb
        from unnest(${chunk.map((c) => c.size)}::int[], ${chunk.map((c) => c.exactGroups)}::int[],
          ${chunk.map((c) => textOf.get(firstMember[c.template] as number) ?? '')}::text[],
          ${chunk.map((c) => new Date(c.firstAt).toISOString())}::timestamptz[], ${chunk.map((c) => new Date(c.lastAt).toISOString())}::timestamptz[],
          ${chunk.map((c) => JSON.stringify(c.profile))}::text[]) with ordinality as t(size, exact_groups, template, first_at, last_at, profile, n)
        order by t.n returning id`.execute(trx)
      for (const r of rows.rows) campaignIds.push(Number(r.id))
    })
    const textIds: number[] = new Array(hashes.length)
    await inChunks(
      Array.from(hashes, (_, t) => t),
      WRITE_PAGE,
      async (texts) => {
        const rows = await sql<{ id: string; hash: string }>`
        insert into consultation_text (call_id, hash, signature, campaign_id, members, additions)
        select ${callId}::bigint, t.hash, decode(t.signature, 'hex'), t.campaign_id, t.members, t.additions
        from unnest(${texts.map((t) => hashes[t])}::text[],
          ${texts.map((t) => Buffer.from(signatureBytes(signatures[t] as Uint32Array)).toString('hex'))}::text[],
          ${texts.map((t) => ((campaignOfText[t] as number) >= 0 ? campaignIds[campaignOfText[t] as number] : null))}::bigint[],
          ${texts.map((t) => textMembers[t])}::int[], ${texts.map((t) => additions.get(t) ?? '')}::text[])
          as t(hash, signature, campaign_id, members, additions)
        returning id, hash`.execute(trx)
        for (const r of rows.rows) textIds[textIndex.get(r.hash) as number] = Number(r.id)
      },
    )
    for (let i = 0; i < campaigns.length; i++)
      await sql`update consultation_campaign set template_text_id = ${textIds[(campaigns[i] as (typeof campaigns)[number]).template]} where id = ${campaignIds[i]}`.execute(
        trx,
      )
    await inChunks(buckets, WRITE_PAGE, async (chunk) => {
      await sql`insert into consultation_bucket (call_id, bucket, text_id)
        select ${callId}::bigint, t.* from unnest(${chunk.map((b) => bucketId(b.band, b.key))}::bigint[], ${chunk.map((b) => textIds[b.text])}::bigint[]) as t`.execute(
        trx,
      )
    })
    await inChunks(
      Array.from(member.id, (_, i) => i),
      WRITE_PAGE,
      async (rows) => {
        await sql`insert into consultation_member (contribution_id, call_id, text_id, campaign_id, submitted_at)
        select t.contribution_id, ${callId}::bigint, t.text_id, t.campaign_id, t.submitted_at
        from unnest(${rows.map((i) => member.id[i])}::bigint[], ${rows.map((i) => textIds[member.text[i] as number])}::bigint[],
          ${rows.map((i) => {
            const k = campaignOfText[member.text[i] as number] as number
            return k >= 0 ? campaignIds[k] : null
          })}::bigint[], ${rows.map((i) => new Date(member.at[i] as number).toISOString())}::timestamptz[])
          as t(contribution_id, text_id, campaign_id, submitted_at)`.execute(trx)
      },
    )
    await sql`insert into consultation_setting (call_id, rebuilt_at) values (${callId}, ${ctx.now.toISOString()}::timestamptz)
      on conflict (call_id) do update set rebuilt_at = excluded.rebuilt_at`.execute(trx)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'campaigns.rebuilt',
      subjectType: 'call',
      subjectId: callId,
      payload: {
        contributions: member.id.length,
        texts: hashes.length,
        campaigns: campaigns.length,
        threshold: method.threshold,
      },
    })
  })
  const t3 = performance.now()
  return ok({
    contributions: member.id.length,
    texts: hashes.length,
    campaigns: campaigns.length,
    inCampaigns: campaigns.reduce((s, c) => s + c.size, 0),
    method,
    seconds: { read: (t1 - t0) / 1000, cluster: (t2 - t1) / 1000, write: (t3 - t2) / 1000 },
  })
}
