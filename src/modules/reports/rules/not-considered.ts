// Paragraphs the body never declared on (still proposed, bracketed or agreed ad referendum when
// the report is issued) are listed in the report as "not considered", never dropped in silence.
// Deleted paragraphs were decided (to delete), so they are not listed.

export interface StatusParagraph {
  id: number
  kind: string
  parentId: number | null
  status: string
}

const DECIDED = new Set(['adopted', 'no_consensus', 'deleted'])

/** Top-level preambular and operative paragraphs without a declaration, in document order. */
export function notConsidered<P extends StatusParagraph>(paragraphs: readonly P[]): P[] {
  return paragraphs.filter(
    (p) => p.parentId === null && (p.kind === 'operative' || p.kind === 'preambular') && !DECIDED.has(p.status),
  )
}
