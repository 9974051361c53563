// Recommendations are numbered consecutively in the report, whatever their numbers in the
// negotiation (where "2 bis" or a deleted 5 leave gaps). Divergent views keep their suffix beside
// the new number of the paragraph they follow ("2 bis" stays beside what is now recommendation 2),
// so a reader of the report finds them where the body put them.

export interface Numberable {
  id: number
  kind: 'preambular' | 'operative'
  label: string | null
}

export interface Numbered<P> {
  paragraph: P
  /** the consecutive number, or null for preambular paragraphs (they are never numbered) */
  number: number | null
  /** the label it had in the negotiating document */
  originalLabel: string | null
}

/** "2.", "2", "(2)" -> "2"; "2 bis" -> "2" with suffix "bis"; anything else: no base. */
export function splitLabel(label: string | null): { base: string | null; suffix: string | null } {
  if (!label) return { base: null, suffix: null }
  const m = /^\(?(\d+)\)?\.?\s*([A-Za-z\u00C0-\u024F]+(?:\s+[A-Za-z]+)*)?\.?$/u.exec(label.trim())
  if (!m) return { base: null, suffix: null }
  return { base: m[1] ?? null, suffix: m[2] ?? null }
}

/** The adopted paragraphs in order, operative ones numbered 1, 2, 3 ... */
export function numberRecommendations<P extends Numberable>(paragraphs: readonly P[]): Numbered<P>[] {
  let next = 0
  return paragraphs.map((paragraph) => ({
    paragraph,
    number: paragraph.kind === 'operative' ? ++next : null,
    originalLabel: paragraph.label,
  }))
}

/**
 * A divergent view's label in the report: "2 bis" beside the recommendation that was "2" in the
 * negotiation, now numbered `n`, reads "n bis". When the paragraph it followed was not adopted the
 * label stays as negotiated (the reader can still find it in Annex II).
 */
export function divergentLabel(label: string | null, numbered: readonly Numbered<Numberable>[]): string | null {
  const { base, suffix } = splitLabel(label)
  if (!base || !suffix) return label
  const target = numbered.find(
    (n) => n.number !== null && splitLabel(n.originalLabel).base === base && !splitLabel(n.originalLabel).suffix,
  )
  return target ? `${target.number} ${suffix}` : label
}
