// The report as a Word document, in the reader's language for the frame and word for word for
// the negotiated text.

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { auditAnchorText } from '../../core/audit/anchor.tsx'
import { isRightToLeft } from '../../core/formats/direction.ts'
import { textLanguage } from '../../core/i18n/locales.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { introduction, type Report } from './report.ts'

export async function reportDocx(report: Report, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const bidirectional = i18n.dir === 'rtl'
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading: level, bidirectional })
  // the negotiated text runs in its own language's direction, whatever the reader's
  const rtl = (language: string | undefined) => textLanguage(language ?? i18n.locale).dir === 'rtl'
  const textRtl = rtl(report.document?.language)
  const para = (label: string | null, text: string, rightToLeft = textRtl) =>
    new Paragraph({
      bidirectional: rightToLeft,
      children: [...(label ? [new TextRun({ text: `${label} `, bold: true })] : []), new TextRun(text)],
    })
  const children = [
    report.document
      ? new Paragraph({ text: report.document.title, heading: HeadingLevel.TITLE, bidirectional: textRtl })
      : heading(report.process.title, HeadingLevel.TITLE),
    ...(report.document?.symbol ? [new Paragraph({ text: report.document.symbol, bidirectional })] : []),
    heading(t('reports.introduction'), HeadingLevel.HEADING_1),
    ...introduction(report, i18n).map((line) => new Paragraph({ text: line, bidirectional })),
    heading(t('reports.recommendations'), HeadingLevel.HEADING_1),
    ...report.recommendations.flatMap((p) => [para(p.label, p.text), ...p.continuation.map((l) => para(null, l))]),
    ...(report.divergentViews.length
      ? [
          heading(t('reports.divergentViews'), HeadingLevel.HEADING_2),
          new Paragraph({ text: t('reports.divergentNote'), bidirectional }),
          ...report.divergentViews.flatMap((p) => [para(p.label, p.text), ...p.continuation.map((l) => para(null, l))]),
        ]
      : []),
    heading(t('reports.annex1'), HeadingLevel.HEADING_1),
    // names are given as recorded (English for States): each runs the way its own letters do
    ...report.members.memberStates.map((s) => new Paragraph({ text: s, bidirectional: isRightToLeft(s) })),
    ...report.members.organizations.map(
      (o) =>
        new Paragraph({
          text: `${o.name} (${t(`actors.stakeholder.${o.stakeholderGroup}`)})`,
          bidirectional: isRightToLeft(o.name),
        }),
    ),
    heading(t('reports.annex2'), HeadingLevel.HEADING_1),
    ...report.proposals.flatMap((p) => [
      new Paragraph({ text: p.title, heading: HeadingLevel.HEADING_3, bidirectional: rtl(p.language) }),
      new Paragraph({
        text: `${i18n.list(p.proponents)} · ${t(`reports.proposalStatus.${p.status}`)}`,
        bidirectional,
      }),
      para(null, p.text, rtl(p.language)),
      ...(p.rationale
        ? [
            new Paragraph({
              children: [new TextRun({ text: p.rationale, italics: true })],
              bidirectional: rtl(p.language),
            }),
          ]
        : []),
    ]),
    ...(report.auditCheckpoint
      ? [new Paragraph({ text: auditAnchorText(t, report.auditCheckpoint), bidirectional })]
      : []),
  ]
  return Packer.toBuffer(new Document({ creator: 'ecp', title: report.process.title, sections: [{ children }] }))
}
