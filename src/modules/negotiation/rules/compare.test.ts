import { describe, expect, it } from 'vitest'
import { compareRevisions, type SnapshotParagraph } from './compare.ts'

const para = (id: number, label: string, text: string, status = 'proposed'): SnapshotParagraph => ({
  id,
  label,
  kind: 'operative',
  text,
  status,
})

describe('comparing revisions', () => {
  it('shows inserted and deleted words within a paragraph, and whole paragraphs added or removed', () => {
    const rev1 = [para(1, '1', 'Reaffirms enhanced cooperation'), para(2, '2', 'Deleted later'), para(3, '3', 'Stays')]
    const rev2 = [
      para(1, '1', 'Reaffirms enhanced cooperation as a distinct process', 'agreed_ad_ref'),
      para(3, '2', 'Stays'),
      para(4, '2 bis', '[New text]'),
    ]
    const changes = compareRevisions(rev1, rev2)
    expect(changes.map((c) => [c.id, c.change])).toEqual([
      [1, 'changed'],
      [2, 'deleted'],
      [3, 'changed'],
      [4, 'inserted'],
    ])
    const first = changes[0]
    expect(first?.pieces.filter((p) => p.change === 'inserted').map((p) => p.text.trim())).toEqual([
      'as a distinct process',
    ])
    expect(first?.statusTo).toBe('agreed_ad_ref')
  })

  it('finds nothing changed between a revision and itself', () => {
    const rev = [para(1, '1', 'Text [with brackets]'), para(2, '2', 'More')]
    expect(compareRevisions(rev, rev).every((c) => c.change === 'same')).toBe(true)
  })
})
