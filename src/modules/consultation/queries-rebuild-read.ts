// The read half of a rebuild: every published contribution of the call once, in id order, 20,000
// at a time as COPY text (bytes: no object per row), the next page read while this one is parsed
// and signed. Each distinct normalized text gets one MinHash signature, and each member its
// compact facts (submission time, speaker group and region as small codes, LDC/LLDC/SIDS and
// account flags, a hash of its metadata). A call larger than one page is parsed and signed by
// worker threads (rebuild-pool.ts), one per core, each given a share of the page's lines.
import type { Db } from '../../core/db/database.ts'
import { CONTRIBUTION_TEXT_COPY_COLUMNS, contributionTextsOfCallCopy } from '../contributions/index.ts'
import type { RebuildPool } from './rebuild-pool.ts'
import { type ReadBatch, readBatch } from './rebuild-worker.ts'
import { Codes } from './rules/compact.ts'
import type { Method } from './rules/minhash.ts'

export const READ_PAGE = 20_000

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

const NEWLINE = 0x0a

/** The id of the last line of a COPY page (its first field). */
function lastId(page: Buffer): number {
  const end = page.length - 1
  const start = page.lastIndexOf(NEWLINE, end - 1) + 1
  return Number(page.toString('latin1', start, page.indexOf(0x09, start)))
}

/** The page cut into `n` parts of whole lines, each a copy with its own buffer (to be moved). */
function parts(page: Buffer, n: number): Uint8Array[] {
  const out: Uint8Array[] = []
  let start = 0
  for (let k = 1; k <= n && start < page.length; k++) {
    const end = k === n ? page.length : page.indexOf(NEWLINE, Math.floor((page.length * k) / n)) + 1 || page.length
    if (end > start) out.push(Uint8Array.prototype.slice.call(page, start, end))
    start = end
  }
  return out
}

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

  // in page order: a text a worker signed in an earlier part is known by the time a later names it
  const settle = (read: ReadBatch) => {
    const groupCode = read.groupNames.map((g) => groups.code(g))
    const regionCode = read.regionNames.map((r) => regions.code(r))
    let k = 0
    for (let j = 0; j < read.hashes.length; j++) {
      const hash = read.hashes[j] as string
      const id = read.ids[j] as number
      let t = textIndex.get(hash)
      if (t === undefined) {
        t = out.hashes.length
        textIndex.set(hash, t)
        out.hashes.push(hash)
        // a view on the batch's signatures (moved from the worker): no copy, no buffer of its own
        out.signatures.push(read.signatures.subarray(k * P, (k + 1) * P))
        out.firstMember.push(id)
        out.textMembers.push(0)
      }
      if (read.fresh[j]) k++
      out.textMembers[t] = (out.textMembers[t] as number) + 1
      member.id.push(id)
      member.text.push(t)
      member.at.push(read.at[j] as number)
      member.group.push(groupCode[read.group[j] as number] as number)
      member.region.push(regionCode[read.region[j] as number] as number)
      member.flags.push(read.flags[j] as number)
      member.meta.push(read.meta[j] as number)
    }
  }

  let workers: RebuildPool | null = null
  const columns = CONTRIBUTION_TEXT_COPY_COLUMNS
  const parse = (data: Uint8Array): Promise<ReadBatch> =>
    workers
      ? workers.read({ rebuild: callId, data, columns, shingle: method.shingle, permutations: P })
      : Promise.resolve(readBatch(data, columns, method, known))
  const queue: Promise<ReadBatch>[][] = []
  let next = contributionTextsOfCallCopy(db, callId, { afterId: 0, limit: READ_PAGE })
  let pages = 0
  for (;;) {
    const page = await next
    if (page.length === 0) break
    // a full page: there may be many more, worth the threads
    if (!workers && threads !== false && (threads === true || (pages === 0 && countLines(page) === READ_PAGE)))
      workers = pool()
    pages++
    next = contributionTextsOfCallCopy(db, callId, { afterId: lastId(page), limit: READ_PAGE })
    queue.push(parts(page, workers?.size ?? 1).map(parse))
    // one page parsed and signed while the next is read
    while (queue.length > 1) for (const part of queue.shift() ?? []) settle(await part)
    onProgress?.(member.id.length)
  }
  for (const page of queue) for (const part of page) settle(await part)
  onProgress?.(member.id.length)
  return out
}

function countLines(page: Buffer): number {
  let n = 0
  for (let at = page.indexOf(NEWLINE); at >= 0; at = page.indexOf(NEWLINE, at + 1)) n++
  return n
}
