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
import { writeRebuiltCall } from './queries-rebuild-write.ts'
import { personalAdditions } from './rules/additions.ts'
import { mostSent } from './rules/additions-count.ts'
import { clusterSignatures } from './rules/clusters.ts'
import { Codes, fnv, inChunks } from './rules/compact.ts'
import { DEFAULT_METHOD, type Method, signature } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { isNewAccount } from './rules/profile.ts'
import type { CampaignProfile } from './tables.ts'

const READ_PAGE = 5000

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
  const topAdditions = mostSent(
    campaigns.length,
    hashes.length,
    (t) => campaignOfText[t] as number,
    additions,
    textMembers,
  )
  const t2 = performance.now()
  await inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`consultation:${callId}`}))`.execute(trx)
    await writeRebuiltCall(trx, callId, {
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
    })
    const inCampaigns = campaigns.reduce((n, c) => n + c.size, 0)
    await sql`insert into consultation_setting (call_id, rebuilt_at, analysed, lone)
      values (${callId}, ${ctx.now.toISOString()}::timestamptz, ${member.id.length}, ${member.id.length - inCampaigns})
      on conflict (call_id) do update set rebuilt_at = excluded.rebuilt_at, analysed = excluded.analysed,
        lone = excluded.lone`.execute(trx)
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
