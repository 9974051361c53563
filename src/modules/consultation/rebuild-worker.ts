// Runs in a worker thread of a rebuild (rebuild-pool.ts): normalizes, hashes and signs a batch of
// texts, or finds a batch of texts' personal additions against their templates, so a million
// contributions use every core. Loaded by rebuild-pool.ts; Node strips the types (or tsx, under
// `ecp`).
import { parentPort } from 'node:worker_threads'
import { personalAdditions } from './rules/additions.ts'
import { DEFAULT_METHOD, signature } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'

export type WorkerRequest =
  | { id: number; kind: 'sign'; rebuild: number; texts: string[]; shingle: number; permutations: number }
  | { id: number; kind: 'additions'; templates: string[]; of: Int32Array; texts: string[] }

export type WorkerAnswer =
  | { id: number; ok: true; hashes: string[]; fresh: Uint8Array; signatures: Uint32Array }
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

function answer(request: WorkerRequest): WorkerAnswer {
  if (request.kind === 'sign') {
    if (request.rebuild !== seenIn) {
      seen = new Set()
      seenIn = request.rebuild
    }
    return { id: request.id, ok: true, ...signBatch(request.texts, request, seen) }
  }
  const additions = request.texts.map((text, i) =>
    personalAdditions(request.templates[request.of[i] as number] as string, text),
  )
  return { id: request.id, ok: true, additions }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    const done = answer(request)
    parentPort?.postMessage(done, 'signatures' in done ? [done.signatures.buffer as ArrayBuffer] : [])
  } catch (error) {
    parentPort?.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.stack : String(error) })
  }
})
