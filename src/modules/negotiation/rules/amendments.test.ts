import { describe, expect, it } from 'vitest'
import { applyTextAmendment, insertedLabel, isStale, revisionLabel, revisionName } from './amendments.ts'

const text = 'Recommends that all relevant organizations report annually to the Commission.'

describe('applying amendments to text', () => {
  it('replaces, inserts and deletes the quoted words', () => {
    expect(applyTextAmendment('replace_text', text, 'annually', 'every two years')).toEqual({
      ok: true,
      text: 'Recommends that all relevant organizations report every two years to the Commission.',
    })
    expect(applyTextAmendment('insert_text', text, 'organizations', '[and stakeholders]')).toEqual({
      ok: true,
      text: 'Recommends that all relevant organizations [and stakeholders] report annually to the Commission.',
    })
    expect(applyTextAmendment('delete_text', text, 'all relevant ', '')).toEqual({
      ok: true,
      text: 'Recommends that organizations report annually to the Commission.',
    })
  })

  it('refuses an amendment whose quoted text is no longer there, rather than misapplying it', () => {
    expect(applyTextAmendment('replace_text', text, 'biennially', 'yearly')).toEqual({ ok: false, problem: 'stale' })
    expect(isStale('replace_text', text, 'biennially')).toBe(true)
    expect(isStale('replace_text', text, 'annually')).toBe(false)
    expect(isStale('delete_paragraph', text, null)).toBe(false)
  })

  it('numbers inserted paragraphs 2 bis, 2 ter ... after their neighbour, skipping numbers taken', () => {
    expect(insertedLabel('2', ['1', '2', '3'])).toBe('2 bis')
    expect(insertedLabel('2', ['2', '2 bis'])).toBe('2 ter')
    expect(insertedLabel('2 bis', ['2', '2 bis'])).toBe('2 ter')
    expect(insertedLabel('2', ['2', '2 bis', '2 tres'])).toBe('2 quater')
    expect(insertedLabel('7.', ['7.'])).toBe('7 bis')
    expect(insertedLabel(null, [])).toBeNull()
  })

  it('names revisions as the UN does', () => {
    expect([0, 1, 2].map(revisionLabel)).toEqual(['Zero draft', 'Rev.1', 'Rev.2'])
  })
})

describe('the name of a revision', () => {
  const t = (key: string) => `«${key}»`
  it('calls revision 0 the zero draft, in the reader’s language, and any other by its label', () => {
    expect(revisionName(t, { number: 0, label: 'Rev.0' })).toBe('«negotiation.revisions.zeroDraft»')
    expect(revisionName(t, { number: 2, label: 'Rev.2' })).toBe('Rev.2')
  })
})
