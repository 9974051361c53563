// The UN-style text importer against the five seed texts (copied into fixtures/ so that CI needs no /work/shared)
// and against generated documents: what it recognises, that it keeps every word, and that its own plain-text
// rendering reads back to the same structure.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARTEFACTS, type ParsedDocument, type ParsedParagraph, parseUnText } from './parse.ts'
import { renderPlainText } from './render.ts'

const FIXTURES = join(import.meta.dirname, 'fixtures')
/** The seed as shipped in fixtures/; a missing fixture fails the test file rather than skipping it. */
function readSeed(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

function describeSeed(name: string, title: string, body: (source: string, doc: ParsedDocument) => void): void {
  const source = readSeed(name)
  describe(title, () => {
    body(source, parseUnText(source))
    keepsEveryWordAndReadsItsRenderingBack(source)
  })
}

const words = (text: string) => text.split(/\s+/).filter(Boolean)

function paragraphWords(p: ParsedParagraph): string[] {
  return [...words(p.label ?? ''), ...words(p.text), ...p.children.flatMap(paragraphWords)]
}

/** The words of a parsed document in reading order: title, then each label and text. */
function documentWords(doc: ParsedDocument): string[] {
  return [...words(doc.title ?? ''), ...doc.paragraphs.flatMap(paragraphWords)]
}

const sourceWords = (source: string) => words(source.replace(ARTEFACTS, ''))
const reread = (doc: ParsedDocument) => parseUnText(renderPlainText(doc))
const firstWord = (p: ParsedParagraph) => words(p.text)[0]
const ofKind = (doc: ParsedDocument, kind: ParsedParagraph['kind']) => doc.paragraphs.filter((p) => p.kind === kind)

function keepsEveryWordAndReadsItsRenderingBack(source: string): void {
  it('keeps every word of the source in order', () => {
    expect(documentWords(parseUnText(source))).toEqual(sourceWords(source))
  })

  it('reads its own plain-text rendering back to the same structure', () => {
    const doc = parseUnText(source)
    expect(reread(doc)).toEqual(doc)
  })
}

describeSeed('000_28dbaba02fd27a6b.txt', 'seed 000: WTPF-13 Opinion 3', (_source, doc) => {
  const part = (text: string) => doc.paragraphs.find((p) => p.text === text)

  it('takes the capitalised heading of the opinion as its title, without the Word bookmark', () => {
    expect(doc.title).toBe('OPINION (3) ON SUPPORTING OPERATIONALIZING THE ENHANCED COOPERATION PROCESS')
  })

  it('reads the lettered considerations of WTPF Opinion 3 as one preambular paragraph with five parts', () => {
    const considering = part('considering')
    expect(considering).toMatchObject({ kind: 'preambular', label: null })
    expect(considering?.children.map((c) => c.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)'])
    expect(considering?.children.every((c) => c.kind === 'preambular' && c.children.length === 0)).toBe(true)
    expect(considering?.children[0]?.text).toBe(
      'that the Internet has evolved into a powerful and very successful vehicle for innovation, economic growth, the spread of knowledge and culture, and the delivery of services;',
    )
  })

  it('reads "recognizing" and "noting" as preambular paragraphs with six and four parts', () => {
    expect(part('recognizing')?.kind).toBe('preambular')
    expect(part('recognizing')?.children.map((c) => c.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)'])
    expect(part('noting')?.kind).toBe('preambular')
    expect(part('noting')?.children).toHaveLength(4)
  })

  it('reads "is of the view" and "invites" as the operative part, with their lettered parts', () => {
    const view = part('is of the view')
    const invites = part('invites')
    expect(view?.kind).toBe('operative')
    expect(view?.children.map((c) => c.label)).toEqual(['a)', 'b)', 'c)', 'd)'])
    expect(invites?.kind).toBe('operative')
    expect(invites?.children.map((c) => [c.kind, c.label, firstWord(c)])).toEqual([
      ['operative', 'a)', 'the'],
      ['operative', 'b)', 'Member'],
    ])
  })

  it('keeps the enacting formula as narrative and finds nothing else', () => {
    expect(doc.paragraphs.map((p) => [p.kind, p.label, p.text, p.children.length])).toEqual([
      ['narrative', null, 'The fifth World Telecommunication Policy Forum (Geneva, 2013),', 0],
      ['preambular', null, 'considering', 5],
      ['preambular', null, 'recognizing', 6],
      ['preambular', null, 'noting', 4],
      ['operative', null, 'is of the view', 4],
      ['operative', null, 'invites', 2],
    ])
  })
})

describeSeed('001_a2428971c7b97c2a.txt', 'seed 001: ITU backgrounder (web page)', (_source, doc) => {
  it('reads a narrative web page as narrative, with no preambular or operative paragraph', () => {
    expect(doc.title).toBe('The Enhanced Cooperation Process')
    expect(ofKind(doc, 'preambular')).toEqual([])
    expect(ofKind(doc, 'operative')).toEqual([])
    expect(ofKind(doc, 'narrative').length).toBeGreaterThanOrEqual(doc.paragraphs.length - 1)
    expect(ofKind(doc, 'heading').map((p) => p.text)).toEqual(['DISCLAIMER'])
  })

  it('joins a column of short lines into one paragraph', () => {
    expect(doc.paragraphs.map((p) => p.text)).toContain(
      'The need for enhanced cooperation was recognized in Paragraph 69 of the *Tunis Agenda* (2005).',
    )
  })

  it('leaves footnote markers in the text and does not read "- a." bullets as labels', () => {
    expect(doc.paragraphs[0]?.text).toMatch(/two distinct processes¹\.$/)
    expect(doc.paragraphs.some((p) => p.text.startsWith('¹ Resolution 102'))).toBe(true)
    expect(doc.paragraphs.some((p) => p.text.startsWith('- a. The role of different stakeholder groups'))).toBe(true)
    expect(doc.paragraphs.every((p) => p.label === null && p.children.length === 0)).toBe(true)
  })
})

describeSeed('002_d796a4cc2114c266.txt', 'seed 002: ITU backgrounder (PDF text)', (_source, doc) => {
  it('reads a PDF-to-text page as narrative with page headers as headings and no spurious operative paragraph', () => {
    expect(doc.title).toBe('The Enhanced Cooperation Process - ITU')
    expect(ofKind(doc, 'preambular')).toEqual([])
    expect(ofKind(doc, 'operative')).toEqual([])
    expect(doc.paragraphs.every((p) => p.label === null)).toBe(true)
    expect(ofKind(doc, 'narrative').length).toBeGreaterThan(doc.paragraphs.length / 2)
    expect(ofKind(doc, 'heading').map((p) => p.text)).toContain('WTPF Backgrounder Series')
  })

  it('does not take the download counter "3 downloads" or the page number "1/2" for paragraph numbers', () => {
    expect(doc.paragraphs[0]?.text).toMatch(/^3 downloads 245 Views/)
    expect(doc.paragraphs.find((p) => p.text === '1/2')?.kind).toBe('narrative')
  })
})

describeSeed('003_efe92c9ddb08274e.txt', 'seed 003: report of the WGEC', (_source, doc) => {
  const recommendations = doc.paragraphs.slice(doc.paragraphs.findIndex((p) => p.text === 'Recommendations') + 1)
  const recommendation = (label: string) => recommendations.find((p) => p.label === label)
  const introduction = doc.paragraphs.slice(
    0,
    doc.paragraphs.findIndex((p) => p.text === 'Recommendations'),
  )

  it('reads "Introduction" and "Recommendations" as headings, not as the title', () => {
    expect(doc.title).toBeNull()
    expect(ofKind(doc, 'heading').map((p) => p.text)).toEqual(['Introduction', 'Recommendations'])
  })

  it('reads recommendations 1 to 19 with the divergent views labelled "2 bis" and "2 tres" as written', () => {
    const labels = recommendations.filter((p) => p.kind === 'operative').map((p) => p.label)
    const numbers = Array.from({ length: 19 }, (_, i) => `${i + 1}.`)
    expect(labels).toEqual(['1.', '2.', '2 bis', '2 tres', ...numbers.slice(2)])
    expect(firstWord(recommendation('2 bis') as ParsedParagraph)).toBe('__In')
    expect(recommendation('2 tres')?.text).toMatch(/^Some other participants are against of such approach/)
  })

  it('keeps the paragraphs 64 and 65 quoted by paragraph 1 inside its text, never as paragraphs', () => {
    expect(introduction.filter((p) => p.kind === 'operative').map((p) => p.label)).toEqual(
      Array.from({ length: 15 }, (_, i) => `${i + 1}.`),
    )
    const first = introduction.find((p) => p.label === '1.')
    expect(first?.text).toContain('in the following terms: “4.1 Enhanced Cooperation 64. We acknowledge')
    expect(first?.text).toContain('Tunis Agenda.l 65. We note, however,')
    expect(first?.text).toMatch(/implementation of the outcomes of the World Summit on the Information Society\.”$/)
    expect(doc.paragraphs.some((p) => p.label === '64.' || p.label === '65.')).toBe(false)
  })

  it('keeps the struck-through deletion of recommendation 2 word for word, across its page break', () => {
    const text = recommendation('2.')?.text
    expect(text).toContain(
      'flexible and adaptable formats; results-driven efforts;+espect-for-the-severeign-rights-of states to—establish—and—implement—public—peliey; evidence-based discussions; participation by governments',
    )
  })

  it('continues a numbered paragraph across a page break', () => {
    expect(recommendation('6.')?.text).toMatch(/in developing international Internet-related public policy in order/)
    expect(recommendation('5.')?.text).toContain('in developing international Internet-related public policy.')
  })

  it('leaves footnote markers glued to words in the text', () => {
    expect(introduction.find((p) => p.label === '4.')?.text).toContain('first organizational meeting3, the group')
    expect(recommendation('8.')?.text).toContain('marginalized groups9 and unaffiliated users.')
  })

  it('keeps the unlabelled lists after a recommendation as narrative, not as sub-paragraphs', () => {
    expect(doc.paragraphs.every((p) => p.children.length === 0)).toBe(true)
    const afterTwoBis = recommendations[recommendations.indexOf(recommendation('2 bis') as ParsedParagraph) + 1]
    expect(afterTwoBis).toMatchObject({ kind: 'narrative', text: "v' Process could take an evolutionary form" })
    expect(recommendations.find((p) => p.text.startsWith('Transparency'))?.kind).toBe('narrative')
  })
})

describeSeed('004_6c5588e1edcf8475.txt', 'seed 004: civil-society text for WSIS+20', (_source, doc) => {
  it('reads the seven participle paragraphs of the preamble in order', () => {
    const preamble = ofKind(doc, 'preambular')
    expect(preamble.map(firstWord)).toEqual([
      'Recalling',
      'Affirming',
      'Reaffirming',
      'Recognizing',
      'Recalling',
      'Recognizing',
      'Acknowledging',
    ])
    expect(preamble.every((p) => p.label === null && p.text.endsWith(','))).toBe(true)
  })

  it('reads operative paragraphs 1 to 7 with the verbs that open them', () => {
    const operative = ofKind(doc, 'operative')
    expect(operative.map((p) => [p.label, firstWord(p)])).toEqual([
      ['1.', 'Reaffirms'],
      ['2.', 'Recognizes'],
      ['3.', 'Emphasizes'],
      ['4.', 'Recommends'],
      ['5.', 'Requests'],
      ['6.', 'Invites'],
      ['7.', 'Encourages'],
    ])
    expect(operative.at(-1)?.text).toMatch(/especially developing countries\.$/)
  })

  it('joins hard-wrapped lines of a paragraph with single spaces', () => {
    expect(ofKind(doc, 'preambular')[0]?.text).toBe(
      'Recalling the outcomes of the World Summit on the Information Society (WSIS), in particular the Tunis Agenda for the Information Society (2005), and reaffirming the centrality of its guiding principles in shaping inclusive, people-centered, and development-oriented information societies,',
    )
  })

  it('keeps the e-mail around the text as narrative, even where a wrapped line starts with "recognising"', () => {
    expect(doc.title).toBe('[WG-Strategy] Text on Enhanced Cooperation')
    expect(doc.paragraphs.slice(0, 2).map((p) => p.kind)).toEqual(['narrative', 'narrative'])
    expect(doc.paragraphs[0]?.text).toContain('text and recognising that intergovermental cooperation')
    expect(doc.paragraphs.at(-1)).toMatchObject({ kind: 'narrative', text: expect.stringMatching(/^-+ next part/) })
  })
})

// --- Generated documents ---------------------------------------------------------------------------------------

const VOCABULARY = [
  'the',
  'of',
  'and',
  'enhanced',
  'cooperation',
  'Internet',
  'public',
  'policy',
  'issues',
  'governments',
  'on',
  'an',
  'equal',
  'footing',
  'stakeholders',
  'in',
  'their',
  'respective',
  'roles',
  'Tunis',
  'Agenda',
  '69',
  '2005',
  '(CSTD)',
  'Internet-related',
  'processes¹',
  'items',
  '35a)',
  '“international”',
  'States',
]
const PREAMBLE_OPENERS = [
  'Recalling',
  'Reaffirming',
  'Recognizing',
  'Recognising',
  'Noting with appreciation',
  'Considering',
  'Affirming',
  'Acknowledging',
  'Bearing in mind',
  'Emphasising',
  'Welcoming',
  'Stressing',
  'Mindful of',
  'Convinced that',
  'Deeply concerned about',
  'Aware of',
  'Having considered',
  'Taking note of',
  'Further recalling',
  'RECALLING',
]
const OPERATIVE_VERBS = ['Reaffirms', 'Recognizes', 'Emphasizes', 'Recommends', 'Requests', 'Invites', 'Encourages']
const PREAMBLE_HEADINGS = ['considering', 'recognizing', 'noting', 'recalling', 'bearing in mind']
const OPERATIVE_HEADINGS = ['is of the view', 'invites', 'resolves', 'decides', 'requests', 'recommends', 'encourages']

/** A document as text, with the structure the parser should find in it. */
type Generated = { source: string; expected: ParsedDocument }
type Piece = { source: string; expected: ParsedParagraph }

/** Words, hard-wrapped at random: the text as the parser should give it, and as a file has it. */
const wrappedWords = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.boolean()), { minLength: 1, maxLength: 14 })
  .map((pairs) => ({
    text: pairs.map(([word]) => word).join(' '),
    source: pairs.map(([word, wrap], i) => (i === 0 ? word : `${wrap ? '\n' : ' '}${word}`)).join(''),
  }))

const ending = fc.constantFrom(';', '.', ',')
const indent = fc.constantFrom('', '\t')

function lettered(kind: 'preambular' | 'operative', count: number, parenthesised: boolean) {
  return fc.array(fc.tuple(wrappedWords, indent), { minLength: count, maxLength: count }).map((parts) =>
    parts.map(([body, tab], i) => {
      const letter = String.fromCharCode(97 + i)
      const label = parenthesised ? `(${letter})` : `${letter})`
      return {
        source: `${tab}${label}${tab ? '\t' : ' '}${body.source};`,
        expected: { kind, label, text: `${body.text};`, children: [] },
      }
    }),
  )
}

const preambular: fc.Arbitrary<Piece> = fc
  .tuple(fc.constantFrom(...PREAMBLE_OPENERS), wrappedWords)
  .map(([opener, body]) => ({
    source: `${opener} ${body.source},`,
    expected: { kind: 'preambular', label: null, text: `${opener} ${body.text},`, children: [] },
  }))

function headingSection(words: string[], kind: 'preambular' | 'operative'): fc.Arbitrary<Piece> {
  return fc
    .tuple(fc.constantFrom(...words), indent, fc.integer({ min: 1, max: 4 }), fc.boolean())
    .chain(([word, tab, count, parenthesised]) =>
      lettered(kind, count, parenthesised).map((children) => ({
        source: [`${tab}${word}`, ...children.map((c) => c.source)].join('\n'),
        expected: { kind, label: null, text: word, children: children.map((c) => c.expected) },
      })),
    )
}

function numbered(label: string): fc.Arbitrary<Piece> {
  return fc
    .tuple(fc.constantFrom(...OPERATIVE_VERBS), wrappedWords, ending, fc.integer({ min: 0, max: 3 }), fc.boolean())
    .chain(([verb, body, end, count, parenthesised]) =>
      lettered('operative', count, parenthesised).map((children) => ({
        source: [`${label} ${verb} ${body.source}${end}`, ...children.map((c) => c.source)].join('\n'),
        expected: {
          kind: 'operative' as const,
          label,
          text: `${verb} ${body.text}${end}`,
          children: children.map((c) => c.expected),
        },
      })),
    )
}

/** Operative paragraphs 1, 2, ... with some "N bis" / "N ter" inserted after their paragraph. */
const operativePart = fc
  .array(fc.constantFrom('', ' bis', ' ter', ' tres', ' quater'), { maxLength: 6 })
  .chain((suffixes) => {
    let n = 0
    const labels = suffixes.map((suffix) => {
      const next = suffix === '' || n === 0
      if (next) n += 1
      return next ? `${n}.` : `${n}${suffix}`
    })
    return fc.tuple(...labels.map(numbered))
  })

const title = fc
  .array(fc.constantFrom('DRAFT', 'RESOLUTION', 'OPINION', '(3)', 'ON', 'ENHANCED', 'COOPERATION', 'WSIS+20'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((ws) => ws.join(' '))

const generatedDocument: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.option(title, { nil: null }),
    fc.array(fc.oneof(preambular, headingSection(PREAMBLE_HEADINGS, 'preambular')), { maxLength: 5 }),
    operativePart,
    fc.array(headingSection(OPERATIVE_HEADINGS, 'operative'), { maxLength: 2 }),
    fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 20, maxLength: 20 }),
  )
  .map(([heading, preamble, operative, sections, gaps]) => {
    const pieces = [...preamble, ...operative, ...sections]
    const texts = [...(heading === null ? [] : [heading]), ...pieces.map((p) => p.source)]
    return {
      source: texts.map((text, i) => `${i === 0 ? '' : (gaps[i % gaps.length] ?? '\n')}${text}`).join(''),
      expected: { title: heading, paragraphs: pieces.map((p) => p.expected) },
    }
  })

