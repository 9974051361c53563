// Contributions taken in bulk (a spreadsheet, a mailbox, the bulk API) and read back in bulk for
// analysis (campaigns). A batch is one COPY straight into the contributions table (an imported
// contribution is one row, its text on it), so a million rows cost a few hundred statements.
import { sql } from 'kysely'
import { copyInto, copyText } from '../../core/db/copy.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { cdb } from './queries.ts'
import type { SpeakingFor } from './tables.ts'

/** One contribution as an import brings it, already validated and resolved. */
export interface ImportedContribution {
  externalId: string
  submittedAt: Date
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  questionId: number
  text: string
  /** the line (CSV, JSON Lines) or message (mbox) of the source file */
  sourceLine: number
}

export interface ImportBatch {
  callId: number
  processId: number
  /** the Secretariat account that imports: the author of record */
  authorAccountId: number
  importId: number
  sourceFile: string
}

/** The columns a batch writes, in the order its COPY sends them. */
const COLUMNS = [
  'id',
  'call_id',
  'process_id',
  'author_account_id',
  'import_id',
  'source_file',
  'status',
  'source_line',
  'external_id',
  'created_at',
  'updated_at',
  'published_at',
  'speaking_for',
  'member_state_iso3',
  'organization_id',
  'contributor_name',
  'stakeholder_group',
  'regional_group',
  'ldc',
  'lldc',
  'sids',
  'language',
  'answered_question_ids',
  'imported_question_id',
  'imported_text',
] as const

export interface ImportOptions {
  /** leave the search index to indexImportedForSearch, run once after the last batch */
  searchLater?: boolean
}

/**
 * Inserts a batch inside the caller's transaction (or its own); a row whose external id the call
 * already has, or an earlier row of the batch had, is skipped (a re-run adds nothing twice). Each
 * contribution is one row (its text on it), sent by one COPY straight into the table with ids
 * taken from its sequence beforehand. When the call has one of the external ids already (another
 * file sent the same records), the unique index refuses the COPY and the batch goes again through
 * a staging table and `on conflict do nothing`: the usual batch, all new, pays no look-up for it.
 * Returns the rows stored, with their new ids.
 */
export async function insertImportedContributions(
  db: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
  options: ImportOptions = {},
): Promise<{ id: number; externalId: string; sourceLine: number }[]> {
  if (rows.length === 0) return []
  return inTransaction(db, async (trx) => {
    if (options.searchLater) await sql`select set_config('ecp.search_later', 'on', true)`.execute(trx)
    // an external id twice in the batch: the first is kept (one the call has already: see below)
    const seen = new Set<string>()
    const fresh = rows.filter((r) => !seen.has(r.externalId) && seen.add(r.externalId))
    const ids = await sql<{ id: string }>`
      select nextval(pg_get_serial_sequence('contributions_contribution', 'id')) as id
      from generate_series(1, ${fresh.length})`.execute(trx)
    const data = copyText(fresh.map((r, i) => rowValues(batch, Number(ids.rows[i]?.id), r)))
    try {
      await inTransaction(trx, (sp) => copyInto(sp, 'contributions_contribution', COLUMNS, data))
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error
      return insertThroughStage(trx, data)
    }
    return fresh.map((r, i) => ({ id: Number(ids.rows[i]?.id), externalId: r.externalId, sourceLine: r.sourceLine }))
  })
}

function rowValues(batch: ImportBatch, id: number, r: ImportedContribution) {
  return [
    id,
    batch.callId,
    batch.processId,
    batch.authorAccountId,
    batch.importId,
    batch.sourceFile,
    'published',
    r.sourceLine,
    r.externalId,
    r.submittedAt,
    r.submittedAt,
    r.submittedAt,
    r.speakingFor,
    r.memberStateIso3,
    r.organizationId,
    r.contributorName,
    r.stakeholderGroup,
    r.regionalGroup,
    r.ldc,
    r.lldc,
    r.sids,
    r.language,
    `{${r.questionId}}`,
    r.questionId,
    r.text,
  ]
}

