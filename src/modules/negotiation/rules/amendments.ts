// What an amendment does to the text. An amendment quotes the text it changes as the proponent
// saw it; when that text is no longer in the paragraph the amendment is stale and is refused,
// never misapplied. Inserted paragraphs take the next Latin ordinal after their neighbour's
// number (2 bis, 2 ter, 2 quater ...), as UN texts number them.
import type { AmendmentOperation } from '../tables.ts'

export type TextChange = { ok: true; text: string } | { ok: false; problem: 'stale' | 'nothing_to_change' }

const ORDINALS = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies']

/** The new text of a paragraph after a text amendment. */
export function applyTextAmendment(
  operation: Extract<AmendmentOperation, 'replace_text' | 'insert_text' | 'delete_text'>,
  text: string,
  quotedOld: string,
  newText: string,
): TextChange {
  if (operation === 'insert_text') {
    // quotedOld is the anchor after which the words go; empty means at the end
    if (!quotedOld) return { ok: true, text: joinWords(text, newText) }
    const at = text.indexOf(quotedOld)
    if (at < 0) return { ok: false, problem: 'stale' }
    const end = at + quotedOld.length
    return { ok: true, text: joinWords(text.slice(0, end), newText) + text.slice(end) }
  }
  if (!quotedOld) return { ok: false, problem: 'nothing_to_change' }
  const at = text.indexOf(quotedOld)
  if (at < 0) return { ok: false, problem: 'stale' }
  const replacement = operation === 'delete_text' ? '' : newText
  const joined = text.slice(0, at) + replacement + text.slice(at + quotedOld.length)
  return {
    ok: true,
    text: joined
      .replace(/ {2,}/g, ' ')
      .replace(/ ([,.;:])/g, '$1')
      .trim(),
  }
}

function joinWords(before: string, words: string): string {
  if (!before) return words
  if (!words) return before
  return /\s$/.test(before) || /^[\s,.;:]/.test(words) ? before + words : `${before} ${words}`
}

/** Whether an amendment can still apply to the paragraph as it stands. */
export function isStale(operation: AmendmentOperation, text: string, quotedOld: string | null): boolean {
  if (operation === 'insert_paragraph' || operation === 'delete_paragraph' || operation === 'propose_alternative')
    return false
  if (!quotedOld) return operation !== 'insert_text'
  return !text.includes(quotedOld)
}

/** The label of a paragraph inserted after `after`: "2" -> "2 bis", "2 bis" -> "2 ter", skipping taken ones. */
export function insertedLabel(after: string | null, taken: readonly (string | null)[]): string | null {
  if (!after) return null
  const base = after.replace(new RegExp(`\\s+(${ORDINALS.join('|')}|tres)$`), '').replace(/\.$/, '')
  const used = new Set(taken.filter((l): l is string => l !== null).map((l) => l.replace(/\.$/, '')))
  for (const ordinal of ORDINALS) {
    const label = `${base} ${ordinal}`
    if (!used.has(label) && !(ordinal === 'ter' && used.has(`${base} tres`))) return label
  }
  return `${base} (${used.size + 1})`
}

/** "Alt. 1", "Alt. 2" ... */
export function alternativeLabel(n: number): string {
  return `Alt. ${n}`
}

/** "Zero draft", "Rev.1", "Rev.2" ... */
export function revisionLabel(number: number): string {
  return number === 0 ? 'Zero draft' : `Rev.${number}`
}

/** A revision's name in the reader's language: "Rev.N" is the same in all six, the zero draft is not. */
export function revisionName(t: (key: string) => string, revision: { number: number; label: string }): string {
  return revision.number === 0 ? t('negotiation.revisions.zeroDraft') : revision.label
}
