// Which paragraphs of a long text a reader asked to see (query parameters, so it works without
// JavaScript), and the text's sections for its table of contents. Pure: no I/O.
import type { ParagraphStatus, Tally } from './consensus.ts'

export interface ParagraphFilter {
  /** still under negotiation: proposed or bracketed */
  open: boolean
  bracketed: boolean
  /** a State the reader is a delegate of objects */
  mine: boolean
  /** changed (text or status) since this revision, or added after it */
  since: number | null
}

export const NO_FILTER: ParagraphFilter = { open: false, bracketed: false, mine: false, since: null }

export function parseFilter(query: (name: string) => string | undefined): ParagraphFilter {
  const since = Number(query('since'))
  return {
    open: query('open') === '1',
    bracketed: query('bracketed') === '1',
    mine: query('mine') === '1',
    since:
      query('since') !== undefined && query('since') !== '' && Number.isSafeInteger(since) && since >= 0 ? since : null,
  }
}

export const isFiltered = (f: ParagraphFilter) => f.open || f.bracketed || f.mine || f.since !== null

interface Filterable {
  id: number
  kind: string
  text: string
  status: ParagraphStatus
}

/** Whether a paragraph passes every filter asked (headings and narrative never do when one is). */
export function passes(
  p: Filterable,
  f: ParagraphFilter,
  context: {
    tally?: Tally | undefined
    delegations: readonly string[]
    before?: ReadonlyMap<number, { text: string; status: string }> | null
  },
): boolean {
  if (!isFiltered(f)) return true
  if (p.kind !== 'preambular' && p.kind !== 'operative') return false
  if (f.open && p.status !== 'proposed' && p.status !== 'bracketed') return false
  if (f.bracketed && p.status !== 'bracketed') return false
  if (f.mine && !context.tally?.objecting.some((s) => context.delegations.includes(s))) return false
  if (f.since !== null && context.before) {
    const then = context.before.get(p.id)
    if (then && then.text === p.text && then.status === p.status) return false
  }
  return true
}

export interface Section<P> {
  heading: P | null
  /** the negotiable paragraphs under the heading (sub-paragraphs included) */
  paragraphs: P[]
}

/** The text cut at its headings; what comes before the first heading is a section without one. */
export function sectionsOf<P extends { kind: string; parentId: number | null }>(
  paragraphs: readonly P[],
): Section<P>[] {
  const sections: Section<P>[] = []
  let current: Section<P> = { heading: null, paragraphs: [] }
  for (const p of paragraphs) {
    if (p.kind === 'heading' && p.parentId === null) {
      if (current.heading || current.paragraphs.length) sections.push(current)
      current = { heading: p, paragraphs: [] }
    } else if (p.kind === 'preambular' || p.kind === 'operative') current.paragraphs.push(p)
  }
  if (current.heading || current.paragraphs.length) sections.push(current)
  return sections
}

/**
 * The shown top-level paragraphs cut into parts of about `size` paragraphs (headings not counted),
 * a part ending before a heading whose section would not fit, so a long text's page stays light:
 * `?part=N` shows one, the table of contents links each section to its part.
 */
export function partsOf<P extends { id: number; kind: string }>(items: readonly P[], size: number): P[][] {
  const parts: P[][] = []
  let current: P[] = []
  let count = 0
  const sectionLength = (from: number) => {
    let n = 0
    for (let i = from + 1; i < items.length && items[i]?.kind !== 'heading'; i++) n++
    return n
  }
  items.forEach((item, i) => {
    const heading = item.kind === 'heading'
    if (count > 0 && (count >= size || (heading && count + sectionLength(i) > size))) {
      parts.push(current)
      current = []
      count = 0
    }
    current.push(item)
    if (!heading) count++
  })
  if (current.length) parts.push(current)
  return parts
}
