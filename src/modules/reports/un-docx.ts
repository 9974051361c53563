// A document in the UN layout as Word: the symbol block (the organization at the left, the symbol
// at the right, a rule under them), distribution, date and original language at the top right, the
// masthead (body, session, agenda item), the title, numbered paragraphs, preambular paragraphs in
// italics, footnotes, the symbol in the header of the following pages and the page number in the
// footer. Every paragraph carries a named Word style (styles.xml), so a UN editor continues in Word
// with the house's styles instead of direct formatting. Pure: it takes what to print, in words.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  type IParagraphStyleOptions,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx'

/** A4 with 2 cm margins: the text is 9,638 twentieths of a point wide. */
const TEXT_WIDTH = 9638
/** UN paragraphs sit 2 cm in; their numbers hang 1 cm before the text. */
const INDENT = 1134
const HANG = 567
const FONT = 'Times New Roman'

export type UnBlock =
  | { kind: 'heading'; level: 1 | 2; text: string; rtl?: boolean }
  | { kind: 'annex'; title: string; subtitle?: string; rtl?: boolean }
  | {
      kind: 'numbered'
      number: string
      text: string
      rtl?: boolean
      /** said before the text, in italics (who held a divergent view) */
      lead?: string
      continuation?: string[]
      footnote?: number
    }
  | { kind: 'preambular'; text: string; rtl?: boolean; continuation?: string[] }
  | { kind: 'text'; text: string; rtl?: boolean; footnote?: number }
  | { kind: 'item'; text: string; rtl?: boolean }

export interface UnDocument {
  /** e.g. "E/CN.16/2018/CRP.3" */
  symbol: string
  /** the words, in the reader's language */
  organization: string
  distribution: string
  date: string
  original: string
  /** the body, its session, where and when: one line each, in bold */
  masthead: string[]
  agendaItem: string | null
  title: string
  blocks: UnBlock[]
  /** footnote number -> its text */
  footnotes: Record<number, string>
  /** the reader's language (BCP 47) and direction, for the frame */
  language: string
  rtl: boolean
  creator?: string
}

/** The house styles, by id; the names are what Word shows in its Styles pane. */
export const UN_STYLES: IParagraphStyleOptions[] = [
  style('UNSymbolBlock', 'UN Symbol Block', { size: 20 }, { spacing: { after: 240 } }),
  style('UNDistribution', 'UN Distribution', { size: 20 }, { indent: { left: 6804 }, spacing: { after: 0 } }),
  style('UNMasthead', 'UN Masthead', { size: 20, bold: true }, { spacing: { before: 240, after: 0 } }),
  style('UNAgendaItem', 'UN Agenda Item', { size: 20 }, { spacing: { after: 0 } }),
  style('HCh', 'UN HCh (title)', { size: 28, bold: true }, { spacing: { before: 360, after: 240 }, keepNext: true }),
  style('H1', 'UN H1', { size: 24, bold: true }, { spacing: { before: 360, after: 240 }, keepNext: true }),
  style('H23', 'UN H23', { size: 20, bold: true }, { spacing: { before: 240, after: 120 }, keepNext: true }),
  style(
    'SingleTxt',
    'UN Single Txt',
    { size: 20 },
    {
      indent: { left: INDENT + HANG, right: INDENT, hanging: HANG },
      spacing: { after: 120, line: 240 },
      alignment: AlignmentType.JUSTIFIED,
    },
  ),
  {
    ...style('Preambular', 'UN Preambular', { size: 20, italics: true }, {}),
    basedOn: 'SingleTxt',
    next: 'Preambular',
  },
  style('UNListItem', 'UN List Item', { size: 20 }, { indent: { left: INDENT + HANG * 2, right: INDENT } }),
  style('UNFooter', 'UN Footer', { size: 16, bold: true }, {}),
]

function style(
  id: string,
  name: string,
  run: IParagraphStyleOptions['run'],
  paragraph: IParagraphStyleOptions['paragraph'],
): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'SingleTxt', quickFormat: true, run: { font: FONT, ...run }, paragraph }
}

