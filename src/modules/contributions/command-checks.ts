// What the contribution commands check before writing: the call still open, the files what they
// claim to be, the contribution the actor's own and still standing.
import { MAX_ATTACHMENTS } from '../../config.ts'
import type { CommandContext } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { conflict, type Issue, notFound, ok, type Result } from '../../core/result.ts'
import { type Call, callClosesAt, callState, type ProcessWrite, processTakes } from '../processes/index.ts'
import { type Contribution, findContribution } from './queries.ts'
import type { CheckedFile } from './queries-write.ts'
import { checkAttachment } from './rules/attachments.ts'

export interface Ctx extends CommandContext {
  /** the configured attachment limit */
  attachmentMaxBytes: number
}

export interface FileUpload {
  fileName: string
  content: Uint8Array
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505'
}

/** Why a call takes no submission now, as an error naming the closing time. */
export function closedError(call: Call, now: Date): Result<never> | null {
  const state = callState(call, now)
  if (state === 'upcoming') return conflict('call_not_open', { date: call.opensAt.toISOString() })
  if (state === 'closed') return conflict('call_closed', { date: callClosesAt(call).toISOString() })
  return null
}

/** The files checked by content, with a safe name; the issues of those refused. */
export async function checkedFiles(files: FileUpload[], maxBytes: number) {
  const issues: Issue[] = []
  const checked: CheckedFile[] = []
  // the limit holds for every way in (form and API), before any file is read
  if (files.length > MAX_ATTACHMENTS) {
    return {
      issues: [{ path: 'attachments', code: 'validation.tooManyItems', values: { max: MAX_ATTACHMENTS } }],
      checked,
    }
  }
  for (const [i, file] of files.entries()) {
    const check = await checkAttachment(file.content, maxBytes)
    if (check.ok) checked.push({ ...file, mediaType: check.mediaType, extension: check.extension })
    else
      issues.push({
        path: `attachments.${i}`,
        code: check.code,
        values: { name: file.fileName, max: Math.floor(maxBytes / 1024 / 1024) || 1 },
      })
  }
  return { issues, checked }
}

/**
 * The contribution, locked, when the actor speaks for its author, its process's record is open and
 * it is still standing.
 */
export async function ownStanding(trx: Db, ctx: Ctx, id: number, write: ProcessWrite): Promise<Result<Contribution>> {
  const contribution = await findContribution(trx, id, { forUpdate: true })
  if (!contribution) return notFound('contribution_not_found')
  const allowed = authorize(ctx.actor, 'contribution.revise', contribution)
  if (!allowed.ok) return allowed
  const open = await processTakes(trx, ctx, contribution.processId, write)
  if (!open.ok) return open
  if (contribution.status === 'withdrawn') return conflict('contribution_withdrawn')
  if (contribution.status === 'hidden') return conflict('contribution_hidden')
  return ok(contribution)
}
