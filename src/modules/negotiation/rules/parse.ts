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

/** Word-processor debris that is not part of the text. */
export const ARTEFACTS = /\[bookmark:[^\]]*\]/g

// --- Vocabulary ----------------------------------------------------------------------------------------------

/** Opening phrases of preambular paragraphs, as regular expression sources over lowercase text. */
const PARTICIPLES = [
  'recalling',
  'reaffirming',
  'recogni[sz]ing',
  'noting',
  'considering',
  'affirming',
  'acknowledging',
  'bearing in mind',
  'keeping in mind',
  'emphasi[sz]ing',
  'welcoming',
  'stressing',
  'underlining',
  'underscoring',
  'reiterating',
  'highlighting',
  'taking note',
  'taking into account',
  'taking into consideration',
  'having (?:considered|examined|reviewed|heard|received|regard|adopted|noted|studied|taken note)',
  'guided by',
  'desiring',
  'believing',
  'observing',
  'appreciating',
  'expressing',
  'deploring',
  'reali[sz]ing',
]
/** Adjectives that open a preambular paragraph only when followed by their usual complement ("Aware of"), so
 * that prose such as "Concerned parties ..." at the start of a wrapped line stays prose. */
const ADJECTIVES = ['mindful', 'convinced', 'concerned', 'aware', 'determined', 'alarmed', 'cogni[sz]ant', 'conscious']
const ADVERB = '(?:(?:also|further|deeply|gravely|seriously|fully|strongly|firmly|profoundly)\\s+)?'
/** Heading words of the operative part of an ITU-style text, alone on their line. */
const OPERATIVE_WORDS = [
  'is of the view',
  'invites',
  'resolves',
  'decides',
  'requests',
  'recommends',
  'encourages',
  'instructs',
  'urges',
  'calls upon',
  'endorses',
  'adopts',
  'approves',
  'agrees',
  'declares',
]

const PARTICIPLE_OPENER = new RegExp(`^${ADVERB}(?:${PARTICIPLES.join('|')})(?=[\\s,:;]|$)`)
const ADJECTIVE_OPENER = new RegExp(
  `^${ADVERB}(?:${ADJECTIVES.join('|')})(?=[,:;]|$|\\s+(?:of|that|about|by|at|to|with|in|also|further)\\b)`,
)
const TOGETHER = '(?:(?:also|further)\\s+)?'
const PREAMBLE_WORD = new RegExp(
  `^${TOGETHER}${ADVERB}(?:${[...PARTICIPLES, ...ADJECTIVES].join('|')})(?:\\s+(?:also|further))?$`,
)
const OPERATIVE_WORD = new RegExp(`^${TOGETHER}(?:${OPERATIVE_WORDS.join('|')})(?:\\s+(?:also|further))?$`)

