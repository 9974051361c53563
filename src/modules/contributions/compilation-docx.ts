// The compilation as a Word document (.docx), with headings in the reader's language and each
// answer's Markdown reduced to paragraphs and list items, each answer running in the direction of
// the language it was written in (an English answer reads left to right in the Arabic compilation).

import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { auditAnchorText } from '../../core/audit/anchor.tsx'
import { isRightToLeft } from '../../core/formats/direction.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { markdownBlocks } from '../../core/ui/markdown.ts'
import type { Compilation } from './compilation.ts'
import { groupLabel, regionLabel } from './labels.ts'

function countTable(i18n: Translator, title: string, counts: [string, number][]): (Paragraph | Table)[] {
  if (counts.length === 0) return []
  const bidirectional = i18n.dir === 'rtl'
  return [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_3, bidirectional }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: bidirectional,
      rows: counts.map(
        ([label, n]) =>
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph({ text: label, bidirectional })] }),
              new TableCell({ children: [new Paragraph({ text: i18n.number(n), bidirectional })] }),
            ],
          }),
      ),
    }),
  ]
}

export async function compilationDocx(compilation: Compilation, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const rtl = i18n.dir === 'rtl'
  const { summary } = compilation
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: t('contributions.compilation.title'), heading: HeadingLevel.TITLE, bidirectional: rtl }),
    new Paragraph({ text: compilation.processTitle, heading: HeadingLevel.HEADING_1, bidirectional: rtl }),
    new Paragraph({
      text: t('contributions.compilation.summary'),
      heading: HeadingLevel.HEADING_2,
      bidirectional: rtl,
    }),
    new Paragraph({ text: t('contributions.count', { count: summary.total }), bidirectional: rtl }),
    ...countTable(
      i18n,
      t('contributions.byStakeholderGroup'),
      Object.entries(summary.byStakeholderGroup).map(([k, n]) => [groupLabel(t, k), n]),
    ),
    ...countTable(
      i18n,
      t('contributions.byRegionalGroup'),
      Object.entries(summary.byRegionalGroup).map(([k, n]) => [regionLabel(t, k), n]),
    ),
    ...countTable(
      i18n,
      t('contributions.byDevelopmentStatus'),
      (['ldc', 'lldc', 'sids'] as const).map((k) => [t(`actors.classification.${k}`), summary.byDevelopmentStatus[k]]),
    ),
    ...countTable(
      i18n,
      t('contributions.byLanguage'),
      Object.entries(summary.byLanguage).map(([k, n]) => [t(`processes.language.${k}`), n]),
    ),
  ]
  for (const question of compilation.questions) {
    children.push(
      new Paragraph({
        text: t('contributions.compilation.question', { number: question.position, text: question.text }),
        heading: HeadingLevel.HEADING_2,
        bidirectional: rtl,
      }),
    )
    if (question.entries.length === 0) {
      children.push(new Paragraph({ text: t('contributions.compilation.noAnswers'), bidirectional: rtl }))
    }
    for (const entry of question.entries) {
      const about = [
        groupLabel(t, entry.stakeholderGroup),
        entry.regionalGroup ? regionLabel(t, entry.regionalGroup) : null,
      ]
        .filter(Boolean)
        .join(' · ')
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          bidirectional: rtl,
          children: [new TextRun({ text: entry.contributor }), new TextRun({ text: ` (${about})`, italics: true })],
        }),
      )
      const bidirectional = isRightToLeft(entry.text, entry.language)
      for (const block of markdownBlocks(entry.text)) {
        children.push(
          block.kind === 'item'
            ? new Paragraph({ text: block.text, bullet: { level: 0 }, bidirectional })
            : block.kind === 'heading'
              ? new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], bidirectional })
              : block.kind === 'quote'
                ? new Paragraph({
                    children: [new TextRun({ text: block.text, italics: true })],
                    indent: { start: 720 },
                    bidirectional,
                  })
                : new Paragraph({ text: block.text, bidirectional }),
        )
      }
    }
  }
  if (compilation.auditCheckpoint) {
    children.push(new Paragraph({ text: auditAnchorText(t, compilation.auditCheckpoint), bidirectional: rtl }))
  }
  const document = new Document({
    creator: 'ecp',
    title: `${t('contributions.compilation.title')}: ${compilation.processTitle}`,
    sections: [{ children }],
  })
  return Packer.toBuffer(document)
}
