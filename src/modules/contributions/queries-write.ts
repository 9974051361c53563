// The writes the contribution commands make, inside their transaction: a contribution, its
// revisions with their answers and attachments, its status; and its author's draft.
import { sql } from 'kysely'
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
  | 'importedQuestionId'
  | 'importedText'
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
  if (number === 2) await moveImportedTextToRevision(trx, contributionId)
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

/** An imported contribution's text, kept on its row, becomes its revision 1 before a revision 2. */
async function moveImportedTextToRevision(trx: Db, contributionId: number): Promise<void> {
  await sql`
    with k as (update contributions_contribution c set imported_text = null, imported_question_id = null
        from contributions_contribution o where c.id = o.id and c.id = ${contributionId} and c.imported_text is not null
        returning o.id, o.language, o.author_account_id, o.created_at, o.imported_question_id, o.imported_text),
      r as (insert into contributions_revision (contribution_id, number, language, created_by, created_at)
        select id, 1, language, author_account_id, created_at from k returning id)
    insert into contributions_answer (revision_id, question_id, body)
    select r.id, k.imported_question_id, k.imported_text from r, k`.execute(trx)
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
