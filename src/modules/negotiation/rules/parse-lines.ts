// How parse.ts reads one line of a UN-style text: the vocabulary of preambular and operative
// openers, section headings and labels; the shape a line opens (a numbered or lettered paragraph, an
// opener, a heading, a bullet, plain text); and the title the first lines make. Pure: no I/O.

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
export const TERMINAL = new RegExp(`${PUNCTUATION}$`, 'u')
const SENTENCE_BREAK = new RegExp(`${PUNCTUATION}\\s`, 'u')
/** Small words a title-cased heading leaves in lowercase. */
const SMALL_WORDS = new Set(['with', 'from', 'into', 'upon', 'over', 'under', 'between', 'through', 'towards'])

// --- Lines ---------------------------------------------------------------------------------------------------

export type Shape =
  | { type: 'numbered' | 'inserted' | 'lettered'; label: string; rest: string }
  | { type: 'opener'; kind: 'preambular' | 'operative'; closed: boolean }
  | { type: 'section' | 'bullet' | 'separator' | 'plain' }

/** Splits into trimmed lines with single spaces; a blank line is ''. Form feeds are page breaks, so lines. */
export function toLines(source: string): string[] {
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

export function isSection(line: string): boolean {
  if (SECTION_WORD.test(line)) return true
  return line.length <= 80 && !TERMINAL.test(line) && titleCased(line) && SECTION_NUMBERED.some((r) => r.test(line))
}

/** What a line opens, if anything: the structure of the text is read from the starts of lines. */
export function classify(line: string): Shape {
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
export function looksLikeHeading(text: string): boolean {
  return (
    text.length <= 80 && text.split(' ').length <= 12 && isCapitalised(text) && !TERMINAL.test(text) && titleCased(text)
  )
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
export function takeTitle(lines: string[]): { title: string | null; next: number } {
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
