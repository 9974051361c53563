// Reads a UN-style text (a resolution, an ITU opinion, a report with recommendations, or a web page about one)
// into a title and paragraphs: preambular, operative, headings and narrative. Pure: no I/O.
//
// The text is kept word for word: apart from the labels moved into `label`, every word of the source is in a
// `text` (or the title), in order; only "[bookmark: ...]" artefacts and whitespace (leading tabs, hard wraps,
// runs of spaces) are dropped. Choices the seeds forced:
// - a quotation opened with “ stays in the paragraph that opens it until its ”, even across blank lines and
//   numbered lines, so the paragraphs 64 and 65 that WGEC report paragraph 1 quotes are part of the text of
//   paragraph 1 and never operative paragraphs of their own (a “ that is never closed quotes nothing);
// - a participle opens a preambular paragraph when it is capitalised ("Recalling", "RECALLING"). A lowercase
//   one only counts as a heading word alone on its line (ITU style "considering"), because wrapped running text
//   often starts a line with "recognising" or "taking into consideration" (seeds 003 and 004);
// - a paragraph continues across blank lines (a page break) when the next line starts in lowercase, or when a
//   numbered, lettered or preambular paragraph has not reached its final punctuation; a narrative paragraph does
//   not, as the blank line is a real paragraph break in web pages;
// - "69." or "2 bis" starting a line directly under an unfinished line is a wrapped reference, not a number;
// - lettered sub-paragraphs ("a)", "(a)", "(i)") are children of the preambular or operative paragraph just
//   before them; where there is none (after narrative or a heading) they are narrative, label kept in the text.
//   Text after a numbered paragraph that is not lettered (bullets, lists) is narrative, not a child.
// How a single line is read (vocabulary, shapes, the title) is in parse-lines.ts.

import { classify, isSection, looksLikeHeading, type Shape, TERMINAL, takeTitle, toLines } from './parse-lines.ts'

export { ARTEFACTS } from './parse-lines.ts'

export type ParsedKind = 'preambular' | 'operative' | 'heading' | 'narrative'

export interface ParsedParagraph {
  kind: ParsedKind
  label: string | null
  text: string
  children: ParsedParagraph[]
}

export interface ParsedDocument {
  title: string | null
  paragraphs: ParsedParagraph[]
}

// --- Quotations ----------------------------------------------------------------------------------------------

function quoteBalance(text: string): number {
  let balance = 0
  for (const char of text) {
    if (char === '“') balance += 1
    else if (char === '”') balance -= 1
  }
  return balance
}

/** For each line, whether a quotation still open by `deficit` closes at or after it: precomputed so that a long
 * document with a stray “ stays linear. */
function quoteCloser(lines: string[]): (from: number, deficit: number) => boolean {
  const before: number[] = []
  const lowestAhead: number[] = new Array(lines.length + 1).fill(Number.POSITIVE_INFINITY)
  let running = 0
  for (const line of lines) {
    before.push(running)
    running += quoteBalance(line)
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    let balance = before[i] ?? 0
    let lowest = Number.POSITIVE_INFINITY
    for (const char of lines[i] ?? '') {
      if (char === '“') balance += 1
      else if (char === '”') lowest = Math.min(lowest, --balance)
    }
    lowestAhead[i] = Math.min(lowest, lowestAhead[i + 1] ?? Number.POSITIVE_INFINITY)
  }
  return (from, deficit) => (lowestAhead[from] ?? Number.POSITIVE_INFINITY) <= (before[from] ?? 0) - deficit
}

// --- Blocks --------------------------------------------------------------------------------------------------

interface Block {
  shape: Shape
  label: string | null
  parts: string[]
  /** a heading, which text after it never joins */
  closed: boolean
  /** quotations opened and not yet closed */
  open: number
}

/** A line with nothing after it but a blank line, the end, or a line that opens something else. */
function standsAlone(lines: string[], i: number): boolean {
  const after = lines[i + 1]
  return after === undefined || after === '' || classify(after).type !== 'plain'
}

function openBlock(shape: Shape, lines: string[], i: number): Block {
  const line = lines[i] ?? ''
  const labelledShape = shape.type === 'numbered' || shape.type === 'inserted' || shape.type === 'lettered'
  const label = labelledShape ? shape.label : null
  const first = labelledShape ? shape.rest : line
  const heading = shape.type === 'plain' && looksLikeHeading(line) && standsAlone(lines, i)
  const closed = heading || shape.type === 'section' || (shape.type === 'opener' && shape.closed)
  return { shape, label, parts: first ? [first] : [], closed, open: quoteBalance(first) }
}

