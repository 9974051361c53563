// Meeting documents as files: the Secretariat issues a document under its symbol for a meeting's
// agenda item with the file in its original language, then adds the other language versions,
// one file per UN language. Each file is checked by content; each step is audited.
import type { CommandContext } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { checkDocumentFile, safeFileName } from '../../core/formats/document-file.ts'
import { conflict, type Issue, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { audit, isUniqueViolation } from './command-kit.ts'
import { agendaOf, findMeeting } from './queries.ts'
import { insertMeetingDocument, insertVersion, lockDocument, lockMeeting, symbolTaken } from './queries-documents.ts'
import { documentSymbol } from './rules/document-symbol.ts'
import type { MeetingDocumentInput } from './schemas-documents.ts'
import { processTakes } from './writes.ts'

export interface UploadedFile {
  fileName: string
  content: Uint8Array
}

export interface UploadContext extends CommandContext {
  /** the configured limit of one file */
  maxBytes: number
}

/** The file checked by content, or the issue to show beside the `file` field. */
async function checkedFile(
  file: UploadedFile | undefined,
  maxBytes: number,
): Promise<{ check?: { mediaType: string; extension: string }; issue?: Issue }> {
  if (!file) return { issue: { path: 'file', code: 'processes.documents.fileRequired' } satisfies Issue }
  const check = await checkDocumentFile(file.content, maxBytes, file.fileName)
  if (check.ok) return { check }
  const values = { name: file.fileName, max: Math.floor(maxBytes / 1024 / 1024) || 1, found: check.found ?? '' }
  return { issue: { path: 'file', code: `processes.documents.file.${check.problem}`, values } satisfies Issue }
}

/** Issues a document for a meeting with its original-language file. */
export async function issueMeetingDocument(
  db: Db,
  ctx: UploadContext,
  meetingId: number,
  input: MeetingDocumentInput,
  file: UploadedFile | undefined,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'meeting.document.upload')
  if (!allowed.ok) return allowed
  const meeting = await findMeeting(db, meetingId)
  if (!meeting) return notFound('meeting_not_found')
  const agenda = await agendaOf(db, meetingId)
  const issues: Issue[] = []
  if (input.agendaItemId ? !agenda.some((a) => a.id === input.agendaItemId) : agenda.length > 0) {
    issues.push({
      path: 'agendaItemId',
      code: input.agendaItemId ? 'processes.documents.unknownAgendaItem' : 'validation.required',
    })
  }
  const { check, issue } = await checkedFile(file, ctx.maxBytes)
  if (issue) issues.push(issue)
  if (issues.length || !check || !file) return invalid(issues)
  const symbol = documentSymbol(input.symbol) as string
  try {
    return await inTransaction(db, async (trx) => {
      // uploads to one meeting take turns, so a double submit finds the first one's symbol
      await lockMeeting(trx, meetingId)
      const open = await processTakes(
        trx,
        ctx,
        meeting.processId,
        input.kind === 'corrigendum' ? 'corrigendum' : 'document',
      )
      if (!open.ok) return open
      if (await symbolTaken(trx, meeting.processId, symbol)) {
        return invalid([{ path: 'symbol', code: 'processes.documents.symbolTaken', values: { symbol } }])
      }
      const row = await insertMeetingDocument(
        trx,
        {
          processId: meeting.processId,
          meetingId,
          agendaItemId: input.agendaItemId ?? null,
          kind: input.kind,
          symbol,
          title: input.title,
          language: input.language,
          issuedOn: input.issuedOn,
        },
        ctx.now,
      )
      const version = await insertVersion(
        trx,
        {
          documentId: row.id,
          language: input.language,
          fileName: safeFileName(file.fileName, check.extension, 'document'),
          mediaType: check.mediaType,
          content: file.content,
          uploadedBy: accountIdOf(ctx.actor),
        },
        ctx.now,
      )
      await audit(trx, ctx, 'document.issued', 'document', row.id, {
        processId: meeting.processId,
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        kind: input.kind,
        symbol,
        title: input.title,
        language: input.language,
        issuedOn: input.issuedOn,
        file: {
          language: input.language,
          mediaType: check.mediaType,
          sizeBytes: version.sizeBytes,
          sha256: version.sha256,
        },
      })
      return ok(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('already_exists')
    throw error
  }
}

/** Adds one language version (a file) to a document; one per language, never replaced. */
export async function addDocumentVersion(
  db: Db,
  ctx: UploadContext,
  documentId: number,
  language: string,
  file: UploadedFile | undefined,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'meeting.document.upload')
  if (!allowed.ok) return allowed
  const { check, issue } = await checkedFile(file, ctx.maxBytes)
  if (issue || !check || !file) return invalid(issue ? [issue] : [])
  try {
    return await inTransaction(db, async (trx) => {
      const document = await lockDocument(trx, documentId)
      if (!document) return notFound('document_not_found')
      const open = await processTakes(
        trx,
        ctx,
        document.processId,
        document.kind === 'corrigendum' ? 'corrigendum' : 'document',
      )
      if (!open.ok) return open
      const version = await insertVersion(
        trx,
        {
          documentId,
          language,
          fileName: safeFileName(file.fileName, check.extension, 'document'),
          mediaType: check.mediaType,
          content: file.content,
          uploadedBy: accountIdOf(ctx.actor),
        },
        ctx.now,
      )
      await audit(trx, ctx, 'document.version_added', 'document', documentId, {
        processId: document.processId,
        language,
        mediaType: check.mediaType,
        sizeBytes: version.sizeBytes,
        sha256: version.sha256,
      })
      return ok({ id: version.id })
    })
  } catch (error) {
    // the document holds a file in this language already (also a double submit's second answer)
    if (isUniqueViolation(error)) {
      return invalid([{ path: 'language', code: 'processes.documents.languageTaken' }])
    }
    throw error
  }
}
