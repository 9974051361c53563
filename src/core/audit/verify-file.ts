// `ecp audit verify FILE [--checkpoint FILE|URL]`: reads a downloaded log (JSON Lines of
// `{"index","entry"}`, optionally ending with `{"checkpoint": {...}}`), the trusted checkpoint
// (a file or the instance's /api/v1/audit/checkpoint), and reports the first problem.
import { readFile } from 'node:fs/promises'
import { verifyConsistency } from './merkle.ts'
import { verifierKey } from './note.ts'
import { type CheckpointJson, CheckpointJsonSchema, describeProblem, LogVerifier, openCheckpoint } from './verify.ts'

export interface FileVerdict {
  ok: boolean
  lines: string[]
}

const isUrl = (source: string | undefined) => source !== undefined && /^https?:\/\//.test(source)

/** The site's RFC 6962 consistency proof between two sizes; null when it cannot be had. */
async function consistencyProofFrom(source: string, from: number, to: number): Promise<Buffer[] | null> {
  try {
    const url = new URL(`/api/v1/audit/proof/consistency?from=${from}&to=${to}`, source)
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    const body = (await response.json()) as { hashes?: unknown }
    if (!response.ok || !Array.isArray(body.hashes)) return null
    return body.hashes.map((h) => Buffer.from(String(h), 'base64'))
  } catch {
    return null
  }
}

async function loadCheckpoint(source: string): Promise<unknown> {
  if (isUrl(source)) {
    const url = new URL(source)
    // a site's address alone means its checkpoint endpoint
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/api/v1/audit/checkpoint'
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    return response.json()
  }
  return JSON.parse(await readFile(source, 'utf8'))
}

/** Verifies a log file; `checkpointSource` is the trusted checkpoint (else the file's own). */
export async function verifyLogFile(file: string, checkpointSource?: string): Promise<FileVerdict> {
  const fail = (line: string): FileVerdict => ({ ok: false, lines: [line] })
  const items: unknown[] = []
  let embedded: unknown = null
  const text = await readFile(file, 'utf8')
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      return fail(`line ${n + 1} is not JSON`)
    }
    if (embedded !== null) return fail(`line ${n + 1} follows the checkpoint line, which must come last`)
    if (value && typeof value === 'object' && 'checkpoint' in value) {
      if (Object.keys(value).length !== 1) return fail(`line ${n + 1}: the checkpoint line has other members`)
      embedded = (value as { checkpoint: unknown }).checkpoint
    } else items.push(value)
  }
  const sources: { name: string; raw: unknown }[] = []
  if (checkpointSource) {
    try {
      sources.push({ name: checkpointSource, raw: await loadCheckpoint(checkpointSource) })
    } catch (error) {
      return fail(`could not read the checkpoint ${checkpointSource}: ${(error as Error).message}`)
    }
  }
  if (embedded !== null) sources.push({ name: 'the checkpoint in the file', raw: embedded })
  const parsed: CheckpointJson[] = []
  for (const s of sources) {
    const result = CheckpointJsonSchema.safeParse(s.raw)
    if (!result.success) return fail(`${s.name} is not a checkpoint: ${result.error.issues[0]?.message ?? ''}`)
    parsed.push(result.data)
  }
  // the trusted key: the given checkpoint's (from the instance), else the file's own
  const trustedKey = parsed[0] ? Buffer.from(parsed[0].publicKey, 'base64') : null
  const anchors: { treeSize: number; rootHash: Buffer; origin: string }[] = []
  for (const [i, json] of parsed.entries()) {
    const opened = openCheckpoint(json, trustedKey as Buffer)
    if ('kind' in opened) return fail(`audit log BROKEN: ${sources[i]?.name}: ${describeProblem(opened)}`)
    anchors.push(opened)
  }
  // an older download checked against a newer published checkpoint: its own signed checkpoint
  // covers it, and the site's consistency proof shows the published log extends it (RFC 9162)
  const newer = isUrl(checkpointSource) ? anchors.find((a) => a.treeSize > items.length) : undefined
  const covered = newer && anchors.some((a) => a.treeSize === items.length)
  const compared = covered ? anchors.filter((a) => a !== newer) : anchors
  const verifier = new LogVerifier(compared.map((a) => a.treeSize))
  for (const item of items) if (!verifier.push(item)) break
  const verdict = verifier.finish(compared)
  if (verdict.problem) return fail(`audit log BROKEN: ${describeProblem(verdict.problem)}`)
  const anchor = anchors[0] as { origin: string }
  const lines = [
    `audit log OK: ${verdict.entries} entries, root ${verdict.root.toString('base64')}`,
    `signed by ${verifierKey(anchor.origin, trustedKey as Buffer)}`,
  ]
  if (covered && newer) {
    const proof = await consistencyProofFrom(checkpointSource as string, items.length, newer.treeSize)
    if (!proof || !verifyConsistency(items.length, newer.treeSize, verdict.root, newer.rootHash, proof)) {
      return fail(
        `audit log BROKEN: the published log of ${newer.treeSize} entries does not extend this one (consistency proof)`,
      )
    }
    lines.push(`the published checkpoint of ${newer.treeSize} entries extends it (consistency proof verified)`)
  }
  if (!checkpointSource) {
    lines.push(
      'note: the key is the file’s own; compare it with the one the instance publishes, or pass --checkpoint URL',
    )
  }
  return { ok: true, lines }
}
