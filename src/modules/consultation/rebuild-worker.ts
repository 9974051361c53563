// Runs in a worker thread of a rebuild (rebuild-pool.ts): normalizes, hashes and signs a batch of
// texts, or finds a batch of texts' personal additions against their templates, so a million
// contributions use every core. Loaded by rebuild-pool.ts; Node strips the types (or tsx, under
// `ecp`).
import { parentPort } from 'node:worker_threads'
import { fromCopyValue } from '../../core/db/copy.ts'
import { personalAdditions } from './rules/additions.ts'
import { Codes, fnv } from './rules/compact.ts'
import { DEFAULT_METHOD, signature } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'
import { NEW_ACCOUNT_DAYS } from './rules/profile.ts'

export type WorkerRequest =
  | { id: number; kind: 'sign'; rebuild: number; texts: string[]; shingle: number; permutations: number }
  | {
      id: number
      kind: 'read'
      rebuild: number
      data: Uint8Array
      columns: readonly string[]
      shingle: number
      permutations: number
    }
  | { id: number; kind: 'additions'; templates: string[]; of: Int32Array; texts: string[] }

export type WorkerAnswer =
  | { id: number; ok: true; hashes: string[]; fresh: Uint8Array; signatures: Uint32Array }
  | ({ id: number; ok: true } & ReadBatch)
  | { id: number; ok: true; additions: string[] }
  | { id: number; ok: false; error: string }

/** The texts this worker signed in the current rebuild: a repeated text is signed once. */
let seen = new Set<string>()
let seenIn = -1

export function signBatch(
  texts: string[],
  method: { shingle: number; permutations: number } = DEFAULT_METHOD,
  known: Set<string> = new Set(),
): { hashes: string[]; fresh: Uint8Array; signatures: Uint32Array } {
  const hashes: string[] = new Array(texts.length)
  const fresh = new Uint8Array(texts.length)
  const sigs: Uint32Array[] = []
  for (let i = 0; i < texts.length; i++) {
    const w = words(texts[i] as string)
    const hash = textHash(w)
    hashes[i] = hash
    if (known.has(hash)) continue
    known.add(hash)
    fresh[i] = 1
    sigs.push(signature(w, method))
  }
  const signatures = new Uint32Array(sigs.length * method.permutations)
  sigs.forEach((s, k) => {
    signatures.set(s, k * method.permutations)
  })
  return { hashes, fresh, signatures }
}

/** A page of contributions (COPY text) read: each member's compact facts, each text signed. */
export interface ReadBatch {
  ids: Float64Array
  at: Float64Array
  /** 1 LDC, 2 LLDC, 4 SIDS, 8 submitted on the platform, 16 from a new account */
  flags: Uint8Array
  /** a hash of the name, group, region and language (identical metadata) */
  meta: Uint32Array
  group: Uint16Array
  groupNames: string[]
  region: Uint16Array
  regionNames: string[]
  hashes: string[]
  fresh: Uint8Array
  signatures: Uint32Array
}

export function readBatch(
  data: Uint8Array,
  columns: readonly string[],
  method: { shingle: number; permutations: number } = DEFAULT_METHOD,
  known: Set<string> = new Set(),
): ReadBatch {
  const lines = new TextDecoder().decode(data).split('\n')
  if (lines.at(-1) === '') lines.pop()
  const n = lines.length
  const col = (name: string) => columns.indexOf(name)
  const [ID, AT, NAME, GROUP, REGION, LDC, LLDC, SIDS, LANGUAGE, ACCOUNT, TEXT] = [
    'id',
    'submittedAt',
    'contributorName',
    'stakeholderGroup',
    'regionalGroup',
    'ldc',
    'lldc',
    'sids',
    'language',
    'accountCreatedAt',
    'text',
  ].map(col) as number[]
  const out = {
    ids: new Float64Array(n),
    at: new Float64Array(n),
    flags: new Uint8Array(n),
    meta: new Uint32Array(n),
    group: new Uint16Array(n),
    region: new Uint16Array(n),
  }
  const groups = new Codes()
  const regions = new Codes()
  const texts: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const f = (lines[i] as string).split('\t')
    const field = (k: number) => fromCopyValue(f[k as number] ?? '\\N')
    const at = Number(f[AT as number])
    const account = field(ACCOUNT as number)
    const group = field(GROUP as number) ?? ''
    const region = field(REGION as number)
    out.ids[i] = Number(f[ID as number])
    out.at[i] = at
    out.flags[i] =
      (f[LDC as number] === 't' ? 1 : 0) |
      (f[LLDC as number] === 't' ? 2 : 0) |
      (f[SIDS as number] === 't' ? 4 : 0) |
      (account !== null ? 8 : 0) |
      (account !== null && at - Number(account) < NEW_ACCOUNT_DAYS * 86_400_000 ? 16 : 0)
    out.meta[i] = fnv(
      `${(field(NAME as number) ?? '').trim().toLowerCase()}\u0000${group}\u0000${region ?? ''}\u0000${field(LANGUAGE as number) ?? ''}`,
    )
    out.group[i] = groups.code(group)
    out.region[i] = regions.code(region ?? 'none')
    texts[i] = field(TEXT as number) ?? ''
  }
  return { ...out, groupNames: groups.values, regionNames: regions.values, ...signBatch(texts, method, known) }
}

function seenBy(rebuild: number): Set<string> {
  if (rebuild !== seenIn) {
    seen = new Set()
    seenIn = rebuild
  }
  return seen
}

function answer(request: WorkerRequest): WorkerAnswer {
  if (request.kind === 'sign')
    return { id: request.id, ok: true, ...signBatch(request.texts, request, seenBy(request.rebuild)) }
  if (request.kind === 'read')
    return {
      id: request.id,
      ok: true,
      ...readBatch(request.data, request.columns, request, seenBy(request.rebuild)),
    }
  const additions = request.texts.map((text, i) =>
    personalAdditions(request.templates[request.of[i] as number] as string, text),
  )
  return { id: request.id, ok: true, additions }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    const done = answer(request)
    const moved = Object.values(done).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []))
    parentPort?.postMessage(done, moved)
  } catch (error) {
    parentPort?.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.stack : String(error) })
  }
})
