// The reporting cycle: the Secretariat opens year Y and invites organizations; representatives save
// drafts as they write and submit, which publishes and locks the report; a later submission is a
// new, recorded version. The invitation and the weekly reminders are audit entries that the
// notifications module turns into notices for the organizations' representatives, so each
// person's choice (at once, daily digest, inbox, off) applies: nothing here mails directly.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf, isStaff, organizationsOf, SYSTEM } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findOrganizationById, localized } from '../actors/index.ts'
import { recordImplementations } from '../reports/index.ts'
import { findCycle, findReport, invitationsOf, reportsOf } from './queries.ts'
import { allCycles, insertCycle, insertInvitation, markReminded, publishVersion, upsertDraft } from './queries-write.ts'
import { boardStatus, type ReportContent, submissionProblems } from './rules/report.ts'

export async function openCycle(
  db: Db,
  ctx: CommandContext,
  input: { year: number; deadline: string; organizationIds: number[]; illustrative?: boolean },
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'annualReport.manage')
  if (!allowed.ok) return allowed
  if (await findCycle(db, input.year)) return conflict('cycle_exists', { year: input.year })
  if (input.organizationIds.length === 0) return invalid([{ path: 'organizationIds', code: 'validation.required' }])
  return inTransaction(db, async (trx) => {
    const cycle = {
      id: await insertCycle(trx, {
        year: input.year,
        deadline: input.deadline,
        openedBy: accountIdOf(ctx.actor),
        openedAt: ctx.now,
        illustrative: input.illustrative ?? false,
      }),
    }
    for (const organizationId of new Set(input.organizationIds)) {
      if (!(await findOrganizationById(trx, organizationId)))
        return invalid([{ path: 'organizationIds', code: 'annualReports.unknownOrganization' }])
      await insertInvitation(trx, cycle.id, organizationId, ctx.now)
    }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'annual_report.cycle_opened',
      subjectType: 'annual_report_cycle',
      subjectId: cycle.id,
      payload: input,
    })
    return ok({ id: cycle.id })
  })
}

/** Saves what the representative has written so far; nothing is published. */
export async function saveDraft(
  db: Db,
  ctx: CommandContext,
  year: number,
  organizationId: number,
  content: ReportContent,
): Promise<Result<{ savedAt: Date }>> {
  const allowed = authorize(ctx.actor, 'annualReport.write', { organizationId })
  if (!allowed.ok) return allowed
  const cycle = await findCycle(db, year)
  if (!cycle) return notFound('cycle_not_found')
  const invited = (await invitationsOf(db, cycle.id)).some((i) => i.organizationId === organizationId)
  if (!invited) return notFound('invitation_not_found')
  return inTransaction(db, async (trx) => {
    await upsertDraft(trx, {
      cycleId: cycle.id,
      organizationId,
      content,
      at: ctx.now,
      by: accountIdOf(ctx.actor),
    })
    // drafts are private to the organization and the Secretariat: a restricted audit entry
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'annual_report.draft_saved',
      subjectType: 'organization',
      subjectId: organizationId,
      payload: { year },
      public: false,
    })
    return ok({ savedAt: ctx.now })
  })
}

/** Submitting publishes the draft as the next version and locks it. */
export async function submitReport(
  db: Db,
  ctx: CommandContext,
  year: number,
  organizationId: number,
): Promise<Result<{ version: number }>> {
  const allowed = authorize(ctx.actor, 'annualReport.write', { organizationId })
  if (!allowed.ok) return allowed
  const cycle = await findCycle(db, year)
  if (!cycle) return notFound('cycle_not_found')
  // the Secretariat keying in the report of an organization it does not represent: recorded as such
  const keyedIn =
    ctx.actor.kind === 'account' && isStaff(ctx.actor) && !organizationsOf(ctx.actor).includes(organizationId)
  return inTransaction(db, async (trx) => {
    const report = await findReport(trx, cycle.id, organizationId, { forUpdate: true })
    if (!report) return invalid([{ path: 'actions', code: 'validation.required' }])
    const problems = submissionProblems(report.draft)
    if (problems.length) return invalid(problems)
    const version = report.version + 1
    await publishVersion(trx, {
      reportId: report.id,
      number: version,
      content: report.draft,
      by: accountIdOf(ctx.actor),
      at: ctx.now,
      keyedIn,
    })
    // the recommendations its actions implement become their follow-up, sourced to this report
    const organization = await findOrganizationById(trx, organizationId)
    const implemented = await recordImplementations(trx, ctx, {
      annualReportId: report.id,
      year,
      reference: `${localized(organization?.name, 'en')} ${year}`,
      paragraphIds: report.draft.implements ?? [],
    })
    if (!implemented.ok) return implemented
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'annual_report.submitted',
      subjectType: 'annual_report',
      subjectId: report.id,
      payload: { year, organizationId, version, keyedIn, content: report.draft },
    })
    return ok({ version })
  })
}

const WEEK_MS = 7 * 86_400_000

/**
 * Reminds invited organizations that have not submitted, within two weeks of the deadline or after
 * it, at most once a week each: an `annual_report.reminder_sent` entry per organization, which the
 * notices job turns into a notice to its representatives.
 */
export async function sendReminders(db: Db, now: Date): Promise<number> {
  const today = isoDate(now)
  const week = Math.floor(now.getTime() / WEEK_MS)
  let sent = 0
  for (const cycle of await allCycles(db)) {
    const soon = new Date(`${cycle.deadline}T00:00:00Z`).getTime() - now.getTime() < 14 * 86_400_000
    if (!soon) continue
    const reports = await reportsOf(db, cycle.id)
    for (const invitation of await invitationsOf(db, cycle.id)) {
      const report = reports.find((r) => r.organizationId === invitation.organizationId)
      if (boardStatus(report, cycle.deadline, today) === 'published') continue
      const last = invitation.lastRemindedAt
      if (last && Math.floor(last.getTime() / WEEK_MS) === week) continue
      await inTransaction(db, async (trx) => {
        await markReminded(trx, cycle.id, invitation.organizationId, now)
        await recordAudit(trx, {
          actor: SYSTEM,
          at: now,
          action: 'annual_report.reminder_sent',
          subjectType: 'organization',
          subjectId: invitation.organizationId,
          payload: { year: cycle.year, organizationId: invitation.organizationId, deadline: cycle.deadline },
        })
      })
      sent++
    }
  }
  return sent
}
