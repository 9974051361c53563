// How one line of a UN-style text is read: its shape from how it opens (numbered, inserted and
// lettered paragraphs, preambular and operative openers, headings, bullets, separators, prose),
// the lines a source splits into, and the title its first lines make. Hand-picked lines, then
// (fast-check) properties over any text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classify, isSection, looksLikeHeading, takeTitle, toLines } from './parse-lines.ts'

describe('the lines of a source', () => {
  it('splits on every kind of line break and page break, trims and keeps single spaces', () => {
    expect(toLines('  One\t two  \r\nthree\rfour\ffive\u2028six\n\nseven')).toEqual([
      'One two',
      'three',
      'four',
      'five',
      'six',
      '',
      'seven',
    ])
  })

  it('drops word-processor bookmarks', () => {
    expect(toLines('1. Decides [bookmark: _Toc123]to act')).toEqual(['1. Decides to act'])
  })

  it('gives lines with no break, no double space and nothing around them, for any source', () => {
    fc.assert(
      fc.property(fc.string(), (source) => {
        for (const line of toLines(source)) {
          expect(line).not.toMatch(/[\r\n\f\v\u2028\u2029]|\s\s/)
          expect(line).toBe(line.trim())
        }
      }),
    )
  })
})

describe('the shape a line opens', () => {
  it('reads a numbered paragraph with its label and the rest', () => {
    expect(classify('12. Invites all stakeholders')).toEqual({
      type: 'numbered',
      label: '12.',
      rest: 'Invites all stakeholders',
    })
    expect(classify('3.')).toEqual({ type: 'numbered', label: '3.', rest: '' })
  })

  it('reads an inserted paragraph (4 bis, 7 ter.) with its label made single-spaced', () => {
    expect(classify('4 bis. Requests the Secretariat')).toEqual({
      type: 'inserted',
      label: '4 bis.',
      rest: 'Requests the Secretariat',
    })
    expect(classify('7ter Notes')).toMatchObject({ type: 'inserted', label: '7ter' })
  })

  it('reads lettered and roman sub-paragraphs, in either bracket style', () => {
    expect(classify('(a) capacity building;')).toEqual({ type: 'lettered', label: '(a)', rest: 'capacity building;' })
    expect(classify('b) access')).toMatchObject({ type: 'lettered', label: 'b)' })
    expect(classify('(iv) trust')).toMatchObject({ type: 'lettered', label: '(iv)' })
  })

  it('does not take a number inside a sentence, a year or a decimal for a paragraph number', () => {
    expect(classify('2015 was the year of the review.').type).toBe('plain')
    expect(classify('1.5 degrees').type).toBe('plain')
    expect(classify('1234. Too long a number')).toEqual({ type: 'plain' })
  })

  it('reads a preambular opener, alone on its line (a heading) or opening its text', () => {
    expect(classify('Recalling its resolution 70/125,')).toEqual({
      type: 'opener',
      kind: 'preambular',
      closed: false,
    })
    expect(classify('Recognizing')).toEqual({ type: 'opener', kind: 'preambular', closed: false })
    expect(classify('Deeply concerned about the digital divide,')).toEqual({
      type: 'opener',
      kind: 'preambular',
      closed: false,
    })
    expect(classify('Mindful')).toEqual({ type: 'opener', kind: 'preambular', closed: true })
  })

  it('reads an operative heading word alone on its line as a closed operative opener', () => {
    expect(classify('resolves')).toEqual({ type: 'opener', kind: 'operative', closed: true })
    expect(classify('is of the view,')).toEqual({ type: 'opener', kind: 'operative', closed: true })
    expect(classify('further invites')).toEqual({ type: 'opener', kind: 'operative', closed: true })
  })

  it('keeps prose that starts with an opener-like adjective as prose ("Concerned parties ...")', () => {
    expect(classify('Concerned parties met in Geneva')).toEqual({ type: 'plain' })
    expect(classify('recalling that the meeting').type).toBe('plain')
  })

  it('reads separators, bullets (and the "v" of a scanned check mark) and section headings', () => {
    expect(classify('----------')).toEqual({ type: 'separator' })
    expect(classify('• first point')).toEqual({ type: 'bullet' })
    expect(classify('- second point')).toEqual({ type: 'bullet' })
    expect(classify("v'Capacity")).toEqual({ type: 'bullet' })
    expect(classify('Recommendations')).toEqual({ type: 'section' })
    expect(classify('Annex II Contributions Received')).toEqual({ type: 'section' })
    expect(classify('II. Summary Of The Discussion')).toEqual({ type: 'section' })
  })

  it('never throws, and a label is always the start of the line', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const [line = ''] = toLines(text)
        const shape = classify(line)
        if ('label' in shape) expect(line.replace(/\s+/, ' ').startsWith(shape.label)).toBe(true)
      }),
    )
  })
})

describe('section headings and heading-like lines', () => {
  it('takes a known section word or a numbered title-cased heading, not a sentence', () => {
    expect(isSection('Executive summary')).toBe(true)
    expect(isSection('2.1 Enhanced Cooperation Today')).toBe(true)
    expect(isSection('2.1 Enhanced cooperation is needed today.')).toBe(false)
    expect(isSection('Chapter 3 was long and did not Conclude')).toBe(false)
  })

  it('sees a short title-cased line without final punctuation as a heading', () => {
    expect(looksLikeHeading('WTPF Backgrounder Series')).toBe(true)
    expect(looksLikeHeading('Cooperation between Stakeholders')).toBe(true)
    expect(looksLikeHeading('Cooperation Between stakeholders')).toBe(false)
    expect(looksLikeHeading('Recommendations.')).toBe(false)
    expect(looksLikeHeading('lower case start')).toBe(false)
    expect(looksLikeHeading(`A ${'Word '.repeat(12)}`.trim())).toBe(false)
  })
})

describe('the title of a text', () => {
  it('is the first non-blank prose line, and reading goes on after it', () => {
    expect(takeTitle(['', 'Enhanced cooperation in practice', '1. Decides'])).toEqual({
      title: 'Enhanced cooperation in practice',
      next: 2,
    })
  })

  it('joins a run of capitalised lines into one title', () => {
    expect(takeTitle(['OPINION (3) ON', 'ENHANCED COOPERATION', '', 'Text'])).toEqual({
      title: 'OPINION (3) ON ENHANCED COOPERATION',
      next: 2,
    })
  })

  it('is none when the text opens with a paragraph, a sentence, a quotation or nothing', () => {
    expect(takeTitle(['1. Decides to act'])).toEqual({ title: null, next: 0 })
    expect(takeTitle(['', 'The meeting opened. It then closed'])).toEqual({ title: null, next: 1 })
    expect(takeTitle(['A title ending with a full stop.'])).toEqual({ title: null, next: 0 })
    expect(takeTitle(['“Quoted words” open this'])).toEqual({ title: null, next: 0 })
    expect(takeTitle(['', ''])).toEqual({ title: null, next: 2 })
    expect(takeTitle([])).toEqual({ title: null, next: 0 })
  })

  it('never reads past the lines it has, and a title is their own text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), (lines) => {
        const { title, next } = takeTitle(lines)
        expect(next).toBeGreaterThanOrEqual(0)
        expect(next).toBeLessThanOrEqual(lines.length)
        if (title !== null) expect(lines.slice(0, next).join(' ')).toContain(title)
      }),
    )
  })
})
