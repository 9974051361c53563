// A comparison of two revisions as a Word document: insertions underlined, deletions struck
// through, bracketed text left in its brackets, as delegations are used to reading them. The
// frame (headings, legend) runs in the reader's direction; the negotiated text in its own
// language's, so English text reads left to right in the Arabic document and the reverse.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { isRightToLeft } from '../../core/formats/direction.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { type Comparison, revisionName } from '../negotiation/index.ts'

export async function comparisonDocx(view: Comparison, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const readerRtl = i18n.dir === 'rtl'
  const textRtl = isRightToLeft(view.document.title, view.document.language)
  const paragraphs = view.changes.map(
    (ch) =>
      new Paragraph({
        bidirectional: textRtl,
        children: [
          ...(ch.label ? [new TextRun({ text: `${ch.label} `, bold: true })] : []),
          ...ch.pieces.map(
            (p) =>
              new TextRun({
                text: p.text,
                ...(p.change === 'inserted' ? { underline: {} } : {}),
                ...(p.change === 'deleted' ? { strike: true } : {}),
              }),
          ),
        ],
      }),
  )
  const doc = new Document({
    creator: 'ecp',
    title: view.document.title,
    sections: [
      {
        children: [
          new Paragraph({ text: view.document.title, heading: HeadingLevel.TITLE, bidirectional: textRtl }),
          new Paragraph({
            text: t('reports.compare.title', { from: revisionName(t, view.from), to: revisionName(t, view.to) }),
            heading: HeadingLevel.HEADING_1,
            bidirectional: readerRtl,
          }),
          new Paragraph({ text: t('reports.compare.legend'), bidirectional: readerRtl }),
          ...paragraphs,
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
