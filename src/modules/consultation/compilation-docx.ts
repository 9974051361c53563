// The compilation by campaign as a Word document (.docx): every campaign once, with its count,
// template and most sent distinct additions, then every contribution in no campaign, each text
// running in the direction of the language it was written in. Read in pages (campaigns by size,
// the others by keyset), so no query holds the whole call at once.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { Db } from '../../core/db/database.ts'
import { isRightToLeft } from '../../core/formats/direction.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { markdownBlocks } from '../../core/ui/markdown.ts'
import { contributionTexts } from '../contributions/index.ts'
import type { Call } from '../processes/index.ts'
import { type CampaignRow, campaignsOfCall, loneContributions } from './queries.ts'

const BATCH = 1000

function textParagraphs(text: string, language: string | null): Paragraph[] {
  const bidirectional = isRightToLeft(text, language)
  return markdownBlocks(text).map((block) =>
    block.kind === 'item'
      ? new Paragraph({ text: block.text, bullet: { level: 0 }, bidirectional })
      : new Paragraph({ children: [new TextRun({ text: block.text, bold: block.kind === 'heading' })], bidirectional }),
  )
}

/** Every campaign of the call, the largest first. */
async function allCampaigns(db: Db, callId: number): Promise<CampaignRow[]> {
  const rows: CampaignRow[] = []
  for (let offset = 0; ; offset += BATCH) {
    const page = await campaignsOfCall(db, callId, { limit: BATCH, offset })
    rows.push(...page.rows)
    if (page.rows.length < BATCH) return rows
  }
}

export async function compilationByCampaignDocx(db: Db, call: Call, i18n: Translator): Promise<Buffer> {
  const { t, number } = i18n
  const rtl = i18n.dir === 'rtl'
  const campaigns = await allCampaigns(db, call.id)
  const title = t('consultation.compilation.title', { call: call.title })
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, bidirectional: rtl }),
    new Paragraph({ text: t('consultation.compilation.note'), bidirectional: rtl }),
    new Paragraph({
      text: t('consultation.compilation.campaigns', { count: campaigns.length }),
      heading: HeadingLevel.HEADING_1,
      bidirectional: rtl,
    }),
  ]
  for (const campaign of campaigns) {
    children.push(
      new Paragraph({
        text: t('consultation.campaign.title', { count: campaign.size }),
        heading: HeadingLevel.HEADING_2,
        bidirectional: rtl,
      }),
      ...textParagraphs(campaign.template, null),
    )
    if (campaign.topAdditions.length > 0) {
      children.push(
        new Paragraph({
          text: t('consultation.campaign.additions'),
          heading: HeadingLevel.HEADING_3,
          bidirectional: rtl,
        }),
        ...campaign.topAdditions.map(
          (a) =>
            new Paragraph({
              bullet: { level: 0 },
              bidirectional: isRightToLeft(a.text),
              children: [new TextRun({ text: a.text }), new TextRun({ text: ` (${number(a.count)})`, italics: true })],
            }),
        ),
      )
    }
  }
  let after = 0
  for (let first = true; ; first = false) {
    const lone = await loneContributions(db, call.id, { limit: BATCH, afterId: after })
    if (first)
      children.push(
        new Paragraph({
          text: t('consultation.compilation.lone', { count: lone.total }),
          heading: HeadingLevel.HEADING_1,
          bidirectional: rtl,
        }),
      )
    for (const k of await contributionTexts(db, lone.ids)) {
      children.push(
        new Paragraph({ text: k.contributorName, heading: HeadingLevel.HEADING_2, bidirectional: rtl }),
        ...textParagraphs(k.text, k.language),
      )
    }
    if (lone.ids.length < BATCH) break
    after = lone.ids.at(-1) as number
  }
  const document = new Document({ creator: 'ecp', title, sections: [{ children }] })
  return Packer.toBuffer(document)
}
