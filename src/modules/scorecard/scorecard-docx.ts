// The scorecard as a Word file, in the reader's language: a table per characteristic, the same
// rows as the page (values, the change from the year before, the self-reports).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import type { Translator } from '../../core/i18n/messages.ts'
import { selfReportText, trendText, valueText } from './format.ts'
import { trendOf } from './rules/scorecard.ts'
import type { ScorecardOf } from './scorecard.ts'

export async function scorecardDocx({ process, card }: ScorecardOf, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const bidirectional = i18n.dir === 'rtl'
  const p = (text: string) => new Paragraph({ text, bidirectional })
  const cell = (text: string) => new TableCell({ children: [p(text)] })
  const row = (cells: string[]) => new TableRow({ children: cells.map(cell) })
  const title = process ? t('scorecard.processTitle', { title: process.title }) : t('scorecard.title')
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, bidirectional }),
    p(t(process ? 'scorecard.leadProcess' : 'scorecard.leadPlatform')),
  ]
  if (card.years.length === 0) children.push(p(t('scorecard.empty')))
  else
    for (const ch of card.characteristics) {
      children.push(
        new Paragraph({
          text: t(`annualReports.characteristic.${ch.characteristic}`),
          heading: HeadingLevel.HEADING_1,
          bidirectional,
        }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          visuallyRightToLeft: bidirectional,
          rows: [
            row([t('scorecard.indicatorColumn'), ...card.years.map(String), t('scorecard.trend')]),
            ...ch.indicators.map((r) =>
              row([
                t(`scorecard.indicator.${r.id}`) + (r.scope === 'platform' ? ` (${t('scorecard.allProcesses')})` : ''),
                ...r.values.map((v) => valueText(i18n, r.kind, v)),
                trendText(i18n, r.kind, trendOf(r.values)),
              ]),
            ),
            row([t('scorecard.selfReported'), ...ch.selfReported.values.map((v) => selfReportText(i18n, v)), '']),
          ],
        }),
      )
    }
  return Packer.toBuffer(new Document({ creator: 'ecp', title, sections: [{ children }] }))
}