const footnoteRun = (n: number | undefined) => (n ? [new FootnoteReferenceRun(n)] : [])

function blockParagraphs(block: UnBlock, rtl: boolean): Paragraph[] {
  const bidirectional = block.rtl ?? rtl
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ style: block.level === 1 ? 'H1' : 'H23', text: block.text, bidirectional })]
    case 'annex':
      return [
        new Paragraph({ style: 'H1', bidirectional, children: [new PageBreak(), new TextRun(block.title)] }),
        ...(block.subtitle ? [new Paragraph({ style: 'HCh', text: block.subtitle, bidirectional })] : []),
      ]
    case 'numbered':
      return [
        new Paragraph({
          style: 'SingleTxt',
          bidirectional,
          children: [
            new TextRun({ children: [block.number, new Tab()] }),
            ...(block.lead ? [new TextRun({ text: `${block.lead} `, italics: true })] : []),
            new TextRun(block.text),
            ...footnoteRun(block.footnote),
          ],
        }),
        ...(block.continuation ?? []).map((line) => new Paragraph({ style: 'UNListItem', text: line, bidirectional })),
      ]
    case 'preambular':
      return [
        new Paragraph({ style: 'Preambular', text: block.text, bidirectional }),
        ...(block.continuation ?? []).map((line) => new Paragraph({ style: 'UNListItem', text: line, bidirectional })),
      ]
    case 'text':
      return [
        new Paragraph({
          style: 'SingleTxt',
          bidirectional,
          children: [new TextRun(block.text), ...footnoteRun(block.footnote)],
        }),
      ]
    case 'item':
      return [new Paragraph({ style: 'UNListItem', text: block.text, bidirectional })]
  }
}

/** The document as .docx bytes. */
export async function unDocx(doc: UnDocument): Promise<Buffer> {
  const rtl = doc.rtl
  // the organization at the start of the line, the symbol at its end, a rule beneath
  const symbolBlock = new Paragraph({
    style: 'UNSymbolBlock',
    bidirectional: rtl,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
    children: [
      new TextRun({ text: doc.organization, size: 28, bold: true }),
      new TextRun({ children: [new Tab()] }),
      new TextRun({ text: doc.symbol, size: 40 }),
    ],
  })
  const top = [doc.distribution, doc.date, '', doc.original].map(
    (line) => new Paragraph({ style: 'UNDistribution', text: line, bidirectional: rtl }),
  )
  const masthead = doc.masthead.map((line) => new Paragraph({ style: 'UNMasthead', text: line, bidirectional: rtl }))
  const agenda = doc.agendaItem
    ? [new Paragraph({ style: 'UNAgendaItem', text: doc.agendaItem, bidirectional: rtl })]
    : []
  const title = new Paragraph({ style: 'HCh', text: doc.title, bidirectional: rtl })
  const pageFooter = () =>
    new Footer({
      children: [
        new Paragraph({
          style: 'UNFooter',
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT] })],
        }),
      ],
    })
  const footnotes = Object.fromEntries(
    Object.entries(doc.footnotes).map(([n, text]) => [n, { children: [new Paragraph({ text, bidirectional: rtl })] }]),
  )
  return Packer.toBuffer(
    new Document({
      creator: doc.creator ?? 'ecp',
      title: `${doc.symbol} ${doc.title}`,
      styles: {
        default: { document: { run: { font: FONT, size: 20, language: { value: doc.language } } } },
        paragraphStyles: UN_STYLES,
      },
      footnotes,
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              size: { width: 11906, height: 16838 },
              margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
            },
          },
          headers: {
            // the first page carries the symbol block; the following ones the symbol in the header
            first: new Header({ children: [new Paragraph('')] }),
            default: new Header({
              children: [new Paragraph({ style: 'UNFooter', text: doc.symbol, bidirectional: rtl })],
            }),
          },
          footers: { first: pageFooter(), default: pageFooter() },
          children: [
            symbolBlock,
            ...top,
            ...masthead,
            ...agenda,
            title,
            ...doc.blocks.flatMap((b) => blockParagraphs(b, rtl)),
          ],
        },
      ],
    }),
  )
}
