// Contributions taken in bulk (a spreadsheet, a mailbox, the bulk API). A batch is one COPY straight
// into the contributions table (an imported contribution is one row, its text on it), so a million
// rows cost a few hundred statements. A batch is prepared (ids, binary COPY data: queries-bulk-batch.ts)
// apart from its insert (here), so that an import prepares the next batch while the database still
// writes the one before.
import { sql } from 'kysely'
import { copyInto } from '../../core/db/copy.ts'
import { BinaryCopy } from '../../core/db/copy-binary.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { Utf8Text } from '../../core/formats/utf8-text.ts'
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
  /** a string, or the bytes an import read (valid UTF-8, written to the database as they are) */
  text: string | Utf8Text
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

/** The columns a batch writes, in the order its COPY sends them (see writeImportRow), each value of its column's type. */
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
  /**
   * leave the kept counts (tally, speakers, people) to countImportedBatch, called in the same
   * transaction before it commits: an import writing two batches at once counts each in file order
   */
  countsLater?: boolean
  /** the batch's memory given back once its COPY is done, for a later batch (its data is not read afterwards) */
  release?: boolean
}

type Stored = { id: number; externalId: string; sourceLine: number }

/** A batch ready to insert: its rows' new ids and their COPY data (binary format). */
export interface PreparedBatch {
  rows: Stored[]
  data: Uint8Array
}

/**
 * The columns every row of a batch repeats (call, process, author, import, file, status), written
 * once in COPY's binary format: PostgreSQL reads each value as stored (no text to parse, a
 * timestamp is one int64), which was a quarter of its work on an import in text format.
 */
export function batchPrefix(batch: ImportBatch): Uint8Array {
  for (const n of [batch.callId, batch.processId, batch.authorAccountId, batch.importId])
    if (!Number.isSafeInteger(n))
      throw new Error('an import batch names its call, process, author and import by number')
  return new BinaryCopy(256)
    .int8(batch.callId)
    .int8(batch.processId)
    .int8(batch.authorAccountId)
    .int8(batch.importId)
    .text(batch.sourceFile)
    .text('published')
    .fields()
}

/** One row of a batch, columns as COLUMNS; `prefix` is batchPrefix's. */
export function writeImportRow(copy: BinaryCopy, prefix: Uint8Array, id: number, r: ImportedContribution): void {
  const at = r.submittedAt.getTime()
  copy.row(COLUMNS.length).int8(id).raw(prefix).int4(r.sourceLine).text(r.externalId)
  copy.timestamptz(at).timestamptz(at).timestamptz(at).text(r.speakingFor)
  if (r.memberStateIso3 === null) copy.null()
  else copy.text(r.memberStateIso3)
  if (r.organizationId === null) copy.null()
  else copy.int8(r.organizationId)
  copy.text(r.contributorName).text(r.stakeholderGroup)
  if (r.regionalGroup === null) copy.null()
  else copy.text(r.regionalGroup)
  copy.bool(r.ldc).bool(r.lldc).bool(r.sids).text(r.language)
  copy.int4Array([r.questionId]).int4(r.questionId)
  if (typeof r.text === 'string') copy.text(r.text)
  else copy.utf8(r.text.bytes, r.text.start, r.text.end)
}

// The memory of batches already written, to write later batches in: a new buffer of some 20 MB
// per batch is memory outside V8's heap, and every few of them set off a full garbage collection of
// it (a fifth of this process's CPU on a bulk import). A buffer is here only once given back
// (releasePreparedBatch), and taken out before it is written in again. The largest are kept (a
// small one would never fit the next batch), and none past a few seconds unused: a server keeps
// no memory for an import that ended.
const spare: ArrayBuffer[] = []
const SPARE_KEPT = 3
let forget: ReturnType<typeof setTimeout> | undefined

/** Memory given back that holds `capacity` bytes (the largest first), taken out of the spares. */
export function takeSpare(capacity: number): ArrayBuffer | undefined {
  const i = spare.findIndex((b) => b.byteLength >= capacity)
  return i === -1 ? undefined : spare.splice(i, 1)[0]
}

/** Gives a batch's memory back once its COPY is done, for a later batch to be written in. */
export function releasePreparedBatch(prepared: PreparedBatch): void {
  const memory = prepared.data.buffer
  prepared.data = new Uint8Array(0)
  if (!(memory instanceof ArrayBuffer) || memory.byteLength < 1 << 16) return
  spare.push(memory)
  spare.sort((a, b) => b.byteLength - a.byteLength)
  spare.length = Math.min(spare.length, SPARE_KEPT)
  clearTimeout(forget)
  forget = setTimeout(() => {
    spare.length = 0
  }, 5_000).unref()
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
): Promise<Stored[]> {
  if (prepared.rows.length === 0) return []
  // inside the caller's transaction no savepoint of its own: a failure fails that transaction (a
  // round trip fewer before each batch's COPY, two with the settings in one statement)
  // its own transaction is not run again after a lost race when it gives the COPY data away
  // (release): a second run would send nothing; the import runner releases after it commits
  const within = (fn: (trx: Db) => Promise<Stored[]>) =>
    db.isTransaction ? fn(db) : inTransaction(db, fn, { retry: !options.release })
  return within(async (trx) => {
    const later = [
      ...(options.searchLater ? ['ecp.search_later'] : []),
      ...(options.countsLater ? ['ecp.counts_later'] : []),
    ]
    if (later.length > 0)
      await sql`select ${sql.join(later.map((name) => sql`set_config(${name}, 'on', true)`))}`.execute(trx)
    // given back only once a COPY succeeded: one that failed may still be sending it
    try {
      await inTransaction(trx, (sp) => copyInto(sp, 'contributions_contribution', COLUMNS, prepared.data))
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error
      const stored = await insertThroughStage(trx, prepared.data)
      if (options.release) releasePreparedBatch(prepared)
      return stored
    }
    if (options.release) releasePreparedBatch(prepared)
    return prepared.rows
  })
}

/** The batch again when a concurrent import stored some of its external ids: those are skipped. */
async function insertThroughStage(trx: Db, data: Uint8Array) {
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
 * The kept counts of contributions a batch inserted with countsLater (migration 20261211-0101), in
 * the batch's transaction: it locks the count rows it adds to until the batch commits, so an import
 * calls it for one batch at a time, in file order, just before that batch commits.
 */
export async function countImportedBatch(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await sql`select contributions_counts_of_batch(${ids}::bigint[])`.execute(db)
}
