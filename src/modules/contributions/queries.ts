// SQL for contributions, their revisions, answers and attachments.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { Counted } from './rules/summary.ts'
import type { ContributionStatus, ContributionsTables, SpeakingFor } from './tables.ts'

type ContributionsDb = Kysely<CoreTables & ContributionsTables>
export const cdb = (db: Db): ContributionsDb => db.withTables<ContributionsTables>()

export interface Contribution extends Counted {
  id: number
  callId: number
  processId: number
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
  authorAccountId: number
  contributorName: string
  status: ContributionStatus
  revisionCount: number
  answeredQuestionIds: number[]
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  withdrawnAt: Date | null
  withdrawalNote: string | null
  hiddenAt: Date | null
  hiddenReason: string | null
  /** the identifier at its source, for an imported contribution */
  externalId: string | null
}

export interface Answer {
  questionId: number
  body: string
}

export interface Revision {
  id: number
  number: number
  language: string
  createdAt: Date
  createdBy: number
  answers: Answer[]
}

export interface Attachment {
  id: number
  contributionId: number
  revisionNumber: number
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  createdAt: Date
}

/** The columns of a contribution as pages and the API read it. */
export const columns = [
  'id',
  'callId',
  'processId',
  'speakingFor',
  'memberStateIso3',
  'organizationId',
  'authorAccountId',
  'contributorName',
  'stakeholderGroup',
  'regionalGroup',
  'ldc',
  'lldc',
  'sids',
  'language',
  'status',
  'revisionCount',
  'answeredQuestionIds',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'withdrawnAt',
  'withdrawalNote',
  'hiddenAt',
  'hiddenReason',
  'externalId',
] as const

const attachmentColumns = [
  'id',
  'contributionId',
  'revisionNumber',
  'fileName',
  'mediaType',
  'sizeBytes',
  'sha256',
  'createdAt',
] as const

export async function findContribution(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<Contribution | undefined> {
  const query = cdb(db).selectFrom('contributionsContribution').select(columns).where('id', '=', id)
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

export async function revisionsOf(db: Db, contributionId: number): Promise<Revision[]> {
  const revisions = await cdb(db)
    .selectFrom('contributionsRevision')
    .select(['id', 'number', 'language', 'createdAt', 'createdBy'])
    .where('contributionId', '=', contributionId)
    .orderBy('number', 'desc')
    .execute()
  if (revisions.length === 0) return importedRevision(db, contributionId)
  const answers = await cdb(db)
    .selectFrom('contributionsAnswer')
    .select(['revisionId', 'questionId', 'body'])
    .where(
      'revisionId',
      'in',
      revisions.map((r) => r.id),
    )
    .orderBy('questionId')
    .execute()
  return revisions.map((r) => ({
    ...r,
    answers: answers.filter((a) => a.revisionId === r.id).map(({ questionId, body }) => ({ questionId, body })),
  }))
}

/** An imported contribution not revised since: its one revision is its own row (id 0: no revision row). */
async function importedRevision(db: Db, contributionId: number): Promise<Revision[]> {
  const row = await cdb(db)
    .selectFrom('contributionsContribution')
    .select(['language', 'createdAt', 'authorAccountId', 'importedQuestionId', 'importedText'])
    .where('id', '=', contributionId)
    .executeTakeFirst()
  if (!row || row.importedText === null || row.importedQuestionId === null) return []
  return [
    {
      id: 0,
      number: 1,
      language: row.language,
      createdAt: row.createdAt,
      createdBy: row.authorAccountId,
      answers: [{ questionId: row.importedQuestionId, body: row.importedText }],
    },
  ]
}

/** The latest answers of each contribution. */
export async function currentAnswers(db: Db, contributionIds: number[]): Promise<Map<number, Answer[]>> {
  const result = new Map<number, Answer[]>()
  if (contributionIds.length === 0) return result
  const rows = await cdb(db)
    .selectFrom('contributionsCurrentAnswer as a')
    .select(['a.contributionId as id', 'a.questionId', 'a.body'])
    .where('a.contributionId', 'in', contributionIds)
    .orderBy('a.questionId')
    .execute()
  for (const row of rows) {
    result.set(row.id, [...(result.get(row.id) ?? []), { questionId: row.questionId, body: row.body }])
  }
  return result
}

/** Counts of published contributions by the characteristics a compilation reports. */
export async function summaryRows(db: Db, processId: number): Promise<(Counted & { n: number })[]> {
  // kept by a trigger (migrations/*-contributions-tally.sql)
  const rows = await cdb(db)
    .selectFrom('contributionsTally')
    .select(['stakeholderGroup', 'regionalGroup', 'ldc', 'lldc', 'sids', 'language', 'n'])
    .where('processId', '=', processId)
    .where('n', '>', 0)
    .execute()
  return rows.map((r) => ({ ...r, regionalGroup: r.regionalGroup || null, n: Number(r.n) }))
}

/** Every published contribution of a process with its current answers, for the compilation. */
export async function publishedWithAnswers(db: Db, processId: number) {
  const rows = await cdb(db)
    .selectFrom('contributionsContribution')
    .select(columns)
    .where('processId', '=', processId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute()
  const answers = new Map<number, Answer[]>()
  // in slices, so a compilation of tens of thousands stays within parameter limits
  for (let i = 0; i < rows.length; i += 2000) {
    const slice = await currentAnswers(
      db,
      rows.slice(i, i + 2000).map((r) => r.id),
    )
    for (const [id, list] of slice) answers.set(id, list)
  }
  return rows.map((r) => ({ ...r, answers: answers.get(r.id) ?? [] }))
}

export async function attachmentsOf(db: Db, contributionIds: number[]): Promise<Attachment[]> {
  if (contributionIds.length === 0) return []
  return cdb(db)
    .selectFrom('contributionsAttachment')
    .select(attachmentColumns)
    .where('contributionId', 'in', contributionIds)
    .orderBy('id')
    .execute()
}

export async function attachmentContent(db: Db, id: number) {
  return cdb(db)
    .selectFrom('contributionsAttachment')
    .select([...attachmentColumns, 'content'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The speaker's standing (not withdrawn) contribution to a call, if any. */
export async function standingContribution(
  db: Db,
  callId: number,
  speaker: {
    speakingFor: SpeakingFor
    memberStateIso3: string | null
    organizationId: number | null
    accountId: number
  },
): Promise<Contribution | undefined> {
  let query = cdb(db)
    .selectFrom('contributionsContribution')
    .select(columns)
    .where('callId', '=', callId)
    .where('status', '<>', 'withdrawn')
    .where('speakingFor', '=', speaker.speakingFor)
  if (speaker.memberStateIso3) query = query.where('memberStateIso3', '=', speaker.memberStateIso3)
  if (speaker.organizationId) query = query.where('organizationId', '=', speaker.organizationId)
  if (speaker.speakingFor === 'self') query = query.where('authorAccountId', '=', speaker.accountId)
  return query.executeTakeFirst()
}
