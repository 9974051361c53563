// `ecp audit verify FILE [--checkpoint FILE|URL]` against each way a copy of the log can be bent:
// each tampering below is one test, and each must be found. The log is built here the way the
// application builds it (public forms, leaves, a signed C2SP checkpoint).
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entryLeafHash, type PublicEntry } from './entry.ts'
import { memoryTree, rootHash } from './merkle.ts'
import { checkpointBody, keyId, openSignedNote, signedNote, verifierKey } from './note.ts'
import { verifyLogFile } from './verify-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'ecp-verify-'))
let files = 0

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url')
  return { privateKey, raw }
}
const genuineKey = keyPair()
const ORIGIN = 'ecp.example.org/audit-log'

function entries(n: number): PublicEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1
    const at = new Date(Date.UTC(2026, 11, 1, 9, seq)).toISOString()
    if (seq % 4 === 0) return { seq, at, public: false, commitment: Buffer.alloc(32, seq).toString('base64') }
    return {
      seq,
      at,
      public: true,
      actorAccountId: 7,
      action: 'amendment.tabled',
      subjectType: 'amendment',
      subjectId: String(seq),
      payload: { text: `[on an equal footing] ${seq}` },
      requestId: null,
    }
  })
}

function checkpointFor(log: PublicEntry[], key: { privateKey: KeyObject; raw: Buffer } = genuineKey) {
  const root = rootHash(log.length, memoryTree(log.map(entryLeafHash)))
  const at = new Date(Date.UTC(2026, 11, 2))
  const text = checkpointBody(ORIGIN, log.length, root, at)
  return {
    treeSize: log.length,
    rootHash: root.toString('base64'),
    timestamp: at.toISOString(),
    signature: sign(null, Buffer.from(text), key.privateKey).toString('base64'),
    publicKey: key.raw.toString('base64'),
    text,
  }
}

type Line = { index: number; entry: Record<string, unknown> }
const lines = (log: PublicEntry[]): Line[] => log.map((entry, index) => ({ index, entry }))

async function verify(logLines: unknown[], embedded: unknown, trusted?: unknown) {
  const file = join(dir, `log-${files++}.jsonl`)
  const body = [...logLines, ...(embedded ? [{ checkpoint: embedded }] : [])].map((l) => JSON.stringify(l))
  writeFileSync(file, `${body.join('\n')}\n`)
  let checkpointFile: string | undefined
  if (trusted) {
    checkpointFile = `${file}.checkpoint.json`
    writeFileSync(checkpointFile, JSON.stringify(trusted))
  }
  const verdict = await verifyLogFile(file, checkpointFile)
  return { ok: verdict.ok, text: verdict.lines.join('\n') }
}

const LOG = entries(13)
const GENUINE = checkpointFor(LOG)

