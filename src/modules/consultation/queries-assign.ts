// Incremental assignment: a contribution that arrives joins its exact-duplicate group (same
// normalized text), or the campaign of the most similar text found through its LSH buckets, or
// starts a campaign with that text, or stays alone. Milliseconds, however many contributions the
// call has: the probe (consultation_assign_probe, under the call's lock) reads a few index entries
// and, for an exact copy of a campaign's text (the common arrival), joins it there: one statement,
// one round trip. A new text takes a second statement (consultation_assign_text), written only
// if nothing was assigned in the call since the probe (else probed again). A lone text that becomes
// a campaign (rare) is done in one transaction holding the lock throughout. The template and the
// signals that need every member (minute peak, shared metadata) are refreshed by a rebuild.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { ContributionText } from '../contributions/index.ts'
import { startCampaign } from './queries-assign-start.ts'
import { personalAdditions } from './rules/additions.ts'
import { TOP_ADDITIONS } from './rules/additions-count.ts'
import { bandKeys, bucketId, DEFAULT_METHOD, signature, signatureBytes, similarity } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { isNewAccount } from './rules/profile.ts'

export type Assignment = { textId: number; campaignId: number | null; exact: boolean }

/** The points an assignment passes, in order, for a caller timing each phase (the bench). */
export type AssignPhase = 'probed' | 'written' | 'committed'

interface Candidate {
  id: number
  signature: string
  campaignId: number | null
  members: number
}

interface Probe {
  assigned: boolean
  /** joined by the probe itself (an exact copy of a text in a campaign) */
  joined?: boolean
  /** the call's settings row as the probe saw it (any assignment since replaces it) */
  version?: string | null
  threshold?: number | null
  sameId?: number | null
  sameCampaignId?: number | null
  candidates?: Candidate[] | null
  /** the candidates' campaigns' templates, by campaign id */
  templates?: Record<string, string> | null
}

/** The arrival as the functions take it: text hash, signature, bands and the sender's facts. */
function prepare(c: ContributionText) {
  const w = words(c.text)
  const sig = signature(w, DEFAULT_METHOD)
  const n = (flag: boolean) => (flag ? 1 : 0)
  return {
    hash: textHash(w),
    sig,
    buckets: bandKeys(sig, DEFAULT_METHOD).map((key, band) => bucketId(band, key)),
    // the campaign's growth: additions listed, submission time, group, region, flags
    facts: sql`${TOP_ADDITIONS}::int, ${c.submittedAt.toISOString()}::timestamptz, ${c.stakeholderGroup}::text,
      ${c.regionalGroup ?? 'none'}::text, ${n(c.ldc)}::int, ${n(c.lldc)}::int, ${n(c.sids)}::int,
      ${n(c.accountCreatedAt !== null)}::int, ${n(isNewAccount(c))}::int`,
  }
}
type Prepared = ReturnType<typeof prepare>

async function probe(db: Db, c: ContributionText, a: Prepared): Promise<Probe> {
  const r = await sql<{ probe: Probe }>`select consultation_assign_probe(${c.callId}::bigint, ${c.id}::bigint,
    ${a.hash}::text, ${a.buckets}::bigint[], ${a.facts}) as probe`.execute(db)
  return (r.rows[0] as { probe: Probe }).probe
}

/** The answer when the probe settled it (already assigned, or joined), else undefined. */
function settled(found: Probe): Assignment | null | undefined {
  if (found.assigned) return null
  if (found.joined) return { textId: Number(found.sameId), campaignId: Number(found.sameCampaignId), exact: true }
  return undefined
}

/** The most similar candidate at or above the call's threshold (the largest text on a tie). */
function best(found: Probe, sig: Uint32Array): Candidate | null {
  const threshold = found.threshold == null ? DEFAULT_METHOD.threshold : Number(found.threshold)
  let chosen: Candidate | null = null
  let bestScore = threshold
  for (const f of found.candidates ?? []) {
    const score = similarity(sig, new Uint32Array(new Uint8Array(Buffer.from(f.signature, 'hex')).buffer))
    if (score >= bestScore && (chosen === null || score > bestScore || f.members > chosen.members)) {
      chosen = f
      bestScore = score
    }
  }
  return chosen
}

