// Recording capacity gaps and offers, following a gap's status over time, and matching offers to
// gaps. Each change authorizes, runs in one transaction and is in the audit log.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf, delegationsOf, isStaff } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState, REGIONAL_GROUPS } from '../actors/index.ts'
import { findIssue } from '../coordination/index.ts'
import { findGap, findOffer, insertGap, insertGapEvent, insertMatch, insertOffer, updateGapStatus } from './queries.ts'
import type { GapStatus } from './rules/matching.ts'
import { gapRecordingRefusal, type Recorder } from './rules/recording.ts'
import type { GapInput, OfferInput } from './schemas.ts'

export type { GapInput, OfferInput } from './schemas.ts'

/** The recorder as the rule sees them: Secretariat or not, their delegations and those States' groups. */
export async function recorderOf(db: Db, ctx: Pick<CommandContext, 'actor'>): Promise<Recorder> {
  const delegations = delegationsOf(ctx.actor)
  const groups = new Set<string>()
  for (const iso3 of delegations) {
    for (const g of (await findMemberState(db, iso3))?.regionalGroups ?? []) groups.add(g.group)
  }
  return {
    isSecretariat: ctx.actor.kind === 'system' || isStaff(ctx.actor),
    delegations,
    groupsOfDelegations: [...groups],
  }
}

/** Records a gap of a State (by its delegates or the Secretariat) or of a regional group (rules/recording.ts). */
export async function recordGap(db: Db, ctx: CommandContext, input: GapInput): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'capacity.record')
  if (!allowed.ok) return allowed
  const issues = []
  if (!!input.memberStateIso3 === !!input.regionalGroup) issues.push({ path: 'where', code: 'capacity.whereRequired' })
  if (input.memberStateIso3 && !(await findMemberState(db, input.memberStateIso3)))
    issues.push({ path: 'memberStateIso3', code: 'capacity.unknownState' })
  if (input.regionalGroup && !(REGIONAL_GROUPS as readonly string[]).includes(input.regionalGroup))
    issues.push({ path: 'regionalGroup', code: 'capacity.unknownGroup' })
  if (!(await findIssue(db, input.issueSlug))) issues.push({ path: 'issueSlug', code: 'capacity.unknownIssue' })
  if (issues.length) return invalid(issues)
  const refusal = gapRecordingRefusal(await recorderOf(db, ctx), input)
  if (!refusal.ok) return refusal
  return inTransaction(db, async (trx) => {
    const id = await insertGap(trx, {
      memberStateIso3: input.memberStateIso3 ?? null,
      regionalGroup: input.regionalGroup ?? null,
      issueSlug: input.issueSlug,
      description: input.description,
      source: input.source ?? '',
      identifiedOn: input.identifiedOn,
      createdBy: accountIdOf(ctx.actor),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await insertGapEvent(trx, {
      gapId: id,
      status: 'open',
      note: input.source ?? '',
      recordedBy: accountIdOf(ctx.actor),
      at: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'capacity.gap_recorded',
      subjectType: 'capacity_gap',
      subjectId: id,
      payload: { ...input },
    })
    return ok({ id })
  })
}

export async function setGapStatus(
  db: Db,
  ctx: CommandContext,
  id: number,
  status: GapStatus,
  note: string,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'capacity.manage')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const gap = await findGap(trx, id)
    if (!gap) return notFound('capacity_gap_not_found')
    if (gap.status === status) return conflict('capacity_gap_unchanged')
    await updateGapStatus(trx, id, status, ctx.now)
    await insertGapEvent(trx, { gapId: id, status, note, recordedBy: accountIdOf(ctx.actor), at: ctx.now })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'capacity.gap_status',
      subjectType: 'capacity_gap',
      subjectId: id,
      payload: { from: gap.status, to: status, note },
    })
    return ok(undefined)
  })
}

export async function recordOffer(db: Db, ctx: CommandContext, input: OfferInput): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'capacity.offer', { organizationId: input.organizationId })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const { issues: issueSlugs, ...rest } = input
    const id = await insertOffer(trx, {
      ...rest,
      issueSlugs,
      description: input.description ?? '',
      url: input.url ?? null,
      createdBy: accountIdOf(ctx.actor),
      createdAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'capacity.offer_recorded',
      subjectType: 'capacity_offer',
      subjectId: id,
      // the entry keeps the names it always had
      payload: { ...rest, issueSlugs },
    })
    return ok({ id })
  })
}

/** Matching an offer to a gap puts the gap in "being addressed" when it was open. */
export async function matchOffer(
  db: Db,
  ctx: CommandContext,
  gapId: number,
  offerId: number,
  note: string,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'capacity.manage')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const gap = await findGap(trx, gapId)
    if (!gap) return notFound('capacity_gap_not_found')
    if (!(await findOffer(trx, offerId))) return notFound('capacity_offer_not_found')
    const matched = await insertMatch(trx, {
      gapId,
      offerId,
      note,
      matchedBy: accountIdOf(ctx.actor),
      matchedAt: ctx.now,
    })
    if (!matched) return conflict('capacity_already_matched')
    if (gap.status === 'open') {
      await updateGapStatus(trx, gapId, 'being_addressed', ctx.now)
      await insertGapEvent(trx, {
        gapId,
        status: 'being_addressed',
        note,
        recordedBy: accountIdOf(ctx.actor),
        at: ctx.now,
      })
    }
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'capacity.matched',
      subjectType: 'capacity_gap',
      subjectId: gapId,
      payload: { offerId, note },
    })
    return ok(undefined)
  })
}
