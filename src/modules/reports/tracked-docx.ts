// A comparison of two revisions as Word tracked changes: each insertion a w:ins and each deletion
// a w:del, with the delegation that proposed it as the author and the day it was incorporated as
// the date, so Word and LibreOffice list them as changes a delegation can accept or reject one by
// one. A paragraph added or removed as a whole also marks its paragraph mark, so accepting the
// change leaves no empty paragraph behind. Pure: it takes what to print, in words.
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, Tab, TextRun } from 'docx'
import { UN_STYLES } from './un-docx.ts'

export interface TrackedPiece {
  text: string
  change: 'same' | 'inserted' | 'deleted'
}

export interface TrackedParagraph {
  label: string | null
  change: 'same' | 'inserted' | 'deleted' | 'changed'
  pieces: TrackedPiece[]
  /** who proposed the change: the delegation(s), else the Chair or Secretariat that issued the revision */
  author: string
  /** when it was made (ISO 8601 date-time) */
  date: string
}

export interface TrackedComparison {
  title: string
  heading: string
  legend: string
  paragraphs: TrackedParagraph[]
  /** the reader's direction (the frame), and the negotiated text's */
  readerRtl: boolean
  textRtl: boolean
  language: string
}

/** The comparison as .docx bytes, with revision marks rather than formatting. */
export async function trackedComparisonDocx(view: TrackedComparison): Promise<Buffer> {
  // every w:ins and w:del needs an id unique in the document
  let id = 0
  const mark = (p: TrackedParagraph) => ({ id: ++id, author: p.author, date: p.date })
  const run = (p: TrackedParagraph, piece: TrackedPiece) => {
    if (piece.change === 'inserted') return new InsertedTextRun({ text: piece.text, ...mark(p) })
    if (piece.change === 'deleted') return new DeletedTextRun({ text: piece.text, ...mark(p) })
    return new TextRun(piece.text)
  }
  const paragraphs = view.paragraphs.map((p) => {
    // the label goes in and out with a paragraph added or removed whole
    const label = p.label
      ? p.change === 'inserted'
        ? new InsertedTextRun({ children: [p.label, new Tab()], ...mark(p) })
        : p.change === 'deleted'
          ? new DeletedTextRun({ children: [p.label, new Tab()], ...mark(p) })
          : new TextRun({ children: [p.label, new Tab()] })
      : null
    const paragraphMark =
      p.change === 'inserted' ? { insertion: mark(p) } : p.change === 'deleted' ? { deletion: mark(p) } : {}
    return new Paragraph({
      style: 'SingleTxt',
      bidirectional: view.textRtl,
      run: paragraphMark,
      children: [...(label ? [label] : []), ...p.pieces.map((piece) => run(p, piece))],
    })
  })
  return Packer.toBuffer(
    new Document({
      creator: 'ecp',
      title: view.title,
      styles: {
        default: { document: { run: { size: 20, language: { value: view.language } } } },
        paragraphStyles: UN_STYLES,
      },
      // further edits in Word are tracked too
      features: { trackRevisions: true },
      sections: [
        {
          children: [
            new Paragraph({ style: 'HCh', text: view.title, bidirectional: view.textRtl }),
            new Paragraph({ style: 'H1', text: view.heading, bidirectional: view.readerRtl }),
            new Paragraph({ style: 'SingleTxt', text: view.legend, bidirectional: view.readerRtl }),
            ...paragraphs,
          ],
        },
      ],
    }),
  )
}
