// Starting a bulk import: the file is named by its hash, so the same file sent again for the same
// call finds the import it started (to resume it, or to say it is done) instead of a second one.
import { createHash } from 'node:crypto'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { findCall, processTakes } from '../processes/index.ts'
import { findImport, type ImportRow, kdb } from './queries.ts'
import type { Format } from './sources/records.ts'

export interface StartImport {
  callId: number
  /** the account the contributions are recorded under (the Secretariat member who imports) */
  accountId: number
  fileName: string
  format: Format
  sha256: string
  /** the file itself, when it came through the page or the API (the job reads it from here) */
  content?: Uint8Array
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Starts an import, or finds the unfinished (or finished) one of the same file for the call. */
export async function startImport(db: Db, ctx: CommandContext, input: StartImport): Promise<Result<ImportRow>> {
  const allowed = authorize(ctx.actor, 'contribution.import')
  if (!allowed.ok) return allowed
  const call = await findCall(db, input.callId)
  if (!call) return notFound('call_not_found')
  const takes = await processTakes(db, ctx, call.processId, 'contribution')
  if (!takes.ok) return takes
  return inTransaction(db, async (trx) => {
    const existing = await kdb(trx)
      .selectFrom('consultationImport')
      .select('id')
      .where('callId', '=', input.callId)
      .where('fileSha256', '=', input.sha256)
      .executeTakeFirst()
    if (existing) return ok((await findImport(trx, Number(existing.id))) as ImportRow)
    const row = await kdb(trx)
      .insertInto('consultationImport')
      .values({
        callId: input.callId,
        accountId: input.accountId,
        fileName: input.fileName,
        fileSha256: input.sha256,
        format: input.format,
        content: input.content ? Buffer.from(input.content) : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'contribution_import.started',
      subjectType: 'call',
      subjectId: input.callId,
      payload: { import: Number(row.id), file: input.fileName, format: input.format, sha256: input.sha256 },
    })
    return ok((await findImport(trx, Number(row.id))) as ImportRow)
  })
}
