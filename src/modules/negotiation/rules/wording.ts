// The fingerprint of a wording: what a position is given on. A paragraph's wording is its text; an
// amendment's is what it does (its operation, the text it quotes and the text it brings), which
// never changes once tabled. Migration 20261206-0100 computes the same digests in SQL.
import { createHash } from 'node:crypto'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** SHA-256 (hex) of a paragraph's text. */
export function paragraphWording(text: string): string {
  return digest(text)
}

/** SHA-256 (hex) of what an amendment does. */
export function amendmentWording(a: { operation: string; quotedOld: string | null; newText: string | null }): string {
  return digest(`${a.operation}\n${a.quotedOld ?? ''}\n${a.newText ?? ''}`)
}
