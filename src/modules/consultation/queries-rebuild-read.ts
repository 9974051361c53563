// The read half of a rebuild: every published contribution of the call once, in id order, 5,000 at
// a time (the next page read while this one is signed); each distinct normalized text gets one
// MinHash signature, and each member its compact facts (submission time, speaker group and region
// as small codes, LDC/LLDC/SIDS and account flags, a hash of its metadata). A call larger than
// one page is signed by worker threads (rebuild-pool.ts), one per core.
import type { Db } from '../../core/db/database.ts'
import { type ContributionText, contributionTextsOfCall } from '../contributions/index.ts'
import type { RebuildPool } from './rebuild-pool.ts'
import { signBatch } from './rebuild-worker.ts'
import { Codes, fnv } from './rules/compact.ts'
import type { Method } from './rules/minhash.ts'
import { isNewAccount } from './rules/profile.ts'

export const READ_PAGE = 5000

export interface ReadCall {
  /** per distinct text: its hash, signature, first member (contribution id) and member count */
  hashes: string[]
  signatures: Uint32Array[]
  firstMember: number[]
  textMembers: number[]
  member: {
    id: number[]
    text: number[]
    at: number[]
    group: number[]
    region: number[]
    flags: number[]
    meta: number[]
  }
  groups: Codes
  regions: Codes
}

type Signed = { hashes: string[]; fresh: Uint8Array; signatures: Uint32Array }

export async function readAndSign(
  db: Db,
  callId: number,
  method: Method,
  pool: () => RebuildPool | null,
  threads: boolean | undefined,
  onProgress?: (read: number) => void,
): Promise<ReadCall> {
  const out: ReadCall = {
    hashes: [],
    signatures: [],
    firstMember: [],
    textMembers: [],
    member: { id: [], text: [], at: [], group: [], region: [], flags: [], meta: [] },
    groups: new Codes(),
    regions: new Codes(),
  }
  const textIndex = new Map<string, number>()
  const known = new Set<string>()
  const { member, groups, regions } = out
  const P = method.permutations

  const settle = async (page: ContributionText[], parts: Promise<Signed>[]) => {
    let i = 0
    for (const part of parts) {
      const signed = await part
      let k = 0
      for (let j = 0; j < signed.hashes.length; j++, i++) {
        const hash = signed.hashes[j] as string
        const c = page[i] as ContributionText
        let t = textIndex.get(hash)
        if (t === undefined) {
          t = out.hashes.length
          textIndex.set(hash, t)
          out.hashes.push(hash)
          // a worker signs a text the first time it sees it (earlier batches are settled first)
          out.signatures.push(signed.signatures.slice(k * P, (k + 1) * P))
          out.firstMember.push(c.id)
          out.textMembers.push(0)
        }
        if (signed.fresh[j]) k++
        out.textMembers[t] = (out.textMembers[t] as number) + 1
        member.text.push(t)
      }
    }
  }

  let workers: RebuildPool | null = null
  const sign = (texts: string[]): Promise<Signed> =>
    workers
      ? workers.sign({ rebuild: callId, texts, shingle: method.shingle, permutations: P })
      : Promise.resolve(signBatch(texts, method, known))
  const queue: { page: ContributionText[]; parts: Promise<Signed>[] }[] = []
  let next = contributionTextsOfCall(db, callId, { afterId: 0, limit: READ_PAGE })
  for (;;) {
    const page = await next
    if (page.length === 0) break
    // a full page: there may be many more, worth the threads
    if ((page.length === READ_PAGE || threads === true) && !workers && threads !== false) workers = pool()
    next = contributionTextsOfCall(db, callId, { afterId: page.at(-1)?.id as number, limit: READ_PAGE })
    const texts = page.map((c) => c.text)
    const n = workers?.size ?? 1
    const size = Math.ceil(texts.length / n)
    const parts: Promise<Signed>[] = []
    for (let s = 0; s < texts.length; s += size) parts.push(sign(texts.slice(s, s + size)))
    for (const c of page) {
      member.id.push(c.id)
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
    queue.push({ page, parts })
    // one page signed while the next is read
    while (queue.length > 1) {
      const done = queue.shift() as (typeof queue)[number]
      await settle(done.page, done.parts)
    }
    onProgress?.(member.id.length)
  }
  for (const done of queue) await settle(done.page, done.parts)
  return out
}
