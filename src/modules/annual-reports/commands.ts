// The reporting cycle: the Secretariat opens year Y and invites organizations (an invitation by
// mail to their representatives); representatives save drafts as they write and submit, which
// publishes and locks the report; a later submission is a new, recorded version. Reminders go
// through the mail outbox, one per organization representative per week.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { findAccount } from '../../core/auth/accounts.ts'
import { accountIdOf, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { grantsOfRole } from '../../core/auth/grants.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import type { Messages } from '../../core/i18n/messages.ts'
import { enqueueMail } from '../../core/mail/outbox.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { isolated } from '../../core/ui/name.tsx'
import { findOrganizationById, localized } from '../actors/index.ts'
import { recordImplementations } from '../reports/index.ts'
import { findCycle, findReport, invitationsOf, reportsOf } from './queries.ts'
import { allCycles, insertCycle, insertInvitation, markReminded, publishVersion, upsertDraft } from './queries-write.ts'
import { boardStatus, type ReportContent, submissionProblems } from './rules/report.ts'

/** Mails every representative of an organization once (the key makes a resend a no-op). */
async function mailRepresentatives(
  db: Db,
  messages: Messages,
  organizationId: number,
  mail: { kind: string; key: string; subject: string; body: string; values: Record<string, string | number> },
  baseUrl: string,
) {
  const grants = await grantsOfRole(db, 'stakeholder_representative', {
    type: 'organization',
    id: String(organizationId),
  })
  for (const g of grants) {
    const account = await findAccount(db, g.accountId)
    if (!account) continue
    const { t } = messages.translator(isLocale(account.preferredLocale) ? account.preferredLocale : 'en')
    await enqueueMail(db, {
      toAddress: account.email,
      toAccountId: account.id,
      locale: account.preferredLocale ?? 'en',
      kind: mail.kind,
      subject: t(mail.subject, mail.values),
      bodyText: `${t(mail.body, { ...mail.values, name: isolated(account.displayName) })}\n\n${baseUrl}/annual-reports/${mail.values.year}/report?organization=${organizationId}`,
      dedupeKey: `${mail.key}:${account.id}`,
    })
  }
}

export async function openCycle(
  db: Db,
  ctx: CommandContext,
  input: { year: number; deadline: string; organizationIds: number[]; illustrative?: boolean },
  mail: { messages: Messages; baseUrl: string },
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
      await mailRepresentatives(
        trx,
        mail.messages,
        organizationId,
        {
          kind: 'annual_report_invitation',
          key: `annual-report-invitation:${cycle.id}:${organizationId}`,
          subject: 'annualReports.mail.invitationSubject',
          body: 'annualReports.mail.invitationBody',
          values: { year: input.year, deadline: input.deadline },
        },
        mail.baseUrl,
      )
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

/** Reminds invited organizations that have not submitted, within two weeks of the deadline or after it. */
export async function sendReminders(db: Db, now: Date, mail: { messages: Messages; baseUrl: string }): Promise<number> {
  const today = isoDate(now)
  const week = Math.floor(now.getTime() / (7 * 86_400_000))
  let sent = 0
  for (const cycle of await allCycles(db)) {
    const soon = new Date(`${cycle.deadline}T00:00:00Z`).getTime() - now.getTime() < 14 * 86_400_000
    if (!soon) continue
    const reports = await reportsOf(db, cycle.id)
    for (const invitation of await invitationsOf(db, cycle.id)) {
      const report = reports.find((r) => r.organizationId === invitation.organizationId)
      if (boardStatus(report, cycle.deadline, today) === 'published') continue
      const org = await findOrganizationById(db, invitation.organizationId)
      await mailRepresentatives(
        db,
        mail.messages,
        invitation.organizationId,
        {
          kind: 'annual_report_reminder',
          key: `annual-report-reminder:${cycle.id}:${invitation.organizationId}:${week}`,
          subject: 'annualReports.mail.reminderSubject',
          body: 'annualReports.mail.reminderBody',
          values: { year: cycle.year, deadline: cycle.deadline, organization: localized(org?.name, 'en') },
        },
        mail.baseUrl,
      )
      await markReminded(db, cycle.id, invitation.organizationId, now)
      sent++
    }
  }
  return sent
}
