// Proposals of recommendations: put forward on behalf of States and organizations (the others
// named are asked to co-sponsor), revised and withdrawn by their proponents, merged by the Chair.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { conflict, forbidden, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findProcess, writeRefusal } from '../processes/index.ts'
import { knownParties, requestCosponsors } from './commands-cosponsors.ts'
import { accountOf, negotiationOpen } from './context.ts'
import { findProposal } from './queries.ts'
import { addVersion, insertProposal, lockProposalStatus, setMerged, setWithdrawn } from './queries-write.ts'

/** The statuses in which a proposal can still be revised, withdrawn or merged. */
const OPEN: readonly string[] = ['submitted', 'under_discussion']

export type Speaker = { memberStateIso3: string } | { organizationId: number }

/** Whether the one acting speaks for this State or organization. */
export function speaksAs(ctx: CommandContext, speaker: Speaker): boolean {
  return 'memberStateIso3' in speaker
    ? delegationsOf(ctx.actor).includes(speaker.memberStateIso3)
    : organizationsOf(ctx.actor).includes(speaker.organizationId)
}

export interface ProposalInput {
  processId: number
  title: string
  text: string
  rationale?: string | undefined
  /** the language the text is written in (English when not said) */
  language?: Locale | undefined
  memberStates: string[]
  organizations: number[]
  contributionIds?: number[] | undefined
}

export async function submitProposal(
  db: Db,
  ctx: CommandContext,
  input: ProposalInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'proposal.submit')
  if (!allowed.ok) return allowed
  const process = await findProcess(db, input.processId)
  if (!process) return notFound('process_not_found')
  const concluded = writeRefusal(process, 'negotiation')
  if (!concluded.ok) return concluded
  // the one submitting speaks for at least one proponent; the others are asked to co-sponsor
  const states = [...new Set(input.memberStates)]
  const orgs = [...new Set(input.organizations)]
  const ownStates = states.filter((s) => speaksAs(ctx, { memberStateIso3: s }))
  const ownOrgs = orgs.filter((o) => speaksAs(ctx, { organizationId: o }))
  if (ownStates.length + ownOrgs.length === 0) return forbidden('not_a_proponent')
  const known = await knownParties(db, states, orgs)
  if (!known.ok) return known
  return inTransaction(db, async (trx) => {
    const open = await negotiationOpen(trx, ctx, input.processId)
    if (!open.ok) return open
    const row = await insertProposal(
      trx,
      { accountId: accountOf(ctx.actor), now: ctx.now },
      {
        ...input,
        memberStates: ownStates,
        organizations: ownOrgs,
        status: 'submitted',
      },
    )
    await requestCosponsors(trx, ctx, row.id, {
      memberStates: states.filter((s) => !ownStates.includes(s)),
      organizations: orgs.filter((o) => !ownOrgs.includes(o)),
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.submitted',
      subjectType: 'proposal',
      subjectId: row.id,
      payload: {
        processId: input.processId,
        title: input.title,
        text: input.text,
        memberStates: ownStates,
        organizations: ownOrgs,
        cosponsorsAsked: {
          memberStates: states.filter((s) => !ownStates.includes(s)),
          organizations: orgs.filter((o) => !ownOrgs.includes(o)),
        },
        contributionIds: input.contributionIds ?? [],
      },
    })
    return ok({ id: row.id })
  })
}

export async function reviseProposal(
  db: Db,
  ctx: CommandContext,
  id: number,
  input: { text: string; rationale?: string | undefined },
): Promise<Result<{ version: number }>> {
  const proposal = await findProposal(db, id)
  if (!proposal) return notFound('proposal_not_found')
  // the original proponents alone: a co-sponsor may withdraw its co-sponsorship, not the proposal
  const allowed = authorize(ctx.actor, 'proposal.revise', {
    memberStates: proposal.proponentStates,
    organizations: proposal.proponentOrganizations,
  })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    // the status is read under the row's lock: a withdrawal or merge committed meanwhile is seen
    const status = await lockProposalStatus(trx, id)
    if (!status) return notFound('proposal_not_found')
    if (!OPEN.includes(status)) return conflict(`proposal_${status}`)
    const open = await negotiationOpen(trx, ctx, proposal.processId)
    if (!open.ok) return open
    const version = await addVersion(trx, id, {
      text: input.text,
      rationale: input.rationale ?? proposal.versions.at(-1)?.rationale ?? '',
      createdBy: accountOf(ctx.actor),
      now: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.revised',
      subjectType: 'proposal',
      subjectId: id,
      payload: { version, text: input.text },
    })
    return ok({ version })
  })
}

export async function withdrawProposal(db: Db, ctx: CommandContext, id: number): Promise<Result<void>> {
  const proposal = await findProposal(db, id)
  if (!proposal) return notFound('proposal_not_found')
  // the original proponents alone: a co-sponsor may withdraw its co-sponsorship, not the proposal
  const allowed = authorize(ctx.actor, 'proposal.revise', {
    memberStates: proposal.proponentStates,
    organizations: proposal.proponentOrganizations,
  })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    // the status is read under the row's lock: a withdrawal or merge committed meanwhile is seen
    const status = await lockProposalStatus(trx, id)
    if (!status) return notFound('proposal_not_found')
    if (!OPEN.includes(status)) return conflict(`proposal_${status}`)
    const open = await negotiationOpen(trx, ctx, proposal.processId)
    if (!open.ok) return open
    await setWithdrawn(trx, id, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.withdrawn',
      subjectType: 'proposal',
      subjectId: id,
      payload: {},
    })
    return ok(undefined)
  })
}

/** The Chair merges proposals into a new one: its proponents and sources are theirs together. */
export async function mergeProposals(
  db: Db,
  ctx: CommandContext,
  input: { ids: number[]; title: string; text: string; rationale?: string | undefined; language?: Locale | undefined },
): Promise<Result<{ id: number }>> {
  const proposals = (await Promise.all(input.ids.map((id) => findProposal(db, id)))).filter((p) => p !== undefined)
  if (proposals.length < 2 || proposals.length !== new Set(input.ids).size)
    return invalid([{ path: 'ids', code: 'negotiation.mergeNeedsTwo' }])
  const processId = proposals[0]?.processId as number
  if (proposals.some((p) => p.processId !== processId))
    return invalid([{ path: 'ids', code: 'negotiation.mergeAcrossProcesses' }])
  const process = await findProcess(db, processId)
  if (!process) return notFound('process_not_found')
  const allowed = authorize(ctx.actor, 'proposal.merge', { bodyId: process.bodyId })
  if (!allowed.ok) return allowed
  const open = proposals.find((p) => !['submitted', 'under_discussion'].includes(p.status))
  if (open) return conflict(`proposal_${open.status}`, { id: open.id })
  return inTransaction(db, async (trx) => {
    const concluded = await negotiationOpen(trx, ctx, processId)
    if (!concluded.ok) return concluded
    const row = await insertProposal(
      trx,
      { accountId: accountOf(ctx.actor), now: ctx.now },
      {
        processId,
        title: input.title,
        text: input.text,
        rationale: input.rationale,
        language: input.language ?? proposals[0]?.language,
        status: 'under_discussion',
        memberStates: proposals.flatMap((p) => p.memberStates),
        organizations: proposals.flatMap((p) => p.organizations),
        contributionIds: proposals.flatMap((p) => p.contributions),
      },
    )
    await setMerged(trx, input.ids, row.id, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'proposal.merged',
      subjectType: 'proposal',
      subjectId: row.id,
      payload: { from: input.ids, title: input.title, text: input.text },
    })
    return ok({ id: row.id })
  })
}
