// What two texts must share to count as the same: case, accents' composed forms, punctuation and
// spacing are ignored; Chinese and Japanese characters are words of their own (no spaces there).
import { createHash } from 'node:crypto'

// a Chinese or Japanese character alone, or a run of anything but space, punctuation and symbols
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\s\p{P}\p{S}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu

/** The words of a text, normalized: NFKC, lower case, no punctuation. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? []
}

/** The normalized text: its words joined by one space. */
export function normalizedText(text: string): string {
  return words(text).join(' ')
}

/**
 * The exact-duplicate key: 64 bits of SHA-256 of the normalized text, in hex. Two texts that
 * differ only in case, punctuation or spacing share it.
 */
export function textHash(text: string | string[]): string {
  const normal = typeof text === 'string' ? normalizedText(text) : text.join(' ')
  return createHash('sha256').update(normal).digest('hex').slice(0, 16)
}
