// The negotiated text arranged as the report prints it: the adopted paragraphs (preambular ones
// first as in the text, operative ones numbered 1, 2, 3 ...), the divergent views beside the new
// numbers with their attribution, and the paragraphs never declared on, listed as not considered.
// Pure: the paragraphs (live or from a revision's snapshot) and the body's choices in, sections out.
import { attributeViews, type DivergentChoice, type Lead } from './attribution.ts'
import { notConsidered } from './not-considered.ts'
import { divergentLabel, numberRecommendations } from './numbering.ts'

export interface SourceParagraph {
  id: number
  parentId: number | null
  kind: string
  label: string | null
  text: string
  status: string
  alternativeGroup?: string | null
}

export interface ArrangedParagraph {
  id: number
  kind: 'preambular' | 'operative'
  /** the label the report prints: "1.", "2 bis", or null for a preambular paragraph */
  label: string | null
  /** the label in the negotiating document */
  originalLabel: string | null
  text: string
  /** the lines that go with it: its lettered parts and the list or bullets that follow it */
  continuation: string[]
}

export interface ArrangedText {
  recommendations: (ArrangedParagraph & { number: number | null })[]
  divergentViews: (ArrangedParagraph & { lead: Lead })[]
  notConsidered: (ArrangedParagraph & { status: string })[]
}

/** The Latin suffixes of paragraphs inserted after N, in order. */
const SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies']

const isTopLevelText = (p: SourceParagraph): p is SourceParagraph & { kind: 'preambular' | 'operative' } =>
  p.parentId === null && (p.kind === 'operative' || p.kind === 'preambular')

/** Sections of the report from the paragraphs in document order. */
export function arrange(
  paragraphs: readonly SourceParagraph[],
  choices: ReadonlyMap<number, DivergentChoice>,
): ArrangedText {
  // a list or bullets after a paragraph (narrative in the text) and its lettered parts belong to it
  const continuation = (index: number): string[] => {
    const owner = paragraphs[index]
    const lines: string[] = []
    for (const p of paragraphs.slice(index + 1)) {
      if (p.parentId === owner?.id) lines.push(p.label ? `${p.label} ${p.text}` : p.text)
      else if (p.kind === 'narrative' && p.parentId === null) lines.push(p.text)
      else if (p.parentId === null) break
    }
    return lines
  }
  const base = (p: SourceParagraph & { kind: 'preambular' | 'operative' }, i: number) => ({
    id: p.id,
    kind: p.kind,
    label: p.label,
    originalLabel: p.label,
    text: p.text,
    continuation: continuation(i),
  })
  const indexed = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => isTopLevelText(p))
  const adopted = indexed.filter(({ p }) => p.status === 'adopted')
  const numbered = numberRecommendations(
    adopted.map(({ p }) => ({ id: p.id, kind: p.kind as 'preambular' | 'operative', label: p.label })),
  )
  const recommendations = adopted.map(({ p, i }, k) => {
    const number = numbered[k]?.number ?? null
    return {
      ...base(p as SourceParagraph & { kind: 'preambular' | 'operative' }, i),
      label: number === null ? null : `${number}.`,
      number,
    }
  })
  const divergent = indexed.filter(({ p }) => p.status === 'no_consensus')
  const leads = attributeViews(
    divergent.map(({ p }) => ({ id: p.id, alternativeGroup: p.alternativeGroup ?? null })),
    choices,
  )
  // a view labelled "N bis" goes beside what N became; one with a plain label goes after the
  // recommendation it followed in the text, as the next "bis", "ter" ... of that number
  const used = new Set<string>()
  const numberBefore = (index: number) =>
    recommendations.filter((r, k) => r.number !== null && (adopted[k]?.i ?? 0) < index).at(-1)?.number ?? 0
  const divergentViews = divergent.map(({ p, i }, k) => {
    const mapped = divergentLabel(p.label, numbered)
    const kept = mapped !== p.label || /\s\S+$/.test(p.label ?? '')
    let label = mapped
    if (p.kind === 'operative' && !kept) {
      const n = numberBefore(i)
      label = `${n} ${SUFFIXES.find((s) => !used.has(`${n} ${s}`)) ?? SUFFIXES.at(-1)}`
    } else if (p.kind === 'preambular') label = null
    if (label) used.add(label)
    return {
      ...base(p as SourceParagraph & { kind: 'preambular' | 'operative' }, i),
      label,
      lead: leads[k] ?? { kind: 'none' as const },
    }
  })
  const undecided = new Set(notConsidered(paragraphs).map((p) => p.id))
  const notConsideredList = indexed
    .filter(({ p }) => undecided.has(p.id))
    .map(({ p, i }) => ({ ...base(p as SourceParagraph & { kind: 'preambular' | 'operative' }, i), status: p.status }))
  return { recommendations, divergentViews, notConsidered: notConsideredList }
}