function append(block: Block, line: string): void {
  block.parts.push(line)
  block.open += quoteBalance(line)
}

const textOf = (block: Block) => block.parts.join(' ')
/** How the block's text ends so far, without joining it (a paragraph may run to thousands of lines). */
const lastPart = (block: Block) => block.parts.at(-1) ?? ''

function isStructured(block: Block): boolean {
  const type = block.shape.type
  return type === 'numbered' || type === 'inserted' || type === 'lettered' || type === 'opener'
}

/** After a blank line, whether this line still belongs to the block before it (a page break). */
function continuesAfterBlank(block: Block, lines: string[], i: number): boolean {
  const line = lines[i] ?? ''
  if (looksLikeHeading(line) && standsAlone(lines, i)) return false
  if (/^[(["'“‘]*\p{Ll}/u.test(line)) return true
  const end = lastPart(block)
  if (/^["“]/.test(line) && end.endsWith(':')) return true
  return isStructured(block) && !TERMINAL.test(end)
}

/** "69." or "2 bis" at the start of a line that goes on from an unfinished line is a wrapped reference to a
 * paragraph ("... as set out in paragraph\n69."), not a new paragraph: that takes a blank line or an end of
 * sentence before it. */
function wrappedNumber(shape: Shape, current: Block | null, afterBlank: boolean): Shape {
  if (shape.type !== 'numbered' && shape.type !== 'inserted') return shape
  if (!current || current.closed || afterBlank) return shape
  const end = lastPart(current)
  return end !== '' && !TERMINAL.test(end) ? { type: 'plain' } : shape
}

function toBlocks(lines: string[], from: number): Block[] {
  const blocks: Block[] = []
  const closesAhead = quoteCloser(lines)
  let current: Block | null = null
  let afterBlank = false
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') {
      afterBlank = true
      continue
    }
    if (current && !current.closed && current.open > 0 && closesAhead(i, current.open)) {
      append(current, line)
    } else {
      const shape = wrappedNumber(classify(line), current, afterBlank)
      const joins =
        current !== null &&
        shape.type === 'plain' &&
        !current.closed &&
        (!afterBlank || continuesAfterBlank(current, lines, i))
      if (joins && current) append(current, line)
      else {
        current = openBlock(shape, lines, i)
        blocks.push(current)
      }
    }
    afterBlank = false
  }
  return blocks
}

// --- Paragraphs ----------------------------------------------------------------------------------------------

const paragraph = (kind: ParsedKind, label: string | null, text: string): ParsedParagraph => ({
  kind,
  label,
  text,
  children: [],
})

function narrativeOrHeading(text: string, shape: Shape): ParsedParagraph {
  const heading = shape.type === 'section' || (shape.type === 'plain' && (looksLikeHeading(text) || isSection(text)))
  return paragraph(heading ? 'heading' : 'narrative', null, text)
}

function toParagraphs(blocks: Block[]): ParsedParagraph[] {
  const paragraphs: ParsedParagraph[] = []
  // the preambular or operative paragraph lettered sub-paragraphs attach to, until other text intervenes
  let parent: ParsedParagraph | null = null
  for (const block of blocks) {
    const { shape, label } = block
    const text = textOf(block)
    if (shape.type === 'lettered') {
      if (parent) parent.children.push(paragraph(parent.kind, label, text))
      else paragraphs.push(paragraph('narrative', null, [label, text].filter(Boolean).join(' ')))
      continue
    }
    if (shape.type === 'numbered' || shape.type === 'inserted') parent = paragraph('operative', label, text)
    else if (shape.type === 'opener') parent = paragraph(shape.kind, null, text)
    else parent = null
    paragraphs.push(parent ?? narrativeOrHeading(text, shape))
  }
  return paragraphs
}

/** Reads a UN-style text into its title and paragraphs. Never throws; any string gives a document. */
export function parseUnText(source: string): ParsedDocument {
  const lines = toLines(source)
  const { title, next } = takeTitle(lines)
  return { title, paragraphs: toParagraphs(toBlocks(lines, next)) }
}
