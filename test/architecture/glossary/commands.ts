// Proposing and withdrawing terms: authorize, write through the queries, audit, in one transaction.
import { auditedBy, type CommandContext, recordAudit } from '../../../src/core/audit/audit.ts'
import { accountIdOf } from '../../../src/core/auth/actor.ts'
import { authorize } from '../../../src/core/auth/authorize.ts'
import type { Db } from '../../../src/core/db/database.ts'
import { inTransaction } from '../../../src/core/db/helpers.ts'
import { conflict, notFound, ok, type Result } from '../../../src/core/result.ts'
import { findTerm, insertTerm, markWithdrawn } from './queries.ts'
import type { TermInput } from './schemas.ts'

export async function proposeTerm(db: Db, ctx: CommandContext, input: TermInput): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'glossary.term.propose')
  if (!allowed.ok) return allowed
  const proposedBy = accountIdOf(ctx.actor) as number
  return inTransaction(db, async (trx) => {
    const id = await insertTerm(trx, { ...input, proposedBy, at: ctx.now })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'glossary.term.proposed',
      subjectType: 'glossary_term',
      subjectId: id,
      payload: input,
    })
    return ok({ id })
  })
}

export async function withdrawTerm(db: Db, ctx: CommandContext, id: number): Promise<Result<void>> {
  return inTransaction(db, async (trx) => {
    const term = await findTerm(trx, id)
    if (!term) return notFound()
    const allowed = authorize(ctx.actor, 'glossary.term.withdraw', { proposedBy: term.proposedBy })
    if (!allowed.ok) return allowed
    if (term.withdrawnAt) return conflict('glossary_term_withdrawn')
    await markWithdrawn(trx, id, ctx.now)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'glossary.term.withdrawn',
      subjectType: 'glossary_term',
      subjectId: id,
    })
    return ok(undefined)
  })
}
