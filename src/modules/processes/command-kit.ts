// What the processes' commands share: the audit entry, the database's unique violation, the
// State or organization a record names, and the process a manager may write to now.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { invalid, notFound } from '../../core/result.ts'
import { findMemberState, findOrganizationById } from '../actors/index.ts'
import { findProcess } from './queries.ts'
import type { ProcessWrite } from './rules/lifecycle.ts'
import { processTakes } from './writes.ts'

export const audit = (
  trx: Db,
  ctx: CommandContext,
  action: string,
  subjectType: string,
  subjectId: number,
  payload = {},
) =>
  recordAudit(trx, {
    ...auditedBy(ctx),
    action,
    subjectType,
    subjectId,
    payload,
  })

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505'
}

export async function memberTargetProblem(
  db: Db,
  input: { memberStateIso3?: string | undefined; organizationId?: number | undefined },
) {
  if (Boolean(input.memberStateIso3) === Boolean(input.organizationId)) {
    return invalid([{ path: 'memberStateIso3', code: 'processes.stateOrOrganization' }])
  }
  if (input.memberStateIso3 && !(await findMemberState(db, input.memberStateIso3.toUpperCase()))) {
    return invalid([{ path: 'memberStateIso3', code: 'actors.unknownMemberState' }])
  }
  if (input.organizationId && !(await findOrganizationById(db, input.organizationId))) {
    return invalid([{ path: 'organizationId', code: 'processes.unknownOrganization' }])
  }
  return null
}

/**
 * The process, when the actor may run it and it takes `write` now: not found, forbidden, or 409
 * `process_concluded`. Inside a transaction the process stays locked against concluding until
 * the write commits.
 */
export async function managedProcess(db: Db, ctx: CommandContext, processId: number, write: ProcessWrite) {
  const process = await findProcess(db, processId)
  if (!process) return notFound('process_not_found')
  const allowed = authorize(ctx.actor, 'process.manage', { bodyId: process.bodyId })
  if (!allowed.ok) return allowed
  return processTakes(db, ctx, processId, write)
}
