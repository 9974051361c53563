// C2SP signed notes and tlog-checkpoints (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) with
// Ed25519, as pure functions over node:crypto: the checkpoint body, the key ID, the signature
// line, and their verification.
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto'

/** The checkpoint body: origin, tree size, base64 root hash, then one extension line: the time. */
export function checkpointBody(origin: string, treeSize: number, rootHash: Uint8Array, at: Date): string {
  return `${origin}\n${treeSize}\n${Buffer.from(rootHash).toString('base64')}\n${at.toISOString()}\n`
}

export interface ParsedCheckpoint {
  origin: string
  treeSize: number
  rootHash: Buffer
  timestamp: string
}

/** Reads a checkpoint body (the signed text); null when it is not one. */
export function parseCheckpointBody(body: string): ParsedCheckpoint | null {
  const lines = body.split('\n')
  if (lines.length !== 5 || lines[4] !== '') return null
  const [origin, size, root, timestamp] = lines as [string, string, string, string]
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size) || !/^[A-Za-z0-9+/]{43}=$/.test(root)) return null
  if (Number.isNaN(Date.parse(timestamp))) return null
  return { origin, treeSize: Number(size), rootHash: Buffer.from(root, 'base64'), timestamp }
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4] */
export function keyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.of(1))
    .update(publicKey)
    .digest()
    .subarray(0, 4)
}

/** The verifier key (vkey) of signed-note: `name+hex(key ID)+base64(0x01 || public key)`. */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${keyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.of(1), publicKey]).toString('base64')}`
}

/** The signed note: the body, a blank line, and the signature line `— name base64(key ID || sig)`. */
export function signedNote(body: string, name: string, publicKey: Uint8Array, signature: Uint8Array): string {
  const sig = Buffer.concat([keyId(name, publicKey), signature]).toString('base64')
  return `${body}\n\u2014 ${name} ${sig}\n`
}

/** A raw 32-byte Ed25519 public key as a node:crypto key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  // the SPKI prefix of an Ed25519 key (RFC 8410): the raw key follows
  const prefix = Buffer.from('302a300506032b6570032100', 'hex')
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' })
}

export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  try {
    return verify(null, message, ed25519PublicKey(publicKey), signature)
  } catch {
    return false
  }
}

/**
 * Splits a signed note and verifies the signature of the given key (name and public key) on it.
 * Returns the note's body when one of its signature lines is that key's and verifies.
 */
export function openSignedNote(note: string, name: string, publicKey: Uint8Array): string | null {
  const split = note.lastIndexOf('\n\n')
  if (split < 0 || !note.endsWith('\n')) return null
  const body = note.slice(0, split + 1)
  const id = keyId(name, publicKey)
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const sig = Buffer.from(match[2] as string, 'base64')
    if (sig.length !== 68 || !sig.subarray(0, 4).equals(id)) continue
    return verifyEd25519(publicKey, Buffer.from(body, 'utf8'), sig.subarray(4)) ? body : null
  }
  return null
}
