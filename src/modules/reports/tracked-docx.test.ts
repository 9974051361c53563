// The comparison read back from the Word file: real revision marks (w:ins, w:del) with the
// proposing delegation as author and the date, deleted text in w:delText, whole paragraphs marked
// at their paragraph mark, revision tracking left on; and LibreOffice lists the changes.
import { describe, expect, it } from 'vitest'
import { docxPart, docxToText, soffice } from '../../../test/support/docx.ts'
import { el, xpath } from '../../../test/support/xml.ts'
import { type TrackedComparison, trackedComparisonDocx } from './tracked-docx.ts'

const VIEW: TrackedComparison = {
  title: 'Draft recommendations',
  heading: 'Rev.1 compared with Rev.2',
  legend: 'Changes are tracked: accept or reject each in Word.',
  readerRtl: false,
  textRtl: false,
  language: 'en',
  paragraphs: [
    {
      label: '1.',
      change: 'same',
      pieces: [{ text: 'Recommends reporting;', change: 'same' }],
      author: 'Chair',
      date: '2026-05-02T10:00:00Z',
    },
    {
      label: '2.',
      change: 'changed',
      pieces: [
        { text: 'Encourages ', change: 'same' },
        { text: 'all', change: 'deleted' },
        { text: 'relevant', change: 'inserted' },
        { text: ' organizations;', change: 'same' },
      ],
      author: 'Brazil',
      date: '2026-05-03T11:30:00Z',
    },
    {
      label: '3.',
      change: 'inserted',
      pieces: [{ text: 'Invites the Secretariat;', change: 'inserted' }],
      author: 'Egypt',
      date: '2026-05-04T09:00:00Z',
    },
    {
      label: '4.',
      change: 'deleted',
      pieces: [{ text: 'Decides to close;', change: 'deleted' }],
      author: 'Internet Society',
      date: '2026-05-04T09:30:00Z',
    },
  ],
}

const attr = (name: string) => `@*[local-name()='${name}']`

describe('the comparison as Word tracked changes', () => {
  it('marks the word replaced as a deletion and an insertion by the delegation that proposed it, on its date', async () => {
    const xml = docxPart(await trackedComparisonDocx(VIEW), 'word/document.xml') as Uint8Array
    const ins = `//${el('ins')}[.//${el('t')}='relevant']`
    expect(xpath(xml, `string(${ins}/${attr('author')})`)).toBe('Brazil')
    expect(xpath(xml, `string(${ins}/${attr('date')})`)).toBe('2026-05-03T11:30:00Z')
    const del = `//${el('del')}[.//${el('delText')}='all']`
    expect(xpath(xml, `string(${del}/${attr('author')})`)).toBe('Brazil')
    // deleted text is w:delText inside w:del, never a struck-through w:t
    expect(xpath(xml, `count(//${el('strike')})`)).toBe('0')
    expect(xpath(xml, `count(//${el('u')})`)).toBe('0')
  })

  it('marks a paragraph added or removed whole at its paragraph mark, with its label', async () => {
    const xml = docxPart(await trackedComparisonDocx(VIEW), 'word/document.xml') as Uint8Array
    const added = `//${el('p')}[contains(string(.), 'Invites the Secretariat')]`
    expect(xpath(xml, `string(${added}/${el('pPr')}/${el('rPr')}/${el('ins')}/${attr('author')})`)).toBe('Egypt')
    expect(xpath(xml, `count(${added}/${el('ins')})`)).toBe('2')
    const removed = `//${el('p')}[contains(string(.), 'Decides to close')]`
    expect(xpath(xml, `string(${removed}/${el('pPr')}/${el('rPr')}/${el('del')}/${attr('author')})`)).toBe(
      'Internet Society',
    )
    expect(xpath(xml, `count(${removed}//${el('delText')})`)).toBe('2')
  })

  it('gives every revision mark its own id, and leaves unchanged paragraphs unmarked', async () => {
    const xml = docxPart(await trackedComparisonDocx(VIEW), 'word/document.xml') as Uint8Array
    const ids = xpath(xml, `//*[local-name()='ins' or local-name()='del']/${attr('id')}`)
      .split(/\s+/)
      .filter(Boolean)
    expect(ids.length).toBe(8)
    expect(new Set(ids).size).toBe(ids.length)
    expect(
      xpath(
        xml,
        `count(//${el('p')}[contains(string(.), 'Recommends reporting')]//*[local-name()='ins' or local-name()='del'])`,
      ),
    ).toBe('0')
  })

  it('keeps revision tracking on for further edits', async () => {
    const settings = docxPart(await trackedComparisonDocx(VIEW), 'word/settings.xml') as Uint8Array
    expect(xpath(settings, `count(//${el('trackRevisions')})`)).toBe('1')
  })

  const lo = soffice()
  it.skipIf(!lo)(
    'opens in LibreOffice, which shows the text with the changes still pending (skipped when LibreOffice is not installed)',
    async () => {
      const text = docxToText(await trackedComparisonDocx(VIEW), lo as string)
      // LibreOffice's text export shows the document with its changes: both the deleted and the inserted words
      expect(text).toContain('relevant')
      expect(text).toContain('Invites the Secretariat')
    },
    120_000,
  )
})
