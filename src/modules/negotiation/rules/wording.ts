// The fingerprint of a wording: what a position is given on. A paragraph's wording is its text; an
// amendment's is what it does (its operation, the text it quotes and the text it brings), which
// never changes once tabled. Migration 20261206-0100 computed rule 1's digests in SQL; migration
// 20261211-0502 records with each amendment the rule its digest is made by.
import { createHash } from 'node:crypto'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** SHA-256 (hex) of a paragraph's text. */
export function paragraphWording(text: string): string {
  return digest(text)
}

/** The rule amendments tabled now are digested by. */
export const AMENDMENT_WORDING_VERSION = 2

// a part as its UTF-8 length and itself ("-" for none): no two splits of the same characters, and
// no null and empty text, give the same encoding
const part = (text: string | null) => (text === null ? '-;' : `${Buffer.byteLength(text, 'utf8')}:${text};`)

/**
 * The digest of what an amendment does, by its rule: 1 (amendments tabled before 2026-12-11), the
 * SHA-256 hex of operation, quoted text and new text joined by newlines, which two splits of the
 * same characters shared; 2, "v2:" and the SHA-256 hex of each part length-prefixed.
 */
export function amendmentWording(a: {
  operation: string
  quotedOld: string | null
  newText: string | null
  wordingVersion: number
}): string {
  if (a.wordingVersion === 1) return digest(`${a.operation}\n${a.quotedOld ?? ''}\n${a.newText ?? ''}`)
  return `v2:${digest(`${part(a.operation)}${part(a.quotedOld)}${part(a.newText)}`)}`
}
