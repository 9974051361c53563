// The synthesis of a year's published reports for the Secretary-General's report, per issue
// (compared with the previous year) and per high-level characteristic; as data, Word and JSON.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import type { Db } from '../../core/db/database.ts'
import { isRightToLeft } from '../../core/formats/direction.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { followUpSynthesis } from '../reports/index.ts'
import { findCycle, publishedReports } from './queries.ts'
import { synthesizeCharacteristics, synthesizeIssues } from './rules/report.ts'

export async function synthesisOf(db: Db, year: number) {
  const cycle = await findCycle(db, year)
  if (!cycle) return null
  const previousCycle = await findCycle(db, year - 1)
  const [current, previous] = await Promise.all([
    publishedReports(db, year),
    previousCycle ? publishedReports(db, year - 1) : [],
  ])
  const asReports = (rows: Awaited<ReturnType<typeof publishedReports>>) =>
    rows.map((r) => ({ organizationId: r.organizationId, content: r.published ?? {} }))
  return {
    cycle,
    reports: current.length,
    previousYear: previousCycle ? previousCycle.year : null,
    issues: synthesizeIssues(asReports(current), asReports(previous)),
    characteristics: synthesizeCharacteristics(asReports(current)),
    // what became of the recommendations of issued reports that year, from every source
    followUps: await followUpSynthesis(db, year),
  }
}

export type Synthesis = NonNullable<Awaited<ReturnType<typeof synthesisOf>>>

export async function synthesisDocx(
  s: Synthesis,
  i18n: Translator,
  names: { orgName: (id: number) => string; issueName: (slug: string) => string },
): Promise<Buffer> {
  const t = i18n.t
  const bidirectional = i18n.dir === 'rtl'
  const p = (text: string) => new Paragraph({ text, bidirectional })
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading, bidirectional })
  const children = [
    h(t('annualReports.synthesis.heading', { year: s.cycle.year }), HeadingLevel.TITLE),
    p(t('annualReports.synthesis.lead', { count: s.reports })),
    h(t('annualReports.synthesis.byIssue'), HeadingLevel.HEADING_1),
    ...s.issues.map((row) =>
      p(
        `${names.issueName(row.issue)}: ${row.organizations.length}${row.organizations.length ? ` (${i18n.list(row.organizations.map(names.orgName))})` : ''}${s.previousYear ? ` · ${t('annualReports.synthesis.previous', { year: s.previousYear })}: ${row.previous}` : ''}`,
      ),
    ),
    h(t('annualReports.synthesis.byCharacteristic'), HeadingLevel.HEADING_1),
    ...s.characteristics.flatMap((ch) => [
      h(t(`annualReports.characteristic.${ch.characteristic}`), HeadingLevel.HEADING_2),
      ...(ch.entries.length
        ? ch.entries.map(
            // an organization's own words, of no recorded language, run as their first letter says
            (e) =>
              new Paragraph({
                text: `${names.orgName(e.organizationId)}: ${e.text}`,
                bidirectional: isRightToLeft(e.text),
              }),
          )
        : [p(t('annualReports.synthesis.nothing'))]),
    ]),
    h(t('annualReports.synthesis.followUp', { year: s.cycle.year }), HeadingLevel.HEADING_1),
    ...(s.followUps.length
      ? s.followUps.map((f) =>
          p(`${f.reference}: ${t(`reports.followUpStatus.${f.status}`)} (${i18n.list(f.sources)})`),
        )
      : [p(t('annualReports.synthesis.noFollowUp'))]),
  ]
  return Packer.toBuffer(new Document({ creator: 'ecp', title: `Synthesis ${s.cycle.year}`, sections: [{ children }] }))
}
