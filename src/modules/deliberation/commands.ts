// Deliberation state changes: open one, write a statement, moderate it, vote, close it. Each
// authorizes, validates, writes in one transaction with its audit entry. Statements and votes are
// refused once the deliberation is closed or the process it belongs to (through its call or its
// proposal) is concluded. A vote's entry is restricted (the
// log publishes a commitment only): how someone voted is not public.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { type Actor, accountIdOf, delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { enqueueJob } from '../../core/jobs/queue.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { electoralGroup, findMemberState, findOrganizationsByIds } from '../actors/index.ts'
import { findCall, processTakes } from '../processes/index.ts'
import { findProposal } from '../proposals/index.ts'
import {
  type Deliberation,
  findDeliberation,
  findStatement,
  lockDeliberation,
  participantOfAccount,
} from './queries.ts'
import {
  closeDeliberationRow,
  insertDeliberation,
  insertParticipant,
  insertStatement,
  setStatementStatus,
  upsertVote,
} from './queries-write.ts'
import { declaredGroups } from './rules/declared.ts'
import type { ModerationInput, OpenInput, StatementInput } from './schemas.ts'

export const ANALYZE_JOB = 'deliberation.analyze'

/** Opens a deliberation, from a call, a proposal or on its own (the Secretariat). */
export async function openDeliberation(db: Db, ctx: CommandContext, input: OpenInput): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'deliberation.open')
  if (!allowed.ok) return allowed
  if (input.callId && !(await findCall(db, input.callId)))
    return invalid([{ path: 'callId', code: 'deliberation.unknownCall' }])
  return inTransaction(db, async (trx) => {
    const id = await insertDeliberation(trx, {
      title: input.title,
      description: input.description ?? '',
      callId: input.callId ?? null,
      proposalId: input.proposalId ?? null,
      createdBy: accountIdOf(ctx.actor),
      createdAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'deliberation.opened',
      subjectType: 'deliberation',
      subjectId: id,
      payload: { ...input },
    })
    return ok({ id })
  })
}

/** The declared groups of a signed-in person, from the States and organizations they speak for. */
export async function declaredGroupsOf(db: Db, actor: Actor) {
  const delegations = []
  for (const iso3 of delegationsOf(actor)) {
    const state = await findMemberState(db, iso3)
    if (state) delegations.push({ electoralGroup: electoralGroup(state) })
  }
  const organizations = []
  for (const organization of await findOrganizationsByIds(db, organizationsOf(actor))) {
    const seat = organization.headquartersIso3 ? await findMemberState(db, organization.headquartersIso3) : undefined
    organizations.push({
      stakeholderGroup: organization.stakeholderGroup,
      headquartersGroup: seat ? electoralGroup(seat) : null,
    })
  }
  return declaredGroups(delegations, organizations)
}

/** The participant row of the acting account, made on first use with their declared groups. */
async function participantFor(db: Db, actor: Actor, deliberationId: number, at: Date): Promise<number> {
  const accountId = accountIdOf(actor) as number
  const existing = await participantOfAccount(db, deliberationId, accountId)
  if (existing) return existing.id
  return insertParticipant(db, { deliberationId, accountId, ...(await declaredGroupsOf(db, actor)), createdAt: at })
}

/** The process a deliberation belongs to, through the call or the proposal that opened it. */
export async function processIdOf(db: Db, deliberation: Deliberation): Promise<number | null> {
  if (deliberation.callId) return (await findCall(db, deliberation.callId))?.processId ?? null
  if (deliberation.proposalId) return (await findProposal(db, deliberation.proposalId))?.processId ?? null
  return null
}

/**
 * The deliberation, when it takes statements and votes: open, and its process not concluded (a
 * statement or a vote is a contribution to the process's record). Inside the writing transaction.
 */
async function takesPart(trx: Db, ctx: CommandContext, id: number): Promise<Result<Deliberation>> {
  const deliberation = await lockDeliberation(trx, id)
  if (!deliberation) return notFound('deliberation_not_found')
  if (deliberation.status !== 'open') return conflict('deliberation_closed')
  const processId = await processIdOf(trx, deliberation)
  if (processId) {
    const takes = await processTakes(trx, ctx, processId, 'contribution')
    if (!takes.ok) return takes
  }
  return ok(deliberation)
}

