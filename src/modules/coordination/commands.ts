// Changing the map: proposing an issue (anyone signed in), the Secretariat's triage with its
// recorded reason, editing an issue's scope, and recording mechanisms. Each change authorizes,
// runs in one transaction and is in the audit log.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction, jsonb } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findOrganizationById } from '../actors/index.ts'
import { insertIssueUnlessSlugTaken, insertMechanism, lockIssue, updateIssue } from './queries-write.ts'
import type {
  DevelopingSupport,
  GovernmentParticipation,
  MechanismType,
  Scope,
  StakeholderParticipation,
} from './vocabulary.ts'

/** "Online gender-based violence" -> "online-gender-based-violence" */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

export async function proposeIssue(
  db: Db,
  ctx: CommandContext,
  input: { name: string; description: string; basket: string; locale: string },
): Promise<Result<{ id: number; slug: string }>> {
  const allowed = authorize(ctx.actor, 'issue.propose')
  if (!allowed.ok) return allowed
  const base = slugify(input.name) || `issue-${ctx.now.getTime().toString(36)}`
  return inTransaction(db, async (trx) => {
    // two people proposing the same name at once (a double click) both get an issue: a taken
    // slug takes the next free suffix, and the insert never fails on it
    let id: number | null = null
    let slug = base
    for (let n = 1; id === null && n <= 50; n++) {
      slug = n === 1 ? base : `${base}-${n}`
      id = await insertIssueUnlessSlugTaken(trx, {
        slug,
        basket: input.basket,
        name: jsonb({ [input.locale]: input.name }),
        description: jsonb({ [input.locale]: input.description }),
        scope: 'mixed',
        status: 'proposed',
        emerging: true,
        firstRaisedOn: isoDate(ctx.now),
        origin: 'proposal',
        proposedBy: accountIdOf(ctx.actor),
        triageReason: null,
        triagedBy: null,
        triagedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
    }
    if (id === null) return conflict('issue_slug_taken')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'issue.proposed',
      subjectType: 'issue',
      subjectId: id,
      payload: { slug, ...input },
    })
    return ok({ id, slug })
  })
}

export interface TriageInput {
  decision: 'accept' | 'decline'
  scope: Scope
  basket: string
  scopeRationale?: string | undefined
  reason: string
  emerging: boolean
}

/** The Secretariat accepts (with scope and basket) or declines a proposed issue, saying why. */
export async function triageIssue(db: Db, ctx: CommandContext, id: number, input: TriageInput): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'issue.triage')
  if (!allowed.ok) return allowed
  if (!input.reason.trim()) return invalid([{ path: 'reason', code: 'validation.required' }])
  return inTransaction(db, async (trx) => {
    const issue = await lockIssue(trx, id)
    if (!issue) return notFound('issue_not_found')
    if (issue.status !== 'proposed') return conflict('issue_already_triaged')
    await updateIssue(trx, id, {
      status: input.decision === 'accept' ? 'active' : 'declined',
      scope: input.scope,
      basket: input.basket,
      scopeRationale: input.scopeRationale ?? '',
      emerging: input.emerging,
      triageReason: input.reason,
      triagedBy: accountIdOf(ctx.actor),
      triagedAt: ctx.now,
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `issue.${input.decision === 'accept' ? 'accepted' : 'declined'}`,
      subjectType: 'issue',
      subjectId: id,
      payload: { ...input },
    })
    return ok(undefined)
  })
}

/** The Secretariat revises an issue of the taxonomy: its scope, basket, rationale or flag, saying why. */
export async function reviseIssue(
  db: Db,
  ctx: CommandContext,
  id: number,
  input: { scope: Scope; basket: string; scopeRationale?: string | undefined; emerging: boolean; reason: string },
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'issue.triage')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const issue = await lockIssue(trx, id)
    if (!issue) return notFound('issue_not_found')
    await updateIssue(trx, id, {
      scope: input.scope,
      basket: input.basket,
      scopeRationale: input.scopeRationale ?? issue.scopeRationale,
      emerging: input.emerging,
      firstRaisedOn: input.emerging && !issue.firstRaisedOn ? isoDate(ctx.now) : issue.firstRaisedOn,
      triageReason: input.reason,
      triagedBy: accountIdOf(ctx.actor),
      triagedAt: ctx.now,
      updatedAt: ctx.now,
    })
    // the record keeps what it was, so a change of scope can always be traced
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'issue.revised',
      subjectType: 'issue',
      subjectId: id,
      payload: { before: { scope: issue.scope, basket: issue.basket, emerging: issue.emerging }, after: input },
    })
    return ok(undefined)
  })
}

export interface MechanismInput {
  organizationId: number
  name: string
  type: MechanismType
  description?: string | undefined
  governments: GovernmentParticipation
  stakeholders: StakeholderParticipation
  support: DevelopingSupport[]
  website?: string | undefined
  issueIds: number[]
}

export async function createMechanism(
  db: Db,
  ctx: CommandContext,
  input: MechanismInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'mechanism.manage')
  if (!allowed.ok) return allowed
  if (!(await findOrganizationById(db, input.organizationId)))
    return invalid([{ path: 'organizationId', code: 'coordination.unknownOrganization' }])
  return inTransaction(db, async (trx) => {
    const issueIds = [...new Set(input.issueIds)]
    const id = await insertMechanism(
      trx,
      {
        organizationId: input.organizationId,
        name: input.name,
        type: input.type,
        description: input.description ?? '',
        governments: input.governments,
        stakeholders: input.stakeholders,
        support: input.support,
        website: input.website ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      issueIds,
    )
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'mechanism.created',
      subjectType: 'mechanism',
      subjectId: id,
      payload: { ...input, issueIds },
    })
    return ok({ id })
  })
}
