// What two texts must share to count as the same: case, accents' composed forms, punctuation and
// spacing are ignored; Chinese and Japanese characters are words of their own (no spaces there).
import { hash } from 'node:crypto'

// a Chinese or Japanese character alone, or a run of anything but space, punctuation and symbols
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\s\p{P}\p{S}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu
const ALONE = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u
const BETWEEN = /^[\s\p{P}\p{S}]$/u
const SURROGATE = /[\uD800-\uDFFF]/

// what WORD makes of each UTF-16 unit of the Basic Multilingual Plane, learnt from WORD's own
// classes on first sight: -1 not yet seen, 0 between words, 1 in a word, 2 a word alone
const SEPARATOR = 0
const IN_WORD = 1
const ALONE_WORD = 2
const kinds = new Int8Array(0x10000).fill(-1)
function kindOf(code: number): number {
  let k = kinds[code] as number
  if (k < 0) {
    const c = String.fromCharCode(code)
    k = ALONE.test(c) ? ALONE_WORD : BETWEEN.test(c) ? SEPARATOR : IN_WORD
    kinds[code] = k
  }
  return k
}

/** The words of a text, normalized: NFKC, lower case, no punctuation. */
export function words(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase()
  // beyond the Basic Multilingual Plane (surrogate pairs), the regular expression itself
  if (SURROGATE.test(s)) return s.match(WORD) ?? []
  // the same words as WORD finds, read unit by unit (the expression costs several times more)
  const out: string[] = []
  let start = -1
  for (let i = 0; i < s.length; i++) {
    const k = kindOf(s.charCodeAt(i))
    if (k === IN_WORD) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      out.push(s.slice(start, i))
      start = -1
    }
    if (k === ALONE_WORD) out.push(s[i] as string)
  }
  if (start >= 0) out.push(s.slice(start))
  return out
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
  return hash('sha256', normal, 'hex').slice(0, 16)
}