/** The Secretariat closes a deliberation: no statement or vote afterwards; the last analysis runs once more. */
export async function closeDeliberation(db: Db, ctx: CommandContext, id: number): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'deliberation.close')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    if (!(await findDeliberation(trx, id))) return notFound('deliberation_not_found')
    if (!(await closeDeliberationRow(trx, id))) return conflict('deliberation_closed')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'deliberation.closed',
      subjectType: 'deliberation',
      subjectId: id,
      payload: {},
    })
    await enqueueJob(trx, ANALYZE_JOB, { deliberationId: id }, { uniqueKey: `${ANALYZE_JOB}:${id}` })
    return ok(undefined)
  })
}

/** A participant writes a statement; it waits for the Secretariat's moderation. */
export async function writeStatement(
  db: Db,
  ctx: CommandContext,
  deliberationId: number,
  input: StatementInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'deliberation.participate')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const takes = await takesPart(trx, ctx, deliberationId)
    if (!takes.ok) return takes
    const author = await participantFor(trx, ctx.actor, deliberationId, ctx.now)
    const id = await insertStatement(trx, {
      deliberationId,
      text: input.text,
      authorParticipantId: author,
      createdAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'deliberation.statement_written',
      subjectType: 'deliberation_statement',
      subjectId: id,
      payload: { deliberationId, text: input.text },
    })
    return ok({ id })
  })
}

/** The Secretariat accepts a statement (shown for votes) or rejects it with a reason. */
export async function moderateStatement(
  db: Db,
  ctx: CommandContext,
  deliberationId: number,
  statementId: number,
  input: ModerationInput,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'deliberation.moderate')
  if (!allowed.ok) return allowed
  if (input.decision === 'rejected' && !input.note)
    return invalid([{ path: 'note', code: 'deliberation.reasonRequired' }])
  return inTransaction(db, async (trx) => {
    const statement = await findStatement(trx, deliberationId, statementId)
    if (!statement) return notFound('deliberation_statement_not_found')
    if (statement.status === input.decision) return conflict('deliberation_statement_unchanged')
    await setStatementStatus(trx, statementId, input.decision, input.note ?? '')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `deliberation.statement_${input.decision}`,
      subjectType: 'deliberation_statement',
      subjectId: statementId,
      payload: { deliberationId, from: statement.status, note: input.note ?? '' },
    })
    await enqueueJob(trx, ANALYZE_JOB, { deliberationId }, { uniqueKey: `${ANALYZE_JOB}:${deliberationId}` })
    return ok(undefined)
  })
}

/** A participant votes agree (1), disagree (-1) or pass (0) on an accepted statement; a new vote replaces theirs. */
export async function castVote(
  db: Db,
  ctx: CommandContext,
  deliberationId: number,
  statementId: number,
  vote: -1 | 0 | 1,
): Promise<Result<{ changed: boolean }>> {
  const allowed = authorize(ctx.actor, 'deliberation.participate')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const takes = await takesPart(trx, ctx, deliberationId)
    if (!takes.ok) return takes
    const statement = await findStatement(trx, deliberationId, statementId)
    if (statement?.status !== 'accepted') return notFound('deliberation_statement_not_found')
    const participantId = await participantFor(trx, ctx.actor, deliberationId, ctx.now)
    const changed = await upsertVote(trx, { deliberationId, participantId, statementId, vote, votedAt: ctx.now })
    if (changed) {
      await recordAudit(trx, {
        ...auditedBy(ctx),
        action: 'deliberation.voted',
        subjectType: 'deliberation_statement',
        subjectId: statementId,
        payload: { deliberationId, vote },
        public: false,
      })
      // the analysis follows the votes: one pending run a deliberation at most
      await enqueueJob(trx, ANALYZE_JOB, { deliberationId }, { uniqueKey: `${ANALYZE_JOB}:${deliberationId}` })
    }
    return ok({ changed })
  })
}