/** The batch again when a concurrent import stored some of its external ids: those are skipped. */
async function insertThroughStage(trx: Db, data: string) {
  await sql`create temp table contributions_stage on commit drop as
    select ${sql.raw(COLUMNS.join(', '))} from contributions_contribution with no data`.execute(trx)
  await copyInto(trx, 'contributions_stage', COLUMNS, data)
  const inserted = await sql<{ id: string | number; externalId: string; sourceLine: number }>`
    insert into contributions_contribution (${sql.raw(COLUMNS.join(', '))})
    select ${sql.raw(COLUMNS.join(', '))} from contributions_stage order by source_line
    on conflict (call_id, external_id) where external_id is not null do nothing
    returning id, external_id as "externalId", source_line as "sourceLine"`.execute(trx)
  await sql`drop table contributions_stage`.execute(trx)
  return inserted.rows.map((r) => ({ ...r, id: Number(r.id) }))
}

/**
 * The search index of an import's contributions, built after its last batch in one set-based pass
 * (a statement per `chunk` ids, each committed, `workers` at a time: on PostgreSQL each is a
 * server process, so two use both cores of a small machine): a batch leaves it out (searchLater),
 * since the six languages' vectors cost several times the batch's own writes. Resumable: what is
 * indexed already is skipped.
 */
export async function indexImportedForSearch(
  db: Db,
  callId: number,
  importId: number,
  options: { chunk?: number; workers?: number } = {},
): Promise<void> {
  const chunk = options.chunk ?? 5000
  const span = await sql<{ first: string | null; last: string | null }>`
    select min(id) as first, max(id) as last from contributions_contribution
    where call_id = ${callId} and import_id = ${importId}`.execute(db)
  const first = Number(span.rows[0]?.first ?? 0)
  const last = Number(span.rows[0]?.last ?? -1)
  let from = first
  const worker = async () => {
    while (from <= last) {
      const lo = from
      from += chunk
      await sql`select contributions_search_index_imported(array(
        select id from contributions_contribution where call_id = ${callId} and import_id = ${importId}
          and id between ${lo} and ${lo + chunk - 1} and imported_text is not null))`.execute(db)
    }
  }
  await Promise.all(Array.from({ length: options.workers ?? 2 }, worker))
}

/** A contribution as the campaign analysis reads it: its current text and who sent it. */
export interface ContributionText {
  id: number
  callId: number
  externalId: string | null
  text: string
  submittedAt: Date
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  /** when the author's account was made; null for imported contributions (no account of their own) */
  accountCreatedAt: Date | null
}

export function textsQuery(db: Db) {
  return cdb(db)
    .selectFrom('contributionsContribution as c')
    .innerJoin('authAccount as a', 'a.id', 'c.authorAccountId')
    .select([
      'c.id',
      'c.callId',
      'c.externalId',
      'c.createdAt as submittedAt',
      'c.contributorName',
      'c.stakeholderGroup',
      'c.regionalGroup',
      'c.ldc',
      'c.lldc',
      'c.sids',
      'c.language',
      sql<Date | null>`case when c.external_id is null then a.created_at end`.as('accountCreatedAt'),
      // an imported contribution not revised since has its one answer on its row: read without a join
      sql<string>`coalesce(c.imported_text, (select string_agg(body, E'\n\n' order by question_id)
        from contributions_current_answer where contribution_id = c.id))`.as('text'),
    ])
}

/**
 * The call's contributions that count (published), in id order from `afterId`, `limit` at a time:
 * the campaign rebuild reads a million this way without holding them in one answer.
 */
export async function contributionTextsOfCall(
  db: Db,
  callId: number,
  page: { afterId: number; limit: number },
): Promise<ContributionText[]> {
  const rows = await textsQuery(db)
    .where('c.callId', '=', callId)
    .where('c.status', '=', 'published')
    .where('c.id', '>', page.afterId)
    .orderBy('c.id')
    .limit(page.limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/** The same reading of a few contributions (one that just arrived, a campaign's members). */
export async function contributionTexts(db: Db, ids: number[]): Promise<ContributionText[]> {
  if (ids.length === 0) return []
  const rows = await textsQuery(db)
    .where('c.id', 'in', ids)
    .where('c.status', '=', 'published')
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/** Published contributions submitted on the platform (not imported) after `afterId`, in id order. */
export async function platformContributionsAfter(db: Db, afterId: number, limit: number): Promise<ContributionText[]> {
  const rows = await textsQuery(db)
    .where('c.id', '>', afterId)
    .where('c.importId', 'is', null)
    .where('c.status', '=', 'published')
    .orderBy('c.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}
