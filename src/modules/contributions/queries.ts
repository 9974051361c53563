// SQL for contributions, their revisions, answers and attachments.
import { type Kysely, sql } from 'kysely'
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

const columns = [
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
  if (revisions.length === 0) return []
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

/** The latest answers of each contribution. */
export async function currentAnswers(db: Db, contributionIds: number[]): Promise<Map<number, Answer[]>> {
  const result = new Map<number, Answer[]>()
  if (contributionIds.length === 0) return result
  const rows = await cdb(db)
    .selectFrom('contributionsContribution as c')
    .innerJoin('contributionsRevision as r', (join) =>
      join.onRef('r.contributionId', '=', 'c.id').onRef('r.number', '=', 'c.revisionCount'),
    )
    .innerJoin('contributionsAnswer as a', 'a.revisionId', 'r.id')
    .select(['c.id', 'a.questionId', 'a.body'])
    .where('c.id', 'in', contributionIds)
    .orderBy('a.questionId')
    .execute()
  for (const row of rows) {
    result.set(row.id, [...(result.get(row.id) ?? []), { questionId: row.questionId, body: row.body }])
  }
  return result
}

export interface ContributionFilter {
  processId: number
  callId?: number | undefined
  questionId?: number | undefined
  stakeholderGroup?: string | undefined
  regionalGroup?: string | undefined
  language?: string | undefined
  /** which states to include; the public sees published, withdrawn and hidden (as notes) */
  statuses: readonly ContributionStatus[]
}

function filtered(db: Db, f: ContributionFilter) {
  let query = cdb(db)
    .selectFrom('contributionsContribution')
    .where('processId', '=', f.processId)
    .where('status', 'in', [...f.statuses])
  if (f.callId) query = query.where('callId', '=', f.callId)
  if (f.questionId) query = query.where(sql<boolean>`answered_question_ids @> array[${f.questionId}]::integer[]`)
  if (f.stakeholderGroup) query = query.where('stakeholderGroup', '=', f.stakeholderGroup)
  if (f.regionalGroup) query = query.where('regionalGroup', '=', f.regionalGroup)
  if (f.language) query = query.where('language', '=', f.language)
  return query
}

/** At most this many are counted when a call or a question narrows the list (the tally has neither). */
export const LIST_COUNT_LIMIT = 10_000

/**
 * How many match. Published ones come from the tally (kept by a trigger, by group, region and
 * language); the few in other states are counted. A call or a question, which the tally does not
 * keep, is counted up to LIST_COUNT_LIMIT: past it, `more` says so.
 */
async function countOf(db: Db, filter: ContributionFilter): Promise<{ n: number; more: boolean }> {
  if (filter.callId || filter.questionId) {
    const row = await cdb(db)
      .selectFrom(
        filtered(db, filter)
          .select(sql<number>`1`.as('one'))
          .limit(LIST_COUNT_LIMIT + 1)
          .as('bounded'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const n = Number(row.n)
    return n > LIST_COUNT_LIMIT ? { n: LIST_COUNT_LIMIT, more: true } : { n, more: false }
  }
  const others = filter.statuses.filter((s) => s !== 'published')
  let tally = cdb(db)
    .selectFrom('contributionsTally')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where('processId', '=', filter.processId)
  if (filter.stakeholderGroup) tally = tally.where('stakeholderGroup', '=', filter.stakeholderGroup)
  if (filter.regionalGroup) tally = tally.where('regionalGroup', '=', filter.regionalGroup)
  if (filter.language) tally = tally.where('language', '=', filter.language)
  const [published, rest] = await Promise.all([
    filter.statuses.includes('published') ? tally.executeTakeFirstOrThrow() : { n: 0 },
    others.length
      ? filtered(db, { ...filter, statuses: others })
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : { n: 0 },
  ])
  return { n: Number(published.n) + Number(rest.n), more: false }
}

/** The ids of a page, newest first: published ones and the (few) others each read in id order. */
async function pageIds(db: Db, filter: ContributionFilter & { limit: number; offset: number }): Promise<number[]> {
  const upTo = filter.offset + filter.limit
  const others = filter.statuses.filter((s) => s !== 'published')
  const read = (statuses: readonly ContributionStatus[]) =>
    statuses.length
      ? filtered(db, { ...filter, statuses })
          .select('id')
          .orderBy('id', 'desc')
          .limit(upTo)
          .execute()
      : Promise.resolve([])
  const [published, rest] = await Promise.all([
    read(filter.statuses.includes('published') ? ['published'] : []),
    read(others),
  ])
  return [...published, ...rest]
    .map((r) => Number(r.id))
    .sort((a, b) => b - a)
    .slice(filter.offset, upTo)
}

/**
 * A page of the process's contributions, newest first, and how many match (see countOf). Each
 * state is read through the (process, status, id) index in id order, so a page costs its depth,
 * never the whole process.
 */
export async function listContributions(
  db: Db,
  filter: ContributionFilter & { limit: number; offset: number; withTotal?: boolean },
): Promise<{ rows: Contribution[]; total: number; more: boolean }> {
  const [ids, count] = await Promise.all([
    pageIds(db, filter),
    filter.withTotal === false ? { n: -1, more: false } : countOf(db, filter),
  ])
  const rows = ids.length
    ? await cdb(db)
        .selectFrom('contributionsContribution')
        .select(columns)
        .where('id', 'in', ids)
        .orderBy('id', 'desc')
        .execute()
    : []
  return { rows, total: count.n, more: count.more }
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
