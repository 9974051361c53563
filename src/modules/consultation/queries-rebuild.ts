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
import { contributionTexts, freshenCallStatistics, tidySearchIndex } from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { thresholdOf } from './queries.ts'
import { additionsOf } from './queries-rebuild-additions.ts'
import { catchUpAfterSwap } from './queries-rebuild-catchup.ts'
import { readAndSign } from './queries-rebuild-read.ts'
import { writeRebuiltCall } from './queries-rebuild-write.ts'
import { RebuildPool } from './rebuild-pool.ts'
import { mostSent } from './rules/additions-count.ts'
import { clusterSignatures } from './rules/clusters.ts'
import { inChunks } from './rules/compact.ts'
import { DEFAULT_METHOD, type Method } from './rules/minhash.ts'
import type { CampaignProfile } from './tables.ts'

export interface RebuildSummary {
  contributions: number
  texts: number
  campaigns: number
  inCampaigns: number
  method: Method
  seconds: { read: number; cluster: number; write: number }
  /** CPU seconds of this process (its worker threads included) in each phase */
  cpuSeconds: { read: number; cluster: number; write: number }
}

export async function rebuildCampaigns(
  db: Db,
  ctx: CommandContext,
  callId: number,
  options: {
    onProgress?: (read: number) => void
    /** worker threads: always, never, or (by default) when the call is larger than one page */
    threads?: boolean
    /** called between the read and the write (a test makes contributions arrive and leave there) */
    afterRead?: () => Promise<void>
  } = {},
): Promise<Result<RebuildSummary>> {
  const allowed = authorize(ctx.actor, 'campaign.rebuild')
  if (!allowed.ok) return allowed
  const found = await findCall(db, callId)
  if (!found) return notFound('call_not_found')
  const method: Method = { ...DEFAULT_METHOD, threshold: await thresholdOf(db, callId) }
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  // worker threads, started when the call is larger than one page, stopped at the end
  let workers: RebuildPool | null = null
  const pool = () => {
    workers = new RebuildPool()
    return workers
  }
  try {
    const call = { callId, processId: Number(found.processId) }
    return await rebuildWith(db, ctx, call, method, pool, () => workers, t0, c0, options)
  } finally {
    await (workers as RebuildPool | null)?.close()
  }
}

async function rebuildWith(
  db: Db,
  ctx: CommandContext,
  call: { callId: number; processId: number },
  method: Method,
  pool: () => RebuildPool | null,
  started: () => RebuildPool | null,
  t0: number,
  c0: NodeJS.CpuUsage,
  options: { onProgress?: (read: number) => void; threads?: boolean; afterRead?: () => Promise<void> },
): Promise<Result<RebuildSummary>> {
  const { callId } = call
  // the read below is planned page by page: over the call's real size, not statistics from before it filled
  await freshenCallStatistics(db, callId)
  // pass 1: distinct texts and their signatures; compact facts of every member
  const { hashes, signatures, firstMember, textMembers, member, groups, regions } = await readAndSign(
    db,
    callId,
    method,
    pool,
    options.threads,
    options.onProgress,
  )
  await options.afterRead?.()
  const t1 = performance.now()
  const c1 = process.cpuUsage()
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
  const additions = await additionsOf(
    db,
    started(),
    hashes.flatMap((_, t) => {
      const k = campaignOfText[t] as number
      return k >= 0 && t !== (campaigns[k] as (typeof campaigns)[number]).template ? [t] : []
    }),
    (t) => firstMember[t] as number,
    (t) =>
      textOf.get(
        firstMember[(campaigns[campaignOfText[t] as number] as (typeof campaigns)[number]).template] as number,
      ) ?? '',
  )
  const topAdditions = mostSent(
    campaigns.length,
    hashes.length,
    (t) => campaignOfText[t] as number,
    additions,
    textMembers,
  )
  const t2 = performance.now()
  const c2 = process.cpuUsage()
  const own = !db.isTransaction
  await inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`consultation:${callId}`}))`.execute(trx)
    await writeRebuiltCall(
      trx,
      callId,
      {
        campaigns: campaigns.map((c, k) => ({
          size: c.size,
          exactGroups: c.exactGroups,
          template: textOf.get(firstMember[c.template] as number) ?? '',
          templateText: c.template,
          firstAt: c.firstAt,
          lastAt: c.lastAt,
          profile: c.profile,
          topAdditions: topAdditions[k] ?? [],
        })),
        texts: hashes.map((hash, t) => ({
          hash,
          signature: signatures[t] as Uint32Array,
          campaign: campaignOfText[t] as number,
          members: textMembers[t] as number,
          additions: additions.get(t) ?? '',
        })),
        buckets,
        members: member,
      },
      own,
    )
    // statistics of what was just replaced, for the assignment's probe (the swapped tables have theirs)
    await sql`analyze consultation_campaign`.execute(trx)
    const inCampaigns = campaigns.reduce((n, c) => n + c.size, 0)
    await sql`insert into consultation_setting (call_id, rebuilt_at, analysed, lone)
      values (${callId}, ${ctx.now.toISOString()}::timestamptz, ${member.id.length}, ${member.id.length - inCampaigns})
      on conflict (call_id) do update set rebuilt_at = excluded.rebuilt_at, analysed = excluded.analysed,
        lone = excluded.lone`.execute(trx)
    // what arrived or left between the read and the swap (assigned into the dropped tables, or read)
    await catchUpAfterSwap(trx, call, member.id)
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
  // the search documents whose membership changed left their old rows behind: vacuumed when many
  if (own) await tidySearchIndex(db)
  const t3 = performance.now()
  const c3 = process.cpuUsage()
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6
  return ok({
    contributions: member.id.length,
    texts: hashes.length,
    campaigns: campaigns.length,
    inCampaigns: campaigns.reduce((s, c) => s + c.size, 0),
    method,
    seconds: { read: (t1 - t0) / 1000, cluster: (t2 - t1) / 1000, write: (t3 - t2) / 1000 },
    cpuSeconds: { read: cpu(c0, c1), cluster: cpu(c1, c2), write: cpu(c2, c3) },
  })
}
