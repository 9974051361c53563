// Comparing two revisions of a negotiating document, paragraph by paragraph (matched by their
// stable id) and word by word within a paragraph: insertions and deletions, for HTML (ins/del)
// and Word (underline/strike-through). jsdiff does the word diff.
import { diffWordsWithSpace } from 'diff'

export interface SnapshotParagraph {
  id: number
  label: string | null
  kind: string
  text: string
  status: string
}

export type Piece = { text: string; change: 'same' | 'inserted' | 'deleted' }

export interface ParagraphChange {
  id: number
  label: string | null
  /** the paragraph as a whole was added, removed, or is in both */
  change: 'same' | 'inserted' | 'deleted' | 'changed'
  statusFrom: string | null
  statusTo: string | null
  pieces: Piece[]
}

export function compareRevisions(
  from: readonly SnapshotParagraph[],
  to: readonly SnapshotParagraph[],
): ParagraphChange[] {
  const before = new Map(from.map((p) => [p.id, p]))
  const after = new Set(to.map((p) => p.id))
  const changes: ParagraphChange[] = []
  // the new order leads; removed paragraphs appear where they stood, after their predecessor
  const removedAfter = new Map<number | null, SnapshotParagraph[]>()
  let previous: number | null = null
  for (const p of from) {
    if (!after.has(p.id)) removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), p])
    else previous = p.id
  }
  const removed = (key: number | null) =>
    (removedAfter.get(key) ?? []).map<ParagraphChange>((p) => ({
      id: p.id,
      label: p.label,
      change: 'deleted',
      statusFrom: p.status,
      statusTo: null,
      pieces: [{ text: p.text, change: 'deleted' }],
    }))
  changes.push(...removed(null))
  for (const p of to) {
    const old = before.get(p.id)
    if (!old) {
      changes.push({
        id: p.id,
        label: p.label,
        change: 'inserted',
        statusFrom: null,
        statusTo: p.status,
        pieces: [{ text: p.text, change: 'inserted' }],
      })
    } else {
      const pieces = diffWordsWithSpace(old.text, p.text).map<Piece>((d) => ({
        text: d.value,
        change: d.added ? 'inserted' : d.removed ? 'deleted' : 'same',
      }))
      const same = pieces.every((x) => x.change === 'same') && old.label === p.label && old.status === p.status
      changes.push({
        id: p.id,
        label: p.label,
        change: same ? 'same' : 'changed',
        statusFrom: old.status,
        statusTo: p.status,
        pieces,
      })
    }
    changes.push(...removed(p.id))
  }
  return changes
}
