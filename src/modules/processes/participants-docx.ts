// The list of participants as Word, in the UN layout: the title and the meeting under it, then
// "Member States", "Observers", "Stakeholders", each delegation's name in bold and its
// representatives under it, indented, those who took part remotely marked so. Named Word styles
// (Title, Heading 1, Heading 2), so an editor continues in Word; right to left in Arabic.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { Delegation, ParticipantList } from './rules/participants.ts'

export interface ParticipantsLabels {
  title: string
  meeting: string
  memberStates: string
  observers: string
  stakeholders: string
  remote: string
  none: string
}

function delegationParagraphs(d: Delegation, labels: ParticipantsLabels, rtl: boolean): Paragraph[] {
  const people = d.people.map(
    (p) =>
      new Paragraph({
        bidirectional: rtl,
        indent: { start: 567 },
        children: [
          new TextRun({ text: p.name, rightToLeft: rtl }),
          ...(p.function ? [new TextRun({ text: `, ${p.function}`, rightToLeft: rtl })] : []),
          ...(p.mode === 'remote'
            ? [new TextRun({ text: ` (${labels.remote})`, italics: true, rightToLeft: rtl })]
            : []),
        ],
      }),
  )
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      bidirectional: rtl,
      keepNext: true,
      children: [
        new TextRun({ text: d.name, rightToLeft: rtl }),
        ...(d.mode === 'remote' && d.people.length === 0
          ? [new TextRun({ text: ` (${labels.remote})`, italics: true, rightToLeft: rtl })]
          : []),
      ],
    }),
    ...people,
  ]
}

export async function participantsDocx(
  list: ParticipantList,
  labels: ParticipantsLabels,
  rtl: boolean,
): Promise<Buffer> {
  const section = (title: string, delegations: Delegation[]) =>
    delegations.length === 0
      ? []
      : [
          new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: rtl, text: title }),
          ...delegations.flatMap((d) => delegationParagraphs(d, labels, rtl)),
        ]
  const empty = list.memberStates.length + list.observers.length + list.stakeholders.length === 0
  const doc = new Document({
    creator: 'ecp',
    title: `${labels.title}: ${labels.meeting}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            bidirectional: rtl,
            text: labels.title,
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: rtl, text: labels.meeting }),
          ...section(labels.memberStates, list.memberStates),
          ...section(labels.observers, list.observers),
          ...section(labels.stakeholders, list.stakeholders),
          ...(empty ? [new Paragraph({ bidirectional: rtl, text: labels.none })] : []),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