/** Writes the arrival as a new text (in `campaignId` or alone); null when the call changed since `version`. */
async function writeText(
  db: Db,
  version: string | null,
  c: ContributionText,
  a: Prepared,
  campaignId: number | null,
  additions: string,
): Promise<number | null> {
  const r = await sql<{ id: string | number | null }>`select consultation_assign_text(${version}::text,
    ${c.callId}::bigint, ${c.id}::bigint, ${a.hash}::text, ${Buffer.from(signatureBytes(a.sig))}::bytea,
    ${a.buckets}::bigint[], ${campaignId}::bigint, ${additions}::text, ${a.facts}) as id`.execute(db)
  const id = r.rows[0]?.id
  return id === null || id === undefined ? null : Number(id)
}

/** Said instead of a version by a caller that holds the call's lock since its probe (nothing can change). */
const LOCKED = '*'

/** Assigns one contribution (already stored and published); does nothing when it already is. */
export async function assignContribution(
  db: Db,
  c: ContributionText,
  options: { onPhase?: (phase: AssignPhase) => void } = {},
): Promise<Assignment | null> {
  const mark = options.onPhase ?? (() => {})
  const a = prepare(c)
  // on its own (not in a caller's transaction): each statement its own transaction, the lock
  // taken by each; a few tries when other arrivals of the call come in between
  for (let attempt = 0; attempt < 3 && !db.isTransaction; attempt++) {
    const found = await probe(db, c, a)
    mark('probed')
    const done = settled(found)
    if (done !== undefined) {
      mark('committed')
      return done
    }
    const chosen = best(found, a.sig)
    // a lone text that becomes a campaign: several statements, in one transaction below
    if (found.sameId != null || (chosen && chosen.campaignId == null)) break
    const campaignId = chosen ? Number(chosen.campaignId) : null
    const template = campaignId === null ? null : (found.templates?.[String(campaignId)] ?? null)
    const additions = template === null ? '' : personalAdditions(template, c.text)
    const textId = await writeText(db, found.version ?? null, c, a, campaignId, additions)
    mark('written')
    if (textId !== null) {
      mark('committed')
      return { textId, campaignId, exact: false }
    }
  }
  const result = await inTransaction(db, (trx) => assignLocked(trx, c, a, mark))
  mark('committed')
  return result
}

/** The assignment in one transaction, the call's lock held from the probe to the last write. */
async function assignLocked(
  trx: Db,
  c: ContributionText,
  a: Prepared,
  mark: (phase: AssignPhase) => void,
): Promise<Assignment | null> {
  const found = await probe(trx, c, a)
  mark('probed')
  const done = settled(found)
  if (done !== undefined) return done
  if (found.sameId != null) {
    // a second copy of a lone text: the two make a campaign
    const textId = Number(found.sameId)
    await sql`with t as (update consultation_text set members = members + 1 where id = ${textId})
      select consultation_member_add(${c.callId}::bigint, ${c.id}::bigint, ${textId}::bigint, null::bigint,
        ${c.submittedAt.toISOString()}::timestamptz)`.execute(trx)
    // (the arrival is one of its members: a campaign is made)
    const started = await startCampaign(trx, c.callId, textId)
    mark('written')
    return { textId, campaignId: started?.id ?? null, exact: true }
  }
  const chosen = best(found, a.sig)
  let campaignId = chosen?.campaignId == null ? null : Number(chosen.campaignId)
  let template = campaignId === null ? null : (found.templates?.[String(campaignId)] ?? null)
  if (chosen && campaignId === null) {
    const started = await startCampaign(trx, c.callId, chosen.id)
    if (started) ({ id: campaignId, template } = started)
  }
  const additions = campaignId !== null && template !== null ? personalAdditions(template, c.text) : ''
  const textId = await writeText(trx, LOCKED, c, a, campaignId, additions)
  mark('written')
  return { textId: Number(textId), campaignId, exact: false }
}