const NUMBERED = /^\d{1,3}\.(?=\s|$)/
const INSERTED = /^\d{1,3}\s*(?:bis|ter|tres|quater|quinquies|sexies|septies|octies|novies|nonies|decies)\.?(?=\s|$)/i
const LETTERED = /^(?:\((?:[a-z]|[ivx]{2,5})\)|(?:[a-z]|[ivx]{2,5})\))(?=\s|$)/
const SEPARATOR = /^[-=_~*#]{4,}/
/** A list bullet, including the "v" an OCR makes of a Wingdings check mark (seed 003, 2 bis). */
const BULLET = /^(?:[-–—•·▪◦●○■□►▸✓✔+*]\s|v['’_]|v\s+[_\p{Lu}])/u
const SECTION_WORD =
  /^(?:introduction|background|recommendations?|conclusions?(?: and recommendations)?|summary|executive summary|(?:table of )?contents|preamble|overview|findings|references|acknowledge?ments|annex(?:es)?|appendix|appendices)$/i
const SECTION_NUMBERED = [
  /^(?:annex|appendix|chapter|part|section)\s+(?:[ivxlc]+|\d+|[a-z])\b/i,
  /^\d{1,3}(?:\.\d{1,3})+\.?\s+\p{Lu}/u,
  /^[IVXLC]{1,6}\.\s+\p{Lu}/u,
  /^[A-Z]\.\s+\p{Lu}/u,
]
/** Final punctuation of a sentence or a preambular paragraph, before closing quotes, brackets or emphasis. */
const PUNCTUATION = `[.,;:!?…]["'”’)\\]*_]*`
const TERMINAL = new RegExp(`${PUNCTUATION}$`, 'u')
const SENTENCE_BREAK = new RegExp(`${PUNCTUATION}\\s`, 'u')
/** Small words a title-cased heading leaves in lowercase. */
const SMALL_WORDS = new Set(['with', 'from', 'into', 'upon', 'over', 'under', 'between', 'through', 'towards'])

// --- Lines ---------------------------------------------------------------------------------------------------

type Shape =
  | { type: 'numbered' | 'inserted' | 'lettered'; label: string; rest: string }
  | { type: 'opener'; kind: 'preambular' | 'operative'; closed: boolean }
  | { type: 'section' | 'bullet' | 'separator' | 'plain' }

/** Splits into trimmed lines with single spaces; a blank line is ''. Form feeds are page breaks, so lines. */
function toLines(source: string): string[] {
  return source
    .replace(ARTEFACTS, '')
    .split(/\r\n|[\r\n\f\v\u2028\u2029]/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
}

function labelled(type: 'numbered' | 'inserted' | 'lettered', line: string, match: RegExpExecArray): Shape {
  return { type, label: match[0].replace(/\s+/, ' '), rest: line.slice(match[0].length).trim() }
}

function isCapitalised(line: string): boolean {
  return /^\p{Lu}/u.test(line)
}

/** The heading word a whole line is, if any ("considering", "is of the view,"). */
function headingWord(line: string): 'preambular' | 'operative' | null {
  const bare = line.toLowerCase().replace(/[,:;.]$/, '')
  if (PREAMBLE_WORD.test(bare)) return 'preambular'
  if (OPERATIVE_WORD.test(bare)) return 'operative'
  return null
}

function isSection(line: string): boolean {
  if (SECTION_WORD.test(line)) return true
  return line.length <= 80 && !TERMINAL.test(line) && titleCased(line) && SECTION_NUMBERED.some((r) => r.test(line))
}

/** What a line opens, if anything: the structure of the text is read from the starts of lines. */
function classify(line: string): Shape {
  if (SEPARATOR.test(line)) return { type: 'separator' }
  for (const [type, pattern] of [
    ['numbered', NUMBERED],
    ['inserted', INSERTED],
    ['lettered', LETTERED],
  ] as const) {
    const match = pattern.exec(line)
    if (match) return labelled(type, line, match)
  }
  const word = headingWord(line)
  if (word) {
    // "Recalling" alone may go on with its text on the next line; "invites" or "Mindful" alone is a heading
    const joinable = isCapitalised(line) && PARTICIPLE_OPENER.test(line.toLowerCase())
    return { type: 'opener', kind: word, closed: !joinable }
  }
  const lower = line.toLowerCase()
  if (isCapitalised(line) && (PARTICIPLE_OPENER.test(lower) || ADJECTIVE_OPENER.test(lower)))
    return { type: 'opener', kind: 'preambular', closed: false }
  if (isSection(line)) return { type: 'section' }
  if (BULLET.test(line)) return { type: 'bullet' }
  return { type: 'plain' }
}

function titleCased(text: string): boolean {
  return text.split(' ').every((word) => {
    const letters = word.replace(/[^\p{L}]/gu, '')
    return letters.length < 4 || SMALL_WORDS.has(letters) || isCapitalised(letters)
  })
}

/** A short title-cased line without final punctuation: "Recommendations", "WTPF Backgrounder Series". */
function looksLikeHeading(text: string): boolean {
  return (
    text.length <= 80 && text.split(' ').length <= 12 && isCapitalised(text) && !TERMINAL.test(text) && titleCased(text)
  )
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

// --- Title ---------------------------------------------------------------------------------------------------

/** No lowercase letter: "OPINION (3) ON ...", but also "2005." (so that joining it to a capitalised line
 * cannot turn a line that was not a title into one). */
function isAllCaps(line: string): boolean {
  return !/\p{Ll}/u.test(line)
}

function eligibleTitle(text: string, capitals: boolean): boolean {
  if (text.length > 200 || TERMINAL.test(text) || !/^[\p{L}\p{N}[("‘'*]/u.test(text)) return false
  // a quotation belongs to the paragraphs, where it may span lines
  if (/[“”]/.test(text)) return false
  // a mixed-case line with a sentence break inside is the start of a paragraph, not a title
  if (!capitals && SENTENCE_BREAK.test(text)) return false
  return classify(text).type === 'plain'
}

/** The first meaningful line, or the run of capitalised lines it starts ("OPINION (3) ON ..."). */
function takeTitle(lines: string[]): { title: string | null; next: number } {
  const first = lines.findIndex((line) => line !== '')
  const line = lines[first]
  if (first < 0 || line === undefined) return { title: null, next: lines.length }
  if (classify(line).type !== 'plain') return { title: null, next: first }
  let end = first + 1
  const capitals = isAllCaps(line)
  while (capitals && end < lines.length) {
    const next = lines[end] ?? ''
    if (next === '' || !isAllCaps(next) || classify(next).type !== 'plain') break
    end += 1
  }
  const title = lines.slice(first, end).join(' ')
  return eligibleTitle(title, capitals) ? { title, next: end } : { title: null, next: first }
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
