// Contributions taken in bulk (a spreadsheet, a mailbox, the bulk API). A batch is one COPY straight
// into the contributions table (an imported contribution is one row, its text on it), so a million
// rows cost a few hundred statements. A batch is prepared (ids, COPY text) apart from its insert, so
// that an import prepares the next batch while the database still writes the one before.
import { sql } from 'kysely'
import { copyInto, copyValue } from '../../core/db/copy.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
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

/** The columns a batch writes, in the order its COPY sends them (see importLine). */
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

/** A batch ready to insert: its rows' new ids and their COPY text. */
export interface PreparedBatch {
  rows: { id: number; externalId: string; sourceLine: number }[]
  data: string
}

const SPECIAL = /[\\\t\n\r]/
const text = (s: string) => (SPECIAL.test(s) ? copyValue(s) : s)
const orNull = (s: string | null) => (s === null ? '\\N' : text(s))
const flag = (b: boolean) => (b ? 't' : 'f')

/**
 * One row of a batch in COPY's text format, columns as COLUMNS: written directly rather than
 * value by value (copyText), since a million rows' text is most of what an import's Node does;
 * `prefix` is the batch's own columns (call, process, author, import, file), written once.
 */
export function importLine(prefix: string, id: number, r: ImportedContribution): string {
  const at = r.submittedAt.toISOString()
  return `${id}\t${prefix}\tpublished\t${r.sourceLine}\t${text(r.externalId)}\t${at}\t${at}\t${at}\t${r.speakingFor}\t${orNull(r.memberStateIso3)}\t${r.organizationId === null ? '\\N' : r.organizationId}\t${text(r.contributorName)}\t${text(r.stakeholderGroup)}\t${orNull(r.regionalGroup)}\t${flag(r.ldc)}\t${flag(r.lldc)}\t${flag(r.sids)}\t${text(r.language)}\t{${r.questionId}}\t${r.questionId}\t${text(r.text)}\n`
}

export function batchPrefix(batch: ImportBatch): string {
  for (const n of [batch.callId, batch.processId, batch.authorAccountId, batch.importId])
    if (!Number.isSafeInteger(n))
      throw new Error('an import batch names its call, process, author and import by number')
  return `${batch.callId}\t${batch.processId}\t${batch.authorAccountId}\t${batch.importId}\t${text(batch.sourceFile)}`
}

/**
 * Takes ids for a batch from the table's sequence (outside any transaction is fine: an id a failed
 * batch took is a gap, as sequences leave) and writes its COPY text. An external id twice in the
 * batch: the first is kept (one the call has already: see insertPreparedBatch).
 */
export async function prepareImportedBatch(
  db: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
): Promise<PreparedBatch> {
  const seen = new Set<string>()
  const fresh = rows.filter((r) => !seen.has(r.externalId) && seen.add(r.externalId))
  if (fresh.length === 0) return { rows: [], data: '' }
  const ids = await sql<{ id: string }>`
    select nextval(pg_get_serial_sequence('contributions_contribution', 'id')) as id
    from generate_series(1, ${fresh.length})`.execute(db)
  const prefix = batchPrefix(batch)
  let data = ''
  const stored = fresh.map((r, i) => {
    const id = Number(ids.rows[i]?.id)
    data += importLine(prefix, id, r)
    return { id, externalId: r.externalId, sourceLine: r.sourceLine }
  })
  return { rows: stored, data }
}

/**
 * Inserts a prepared batch inside the caller's transaction (or its own): one COPY straight into
 * the table. When the call has one of the external ids already (a re-run, or another file sent the
 * same records), the unique index refuses the COPY and the batch goes again through a staging
 * table and `on conflict do nothing`: the usual batch, all new, pays no look-up for it. Returns the
 * rows stored, with their new ids.
 */
export async function insertPreparedBatch(
  db: Db,
  prepared: PreparedBatch,
  options: ImportOptions = {},
): Promise<{ id: number; externalId: string; sourceLine: number }[]> {
  if (prepared.rows.length === 0) return []
  return inTransaction(db, async (trx) => {
    if (options.searchLater) await sql`select set_config('ecp.search_later', 'on', true)`.execute(trx)
    try {
      await inTransaction(trx, (sp) => copyInto(sp, 'contributions_contribution', COLUMNS, prepared.data))
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error
      return insertThroughStage(trx, prepared.data)
    }
    return prepared.rows
  })
}

/**
 * Inserts a batch inside the caller's transaction (or its own); a row whose external id the call
 * already has, or an earlier row of the batch had, is skipped (a re-run adds nothing twice).
 */
export async function insertImportedContributions(
  db: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
  options: ImportOptions = {},
): Promise<{ id: number; externalId: string; sourceLine: number }[]> {
  if (rows.length === 0) return []
  return inTransaction(db, async (trx) =>
    insertPreparedBatch(trx, await prepareImportedBatch(trx, batch, rows), options),
  )
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
