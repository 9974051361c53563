// Reads the text of an uploaded Word file without letting the file hurt the server: the ZIP's
// directory is checked first (a 28 KB file that inflates to 20 MB is refused unread), a DOCTYPE
// is refused (no entity tricks), and mammoth runs in a worker thread with a memory cap and a time
// limit, so a hostile file costs at most that and never blocks other requests.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { inflateRawSync } from 'node:zlib'

export const DOCX_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
const MAX_ENTRIES = 2000
const TIME_LIMIT_MS = 10_000

export type DocxText = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreadable' | 'too_slow' }

interface Entry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

/** The ZIP's central directory, or null when the bytes are no ZIP we can read safely. */
function centralDirectory(bytes: Buffer): Entry[] | null {
  // the end-of-central-directory record sits in the last 64 KiB + 22 bytes
  const floor = Math.max(0, bytes.length - 65_557)
  let end = -1
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  if (count > MAX_ENTRIES) return null
  const entries: Entry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30)
    const comment = bytes.readUInt16LE(at + 32)
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at += 46 + nameLength + extra + comment
  }
  return entries
}

/** An entry's bytes, inflated with a cap (a lying size field cannot make it bigger). */
function entryBytes(bytes: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data
  if (entry.method !== 8) return null
  try {
    return inflateRawSync(data, { maxOutputLength: DOCX_MAX_UNCOMPRESSED_BYTES })
  } catch {
    return null
  }
}

/** Checks a .docx before anything parses it: its inflated size and no DOCTYPE in its XML. */
export function checkDocx(bytes: Buffer): { ok: true } | { ok: false; reason: 'too_large' | 'unreadable' } {
  const entries = centralDirectory(bytes)
  if (!entries) return { ok: false, reason: 'unreadable' }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (total > DOCX_MAX_UNCOMPRESSED_BYTES) return { ok: false, reason: 'too_large' }
  let inflated = 0
  for (const entry of entries.filter((e) => /\.(xml|rels)$/i.test(e.name))) {
    const content = entryBytes(bytes, entry)
    if (!content) return { ok: false, reason: 'unreadable' }
    inflated += content.length
    if (inflated > DOCX_MAX_UNCOMPRESSED_BYTES) return { ok: false, reason: 'too_large' }
    if (/<!DOCTYPE/i.test(content.toString('latin1', 0, Math.min(content.length, 4096)))) {
      return { ok: false, reason: 'unreadable' }
    }
  }
  return { ok: true }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const mammoth = require(workerData.mammoth)
mammoth.extractRawText({ buffer: Buffer.from(workerData.bytes) }).then(
  (r) => parentPort.postMessage({ ok: true, text: r.value }),
  (e) => parentPort.postMessage({ ok: false, error: String(e && e.message) }),
)
`

// resolved here, not in the worker: an eval'd worker resolves from the working directory
const MAMMOTH = createRequire(import.meta.url).resolve('mammoth')

/** The text of a .docx, read in a worker with a memory cap and a time limit. */
export async function docxText(bytes: Buffer, timeLimitMs = TIME_LIMIT_MS): Promise<DocxText> {
  const checked = checkDocx(bytes)
  if (!checked.ok) return checked
  return new Promise<DocxText>((resolve) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { bytes, mammoth: MAMMOTH },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    })
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve({ ok: false, reason: 'too_slow' })
    }, timeLimitMs)
    worker.once('message', (m: { ok: boolean; text?: string }) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(m.ok ? { ok: true, text: m.text ?? '' } : { ok: false, reason: 'unreadable' })
    })
    worker.once('error', () => {
      clearTimeout(timer)
      resolve({ ok: false, reason: 'unreadable' })
    })
  })
}