describe('ecp audit verify', () => {
  it('accepts the untouched log against the published checkpoint, and names the key', async () => {
    const result = await verify(lines(LOG), GENUINE, GENUINE)
    expect(result).toMatchObject({ ok: true })
    expect(result.text).toContain(`signed by ${verifierKey(ORIGIN, genuineKey.raw)}`)
  })

  it('finds truncation', async () => {
    expect(await verify(lines(LOG).slice(0, -2), GENUINE, GENUINE)).toMatchObject({
      ok: false,
      text: expect.stringContaining('truncated: 11 entries, but a signed checkpoint covers 13'),
    })
  })

  it('finds reordering, even with indexes and sequence numbers rewritten to match', async () => {
    const swapped = [...LOG]
    ;[swapped[2], swapped[3]] = [swapped[3] as PublicEntry, swapped[2] as PublicEntry]
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }))
    expect((await verify(lines(swapped), GENUINE, GENUINE)).text).toContain('out of order')
    expect((await verify(lines(renumbered), GENUINE, GENUINE)).text).toContain('do not give the root hash')
  })

  it('finds a deleted entry', async () => {
    const deleted = lines(LOG).filter((l) => l.index !== 5)
    expect((await verify(deleted, GENUINE, GENUINE)).text).toContain('out of order, missing or inserted at index 5')
  })

  it('finds an inserted entry, even renumbered', async () => {
    const forged = { ...(LOG[0] as PublicEntry), payload: { text: 'inserted' } }
    const inserted = [...LOG.slice(0, 4), forged, ...LOG.slice(4)].map((e, i) => ({ ...e, seq: i + 1 }))
    expect(await verify(lines(inserted), GENUINE, GENUINE)).toMatchObject({ ok: false })
  })

  it('finds an appended forgery', async () => {
    const forged = { ...(LOG[0] as PublicEntry), seq: 14, payload: { text: 'appended' } }
    expect((await verify(lines([...LOG, forged]), GENUINE, GENUINE)).text).toContain(
      '1 entries after the signed checkpoint of size 13 are covered by no signature',
    )
  })

  it('finds a rewritten tree: recomputed and re-signed with another key, against the published checkpoint', async () => {
    const rewritten = LOG.map((e) => (e.seq === 3 ? { ...e, payload: { text: 'rewritten' } } : e))
    const forger = keyPair()
    const forged = checkpointFor(rewritten, forger)
    const alone = await verify(lines(rewritten), forged)
    expect(alone.ok).toBe(true) // self-consistent: only a trusted checkpoint can tell
    expect(alone.text).toContain('the key is the file’s own')
    expect((await verify(lines(rewritten), forged, GENUINE)).text).toContain('signed by another key')
    expect((await verify(lines(rewritten), null, GENUINE)).text).toContain('do not give the root hash')
  })

  it('finds a public entry whose action key was deleted', async () => {
    const bent = lines(LOG).map((l) => {
      if (l.index !== 2) return l
      const { action: _gone, ...rest } = l.entry
      return { ...l, entry: rest }
    })
    expect((await verify(bent, GENUINE, GENUINE)).text).toContain('entry at index 2 is not a valid entry')
  })

  it('finds a rewritten payload', async () => {
    const bent = lines(LOG).map((l) => (l.index === 6 ? { ...l, entry: { ...l.entry, payload: { text: 'x' } } } : l))
    expect((await verify(bent, GENUINE, GENUINE)).text).toContain('do not give the root hash signed for tree size 13')
  })

  it('finds a rewritten actor', async () => {
    const bent = lines(LOG).map((l) => (l.index === 6 ? { ...l, entry: { ...l.entry, actorAccountId: 8 } } : l))
    expect((await verify(bent, GENUINE, GENUINE)).text).toContain('do not give the root hash')
  })

  it('refuses unknown and missing members, and content added to a restricted entry', async () => {
    const extra = lines(LOG).map((l) => (l.index === 1 ? { ...l, entry: { ...l.entry, note: 'hi' } } : l))
    expect((await verify(extra, GENUINE, GENUINE)).text).toContain('entry at index 1 is not a valid entry')
    const missing = lines(LOG).map((l) => {
      if (l.index !== 1) return l
      const { requestId: _gone, ...rest } = l.entry
      return { ...l, entry: rest }
    })
    expect((await verify(missing, GENUINE, GENUINE)).text).toContain('entry at index 1 is not a valid entry')
    const revealed = lines(LOG).map((l) => (l.index === 3 ? { ...l, entry: { ...l.entry, action: 'x' } } : l))
    expect((await verify(revealed, GENUINE, GENUINE)).text).toContain('entry at index 3 is not a valid entry')
    const wrapped = lines(LOG).map((l) => (l.index === 0 ? { ...l, extra: 1 } : l))
    expect((await verify(wrapped, GENUINE, GENUINE)).ok).toBe(false)
  })

  it('refuses a checkpoint whose text or signature was changed, and a log with no checkpoint', async () => {
    const bigger = { ...GENUINE, treeSize: 12, text: GENUINE.text.replace('\n13\n', '\n12\n') }
    expect((await verify(lines(LOG), bigger)).text).toContain('its signature does not verify')
    const mismatched = { ...GENUINE, treeSize: 12 }
    expect((await verify(lines(LOG), mismatched)).text).toContain('differs from its signed text')
    expect((await verify(lines(LOG), null)).text).toContain('no signed checkpoint')
  })
})

describe('C2SP signed notes', () => {
  it('verifies the example of c2sp.org/signed-note with its verifier key', () => {
    const vkey = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'
    const [name, id, key] = vkey.split('+') as [string, string, string]
    const raw = Buffer.from(key, 'base64').subarray(1)
    expect(keyId(name, raw).toString('hex')).toBe(id)
    expect(verifierKey(name, raw)).toBe(vkey)
    const note =
      'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n'
    expect(openSignedNote(note, name, raw)).toBe('This is an example message.\n')
    expect(openSignedNote(note.replace('example message', 'example massage'), name, raw)).toBeNull()
  })

  it('writes the signature line as key name and base64 of key ID and signature', () => {
    const body = checkpointBody(ORIGIN, 13, Buffer.from(GENUINE.rootHash, 'base64'), new Date(GENUINE.timestamp))
    const note = signedNote(body, ORIGIN, genuineKey.raw, Buffer.from(GENUINE.signature, 'base64'))
    const line = note.split('\n').at(-2) as string
    expect(line.startsWith(`\u2014 ${ORIGIN} `)).toBe(true)
    expect(Buffer.from(line.split(' ')[2] as string, 'base64').subarray(0, 4)).toEqual(keyId(ORIGIN, genuineKey.raw))
    expect(openSignedNote(note, ORIGIN, genuineKey.raw)).toBe(body)
  })
})
