// An import batch made as its records are checked: each row goes into the batch's binary COPY data
// at once (ImportBatchWriter), so a record's objects (its fields, their strings, the checked
// contribution) die young instead of waiting in a list for the batch to fill. 5,000 records held a
// batch long outlived the young generation's collections and were moved to the old one, whose full
// collections were a quarter of this process's CPU on a million records. The ids are taken once
// the batch is done, in one statement, and written into its rows then.
import { sql } from 'kysely'
import { BinaryCopy } from '../../core/db/copy-binary.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import {
  batchPrefix,
  type ImportBatch,
  type ImportedContribution,
  type ImportOptions,
  insertPreparedBatch,
  type PreparedBatch,
  takeSpare,
  writeImportRow,
} from './queries-bulk-write.ts'

/**
 * `n` new ids from the table's sequence, in the order taken (outside any transaction is fine: an id
 * a failed batch took is a gap, as sequences leave): the first alone when they are one run (the
 * usual case: no one else took one meanwhile), so that a batch's 5,000 ids are not 5,000 rows for
 * the driver to read (half a second of this process's CPU a million rows).
 */
async function takeIds(db: Db, n: number): Promise<(i: number) => number> {
  // the sequence named once: pg_get_serial_sequence per row was 5 % of the database's work on a batch
  const taken = await sql<{ first: string; all: string[] | null }>`
    with taken as (
      select nextval(s.seq) as id
      from (select pg_get_serial_sequence('contributions_contribution', 'id')::regclass as seq offset 0) s,
        generate_series(1, ${n}))
    select min(id) as first,
      case when max(id) - min(id) + 1 <> count(*) then array_agg(id::text order by id) end as all
    from taken`.execute(db)
  const row = taken.rows[0]
  const first = Number(row?.first)
  if (row?.all) {
    const all = row.all.map(Number)
    return (i) => all[i] as number
  }
  return (i) => first + i
}

/** One batch's rows written as they come; `finish` gives them their ids. An external id twice: the first is kept. */
export class ImportBatchWriter {
  private copy: BinaryCopy | null = null
  private readonly prefix: Uint8Array
  /** the external ids of its rows (an import leaves them out of the next batches while this one is in flight) */
  readonly externalIdSet = new Set<string>()
  private readonly externalIds: string[] = []
  private readonly lines: number[] = []
  /** where each row's id is in the data (0 until the ids are taken) */
  private readonly idAt: number[] = []

  /** `capacity`: the bytes expected (memory given back is used, grown when it is short). */
  constructor(
    batch: ImportBatch,
    private readonly capacity = 1 << 20,
  ) {
    this.prefix = batchPrefix(batch)
  }

  /** Rows written so far. */
  get size(): number {
    return this.externalIds.length
  }

  /** Writes a row, unless the batch has its external id already (false). */
  add(r: ImportedContribution): boolean {
    if (this.externalIdSet.has(r.externalId)) return false
    this.externalIdSet.add(r.externalId)
    this.copy ??= new BinaryCopy(this.capacity, takeSpare(this.capacity))
    // the row's count of fields (2 bytes) and its id's length (4) come before the id
    this.idAt.push(this.copy.size + 6)
    writeImportRow(this.copy, this.prefix, 0, r)
    this.externalIds.push(r.externalId)
    this.lines.push(r.sourceLine)
    return true
  }

  /** The batch, its ids taken from the table's sequence now and written into its rows. */
  async finish(db: Db): Promise<PreparedBatch> {
    const copy = this.copy
    if (copy === null) return { rows: [], data: new Uint8Array(0) }
    const id = await takeIds(db, this.size)
    const rows: PreparedBatch['rows'] = new Array(this.size)
    for (let i = 0; i < this.size; i++) {
      copy.int8At(this.idAt[i] as number, id(i))
      rows[i] = { id: id(i), externalId: this.externalIds[i] as string, sourceLine: this.lines[i] as number }
    }
    return { rows, data: copy.end() }
  }
}

/** A batch's ids and COPY data from its rows at once (see ImportBatchWriter). */
export async function prepareImportedBatch(
  db: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
): Promise<PreparedBatch> {
  // room for the whole batch at once (a UTF-16 unit is at most 3 bytes of UTF-8, the other columns
  // well under 512): growing it as it fills copied the data again
  let capacity = 0
  for (const r of rows)
    capacity +=
      512 +
      3 * (r.externalId.length + r.contributorName.length) +
      (typeof r.text === 'string' ? 3 * r.text.length : r.text.byteLength)
  const writer = new ImportBatchWriter(batch, capacity)
  for (const r of rows) writer.add(r)
  return writer.finish(db)
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
): Promise<PreparedBatch['rows']> {
  if (rows.length === 0) return []
  return inTransaction(db, async (trx) =>
    insertPreparedBatch(trx, await prepareImportedBatch(trx, batch, rows), options),
  )
}