/** Lines of UN-flavoured text in any order, blank lines and noise included, to look for inputs that break it. */
const lineSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '',
        'considering',
        'is of the view',
        'invites',
        'Recalling the outcomes,',
        'RECALLING',
        'Mindful',
        '1. Reaffirms the text;',
        '2.',
        '2 bis foo',
        '3 tres Bar baz.',
        'a) that foo;',
        '(b) bar',
        '\ta)\tthat',
        '(ii) baz',
        'Introduction',
        'Annex I',
        '4.1 Enhanced Cooperation',
        "v' Process could",
        'v Would',
        '- a. bullet',
        '==========',
        '“quoted',
        'end quote”',
        'foo:',
        'lowercase text',
        'Some Heading',
        'OPINION (3) ON X',
        'A sentence.',
        'Unfinished',
        '¹ Footnote',
        '2005.',
        'Concerned parties',
        'taking into account',
        '1/2',
        'Geneva, Switzerland',
        '[bookmark: _GoBack]X',
        '\f',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'))

describe('parseUnText on any text', () => {
  it('never throws, and gives single-line texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), lineSoup), (source) => {
        const doc = parseUnText(source)
        const all = doc.paragraphs.flatMap((p) => [p, ...p.children])
        expect(all.every((p) => !/[\n\t]| {2}/.test(p.text) && p.text === p.text.trim())).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps every word, in order, of arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), lineSoup), (source) => {
        expect(documentWords(parseUnText(source))).toEqual(sourceWords(source))
      }),
      { numRuns: 500 },
    )
  })

  it('reads its own rendering of arbitrary text back to the same structure', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), lineSoup), (source) => {
        const doc = parseUnText(source)
        expect(reread(doc)).toEqual(doc)
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseUnText on generated resolutions', () => {
  it('finds the title, preambular, operative, inserted and lettered paragraphs it was given', () => {
    fc.assert(
      fc.property(generatedDocument, ({ source, expected }) => {
        expect(parseUnText(source)).toEqual(expected)
      }),
    )
  })

  it('keeps the words of the input: labels and texts together are the input, word for word', () => {
    fc.assert(
      fc.property(generatedDocument, ({ source }) => {
        expect(documentWords(parseUnText(source))).toEqual(words(source))
      }),
    )
  })

  it('is idempotent on its own rendering', () => {
    fc.assert(
      fc.property(generatedDocument, ({ source }) => {
        const doc = parseUnText(source)
        expect(reread(doc)).toEqual(doc)
      }),
    )
  })
})

describe('renderPlainText', () => {
  it('writes the title, a blank line, then "label text" lines with sub-paragraphs indented by a tab', () => {
    const doc: ParsedDocument = {
      title: 'DRAFT OPINION',
      paragraphs: [
        { kind: 'preambular', label: null, text: 'Recalling its work,', children: [] },
        {
          kind: 'operative',
          label: '1.',
          text: 'Invites:',
          children: [{ kind: 'operative', label: 'a)', text: 'Member States;', children: [] }],
        },
      ],
    }
    expect(renderPlainText(doc)).toBe('DRAFT OPINION\n\nRecalling its work,\n\n1. Invites:\n\ta) Member States;\n')
    expect(parseUnText(renderPlainText(doc))).toEqual(doc)
  })
})
