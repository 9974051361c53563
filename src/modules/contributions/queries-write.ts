// The writes the contribution commands make, inside their transaction: a contribution, its
// revisions with their answers and attachments, its status; and its author's draft.
import { sha256 } from '../../core/auth/crypto.ts'
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'
import type { TypedAnswer } from './rules/answers.ts'
import { safeFileName } from './rules/attachments.ts'
import type { ContributionStatus, ContributionsContributionTable } from './tables.ts'

export interface CheckedFile {
  /** as sent (made safe when stored) */
  fileName: string
  content: Uint8Array
  mediaType: string
  /** the extension its content calls for */
  extension: string
}

type NewContribution = Omit<
  ContributionsContributionTable,
  | 'id'
  | 'revisionCount'
  | 'withdrawnAt'
  | 'withdrawalNote'
  | 'hiddenAt'
  | 'hiddenReason'
  | 'createdAt'
  | 'updatedAt'
  | 'publishedAt'
  | 'externalId'
  | 'importId'
  | 'sourceFile'
  | 'sourceLine'
> & { createdAt: Date; updatedAt: Date; publishedAt: Date | null }

export async function insertContribution(trx: Db, values: NewContribution): Promise<number> {
  const row = await cdb(trx)
    .insertInto('contributionsContribution')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertAttachments(trx: Db, contributionId: number, revisionNumber: number, files: CheckedFile[]) {
  for (const f of files) {
    await cdb(trx)
      .insertInto('contributionsAttachment')
      .values({
        contributionId,
        revisionNumber,
        fileName: safeFileName(f.fileName, f.extension),
        mediaType: f.mediaType,
        sizeBytes: f.content.byteLength,
        sha256: sha256(f.content),
        content: Buffer.from(f.content),
      })
      .execute()
  }
}

/** Revision `number` with its non-empty answers (trimmed); returns the questions answered. */
export async function insertRevision(
  trx: Db,
  contributionId: number,
  number: number,
  input: { language: string; answers: readonly TypedAnswer[] },
  accountId: number,
  now: Date,
): Promise<number[]> {
  const revision = await cdb(trx)
    .insertInto('contributionsRevision')
    .values({ contributionId, number, language: input.language, createdBy: accountId, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const answers = input.answers.filter((a) => a.text.trim() !== '')
  await cdb(trx)
    .insertInto('contributionsAnswer')
    .values(answers.map((a) => ({ revisionId: revision.id, questionId: a.questionId, body: a.text.trim() })))
    .execute()
  return answers.map((a) => a.questionId)
}

export async function updateContribution(
  trx: Db,
  id: number,
  change: Partial<{
    status: ContributionStatus
    revisionCount: number
    language: string
    answeredQuestionIds: number[]
    updatedAt: Date
    publishedAt: Date
    withdrawnAt: Date
    withdrawalNote: string | null
    hiddenAt: Date
    hiddenReason: string | null
  }>,
): Promise<void> {
  await cdb(trx).updateTable('contributionsContribution').set(change).where('id', '=', id).execute()
}
