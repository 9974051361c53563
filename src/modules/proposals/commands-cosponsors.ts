// Co-sponsorship with consent: a proposal's proponents ask States and organizations to co-sponsor
// it; each is shown as co-sponsor only once one of its own delegates or representatives accepts,
// and may decline or later withdraw (rules/cosponsorship.ts; the database checks the consent too).
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, type Issue, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState, findOrganizationById } from '../actors/index.ts'
import { accountOf, negotiationOpen } from './context.ts'
import { findProposal } from './queries.ts'
import { answerCosponsorshipRow, insertCosponsorship, lockCosponsorship } from './queries-write.ts'
import { type CosponsorshipAnswer, cosponsorshipTransition } from './rules/cosponsorship.ts'
import type { CosponsorshipStatus } from './tables.ts'

export type Party = { memberStateIso3: string } | { organizationId: number }

/** Every State and organization named exists; an unknown code is refused where it was typed. */
export async function knownParties(
  db: Db,
  memberStates: readonly string[],
  organizations: readonly number[],
): Promise<Result<void>> {
  const issues: Issue[] = []
  for (const [i, iso3] of memberStates.entries())
    if (!(await findMemberState(db, iso3)))
      issues.push({ path: `memberStates.${i}`, code: 'negotiation.unknownCosponsor' })
  for (const [i, id] of organizations.entries())
    if (!(await findOrganizationById(db, id)))
      issues.push({ path: `organizations.${i}`, code: 'negotiation.unknownCosponsor' })
  return issues.length ? invalid(issues) : ok(undefined)
}

/** Sends each named State and organization a request to co-sponsor (inside the caller's transaction). */
export async function requestCosponsors(
  trx: Db,
  ctx: CommandContext,
  proposalId: number,
  asked: { memberStates: readonly string[]; organizations: readonly number[] },
): Promise<void> {
  const rows = [
    ...asked.memberStates.map((memberStateIso3) => ({ memberStateIso3, organizationId: null })),
    ...asked.organizations.map((organizationId) => ({ memberStateIso3: null, organizationId })),
  ]
  for (const party of rows) {
    const row = { id: await insertCosponsorship(trx, proposalId, party, accountOf(ctx.actor), ctx.now) }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.cosponsorship_requested',
      subjectType: 'proposal',
      subjectId: proposalId,
      payload: { cosponsorshipId: row.id, ...party },
    })
  }
}

const sameParty = (party: Party) => (c: { memberStateIso3: string | null; organizationId: number | null }) =>
  'memberStateIso3' in party ? c.memberStateIso3 === party.memberStateIso3 : c.organizationId === party.organizationId

/**
 * The State or organization asked answers for itself: accept (it is then shown as co-sponsor),
 * decline, or later withdraw its co-sponsorship. Only its own delegates or representatives answer.
 */
export async function answerCosponsorship(
  db: Db,
  ctx: CommandContext,
  proposalId: number,
  party: Party,
  answer: CosponsorshipAnswer,
): Promise<Result<{ status: CosponsorshipStatus }>> {
  const allowed = authorize(ctx.actor, 'proposal.cosponsor', {
    memberStates: 'memberStateIso3' in party ? [party.memberStateIso3] : [],
    organizations: 'organizationId' in party ? [party.organizationId] : [],
  })
  if (!allowed.ok) return allowed
  const proposal = await findProposal(db, proposalId)
  if (!proposal) return notFound('proposal_not_found')
  const request = proposal.cosponsorships.find(sameParty(party))
  if (!request) return notFound('cosponsorship_not_found')
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, proposal.processId)
    if (!open.ok) return open
    const locked = await lockCosponsorship(trx, request.id)
    const next = cosponsorshipTransition(locked.status, answer)
    if (!next.ok) return next
    if (answer === 'accept' && !['submitted', 'under_discussion'].includes(proposal.status))
      return conflict(`proposal_${proposal.status}`)
    await answerCosponsorshipRow(trx, proposalId, locked, next.value, accountOf(ctx.actor), ctx.now)
    const who = { memberStateIso3: locked.memberStateIso3, organizationId: locked.organizationId }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `proposal.cosponsorship_${next.value}`,
      subjectType: 'proposal',
      subjectId: proposalId,
      payload: { cosponsorshipId: locked.id, ...who },
    })
    return ok({ status: next.value })
  })
}
