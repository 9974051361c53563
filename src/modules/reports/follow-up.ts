// The follow-up of issued reports as other modules see it: the recommendations an organization's
// annual report may say it implements, the follow-up records such a report writes, and a year's
// follow-up for the synthesis of annual reports.
import type { CommandContext } from '../../core/audit/audit.ts'
import type { Db } from '../../core/db/database.ts'
import { ok, type Result } from '../../core/result.ts'
import { writeFollowUp } from './commands.ts'
import {
  divergentChoices,
  findIssue,
  followUpsOf,
  followUpsOfAnnualReport,
  followUpsOfYear,
  issuedProcessIds,
} from './queries.ts'
import { assembleReport, textOf } from './report.ts'
import { arrange } from './rules/arrange.ts'
import { yearByYear } from './rules/follow-up.ts'

export interface IssuedRecommendation {
  paragraphId: number
  processId: number
  /** the report's symbol and the recommendation's number in it: "E/CN.16/2018/CRP.3, 1." */
  reference: string
  text: string
}

/** Every recommendation of every issued report, newest report first. */
export async function issuedRecommendations(db: Db): Promise<IssuedRecommendation[]> {
  const out: IssuedRecommendation[] = []
  for (const processId of await issuedProcessIds(db)) {
    const report = await assembleReport(db, processId)
    if (!report?.issue) continue
    for (const r of report.recommendations)
      if (r.kind === 'operative')
        out.push({
          paragraphId: r.id,
          processId,
          reference: `${report.issue.symbol}, ${r.label ?? ''}`.trim(),
          text: r.text,
        })
  }
  return out
}

/**
 * Records that an organization's annual report says its actions implement these recommendations
 * (status under way, source: the annual report), once per recommendation and report. The caller
 * (annual reports) has authorized its writer; this runs inside its transaction.
 */
export async function recordImplementations(
  db: Db,
  ctx: CommandContext,
  input: { annualReportId: number; year: number; reference: string; paragraphIds: readonly number[] },
): Promise<Result<void>> {
  const known = await issuedRecommendations(db)
  const already = new Set((await followUpsOfAnnualReport(db, input.annualReportId)).map((f) => f.paragraphId))
  for (const paragraphId of new Set(input.paragraphIds)) {
    const recommendation = known.find((r) => r.paragraphId === paragraphId)
    if (!recommendation || already.has(paragraphId)) continue
    const written = await writeFollowUp(db, ctx, recommendation.processId, {
      paragraphId,
      year: input.year,
      status: 'under_way',
      sourceKind: 'annual_report',
      sourceReference: input.reference,
      annualReportId: input.annualReportId,
    })
    if (!written.ok) return written
  }
  return ok(undefined)
}

/** The year's follow-up, one row per recommendation with a record that year: its latest status and every source. */
export async function followUpSynthesis(db: Db, year: number) {
  const records = await followUpsOfYear(db, year)
  if (records.length === 0) return []
  const recommendations = await issuedRecommendations(db)
  return recommendations.flatMap((r) => {
    const mine = records.filter((f) => f.paragraphId === r.paragraphId)
    const latest = yearByYear(mine)[0]
    if (!latest) return []
    return [{ ...r, status: latest.status, sources: [...new Set(mine.map((f) => f.sourceReference))] }]
  })
}

/**
 * A process's issued report as measures read it (the scorecard), without assembling the whole
 * report: the day issued, its recommendations (operative paragraphs, as the report arranges
 * them) and every follow-up record of the process; null when no report is issued.
 */
export async function recommendationsRecord(db: Db, processId: number) {
  const issue = await findIssue(db, processId)
  if (!issue) return null
  const [paragraphs, choices, followUps] = await Promise.all([
    textOf(db, issue.documentId, issue.revision),
    divergentChoices(db, processId),
    followUpsOf(db, processId),
  ])
  return {
    issuedOn: issue.issuedOn,
    recommendations: arrange(paragraphs, choices)
      .recommendations.filter((r) => r.kind === 'operative')
      .map((r) => r.id),
    followUps: followUps.map((f) => ({
      paragraphId: f.paragraphId,
      year: f.year,
      status: f.status,
      recordedAt: f.recordedAt,
    })),
  }
}
