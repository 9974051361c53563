// The vote matrix: participants x statements, held as a dense byte grid while votes arrive (one
// byte a cell: 33,422 x 783 is 26 MB) and compressed to sparse rows (CSR) for the analysis.
// Once an analysis has asked for them, the grid keeps the pair counts of CᵀC (covariance.ts) up
// to date vote by vote, and remembers its last CSR form and which rows changed since, so an
// update after new votes re-reads only the participants who voted.
import { type Covariance, PairCounts } from './covariance.ts'

/** A vote as ecp stores it: 1 agree, -1 disagree, 0 pass. */
export type Vote = -1 | 0 | 1

/** Cell codes of the dense grid (0 is "not voted"). */
const MISSING = 0
const encode = (vote: Vote): number => vote + 2 // -1 -> 1, 0 -> 2, 1 -> 3

/** Sparse rows: the votes of participant i are col/val[rowStart[i] .. rowStart[i+1]). */
export interface SparseVotes {
  participants: number
  statements: number
  rowStart: Int32Array
  col: Int32Array
  val: Int8Array
}

/**
 * A growable vote matrix: `set` records or replaces a vote in O(1); `sparse()` gives the CSR form.
 *
 * @example
 * const m = new VoteGrid(783); m.set(m.participant('p1'), m.statement('s1'), 1)
 */
export class VoteGrid {
  private cells: Int8Array
  private capacity: number
  readonly participantIds: string[] = []
  readonly statementIds: string[] = []
  private readonly participantIndex = new Map<string, number>()
  private readonly statementIndex = new Map<string, number>()
  private readonly statementCapacity: number
  /** cells holding a vote */
  private filled = 0
  /** counted on the first `covariance()`, then kept up to date by `set` */
  private pairs: PairCounts | null = null
  /** rows changed since the last `sparse()`, flagged and listed */
  private changed: Uint8Array
  private changedRows: number[] = []
  private last: (SparseVotes & { statementIds: string[]; keep: Uint8Array | undefined }) | null = null

  /** `statementCapacity` bounds the statements (the grid's width); it grows rows as participants come. */
  constructor(statementCapacity: number, participantCapacity = 1024) {
    this.statementCapacity = Math.max(1, statementCapacity)
    this.capacity = Math.max(1, participantCapacity)
    this.cells = new Int8Array(this.capacity * this.statementCapacity)
    this.changed = new Uint8Array(this.capacity)
  }

  get width(): number {
    return this.statementCapacity
  }

  /** The row of a participant, added when first seen. */
  participant(id: string): number {
    let index = this.participantIndex.get(id)
    if (index === undefined) {
      index = this.participantIds.length
      this.participantIds.push(id)
      this.participantIndex.set(id, index)
      if (index >= this.capacity) this.grow(index + 1)
    }
    return index
  }

  /** The column of a statement, added when first seen; -1 when the grid is full. */
  statement(id: string): number {
    let index = this.statementIndex.get(id)
    if (index === undefined) {
      if (this.statementIds.length >= this.statementCapacity) return -1
      index = this.statementIds.length
      this.statementIds.push(id)
      this.statementIndex.set(id, index)
    }
    return index
  }

  hasStatement(id: string): boolean {
    return this.statementIndex.has(id)
  }

  set(participant: number, statement: number, vote: Vote): void {
    const width = this.statementCapacity
    const cell = participant * width + statement
    const old = this.cells[cell] as number
    const code = encode(vote)
    if (old === code) return
    if (old === MISSING) this.filled++
    if (this.pairs) {
      const row = this.cells.subarray(participant * width, (participant + 1) * width)
      if (old !== MISSING) this.pairs.apply(row, statement, old - 2, -1)
      this.pairs.apply(row, statement, vote, 1)
    }
    this.cells[cell] = code
    if (!this.changed[participant]) {
      this.changed[participant] = 1
      this.changedRows.push(participant)
    }
  }

  /** CᵀC of the votes over the statements kept (all when absent), counted once then kept up to date. */
  covariance(keep?: Uint8Array): Covariance {
    if (!this.pairs) {
      const all = this.sparseRows(undefined)
      const pairs = new PairCounts(this.statementCapacity)
      for (let i = 0; i < all.participants; i++) {
        const start = all.rowStart[i] as number
        const end = all.rowStart[i + 1] as number
        pairs.addRow(all.col.subarray(start, end), all.val.subarray(start, end), end - start)
      }
      this.pairs = pairs
    }
    return this.pairs.covariance(this.statementIds.length, keep)
  }

  /** How many votes the grid holds. */
  get votes(): number {
    return this.filled
  }

  get(participant: number, statement: number): Vote | null {
    const code = this.cells[participant * this.statementCapacity + statement] ?? MISSING
    return code === MISSING ? null : ((code - 2) as Vote)
  }

  private grow(minimum: number): void {
    let capacity = this.capacity
    while (capacity < minimum) capacity *= 2
    const cells = new Int8Array(capacity * this.statementCapacity)
    cells.set(this.cells)
    this.cells = cells
    const changed = new Uint8Array(capacity)
    changed.set(this.changed)
    this.changed = changed
    this.capacity = capacity
  }

  /**
   * The CSR form over the participants and statements seen so far, columns in order; with `keep`,
   * only the statements marked 1 (moderated-out statements drop out), renumbered in order.
   */
  sparse(keep?: Uint8Array): SparseVotes & { statementIds: string[] } {
    const last = this.last
    const reusable =
      last !== null &&
      last.col.buffer.byteLength > 0 &&
      last.statementIds.length <= this.statementIds.length &&
      sameKeep(last.keep, keep, this.statementIds.length) &&
      last.statementIds.length === keptCount(keep, this.statementIds.length)
    const next = reusable ? this.patched(last, keep) : this.sparseRows(keep)
    for (const i of this.changedRows) this.changed[i] = 0
    this.changedRows = []
    this.last = { ...next, keep: keep && Uint8Array.from(keep) }
    return next
  }

  /** The last CSR form with the changed rows (and the new ones) read again from the grid. */
  private patched(
    last: SparseVotes & { statementIds: string[] },
    keep: Uint8Array | undefined,
  ): SparseVotes & { statementIds: string[] } {
    const n = this.participantIds.length
    const old = last.participants
    const width = this.statementCapacity
    const seen = this.statementIds.length
    const column = new Int32Array(seen)
    for (let j = 0, c = 0; j < seen; j++) column[j] = keep && !keep[j] ? -1 : c++
    const fresh = (i: number) => i >= old || this.changed[i] === 1
    const rowStart = new Int32Array(n + 1)
    let total = 0
    for (let i = 0; i < n; i++) {
      rowStart[i] = total
      if (!fresh(i)) total += (last.rowStart[i + 1] as number) - (last.rowStart[i] as number)
      else
        for (let j = 0, base = i * width; j < seen; j++) if (this.cells[base + j] && (column[j] as number) >= 0) total++
    }
    rowStart[n] = total
    const col = new Int32Array(total)
    const val = new Int8Array(total)
    for (let i = 0; i < n; ) {
      if (!fresh(i)) {
        // a run of unchanged rows is copied at once
        let end = i
        while (end < n && !fresh(end)) end++
        const from = last.rowStart[i] as number
        const to = last.rowStart[end] as number
        col.set(last.col.subarray(from, to), rowStart[i] as number)
        val.set(last.val.subarray(from, to), rowStart[i] as number)
        i = end
        continue
      }
      let k = rowStart[i] as number
      for (let j = 0, base = i * width; j < seen; j++) {
        const code = this.cells[base + j] as number
        if (code !== MISSING && (column[j] as number) >= 0) {
          col[k] = column[j] as number
          val[k++] = code - 2
        }
      }
      i++
    }
    return {
      participants: n,
      statements: last.statementIds.length,
      rowStart,
      col,
      val,
      statementIds: last.statementIds,
    }
  }

  /** The CSR form read from the whole grid. */
  private sparseRows(keep: Uint8Array | undefined): SparseVotes & { statementIds: string[] } {
    const n = this.participantIds.length
    const seen = this.statementIds.length
    const width = this.statementCapacity
    const cells = this.cells
    const column = new Int32Array(seen).fill(-1)
    const statementIds: string[] = []
    for (let j = 0; j < seen; j++) {
      if (keep && !keep[j]) continue
      column[j] = statementIds.length
      statementIds.push(this.statementIds[j] as string)
    }
    // the votes held bound the votes kept
    const rowStart = new Int32Array(n + 1)
    const col = new Int32Array(this.filled)
    const val = new Int8Array(this.filled)
    let k = 0
    for (let i = 0; i < n; i++) {
      rowStart[i] = k
      const base = i * width
      for (let j = 0; j < seen; j++) {
        const code = cells[base + j] as number
        if (code !== MISSING && (column[j] as number) >= 0) {
          col[k] = column[j] as number
          val[k] = code - 2
          k++
        }
      }
    }
    rowStart[n] = k
    return {
      participants: n,
      statements: statementIds.length,
      rowStart,
      col: k < col.length ? col.subarray(0, k) : col,
      val: k < val.length ? val.subarray(0, k) : val,
      statementIds,
    }
  }
}

const keptCount = (keep: Uint8Array | undefined, seen: number) => {
  let count = 0
  for (let j = 0; j < seen; j++) if (!keep || keep[j]) count++
  return count
}

/** Whether two masks keep the same statements among the first `seen` (absent keeps all). */
function sameKeep(a: Uint8Array | undefined, b: Uint8Array | undefined, seen: number): boolean {
  for (let j = 0; j < seen; j++) if ((a ? (a[j] ?? 1) : 1) !== (b ? (b[j] ?? 1) : 1)) return false
  return true
}

/** Builds the sparse matrix from (participant, statement, vote) rows; the last vote on a cell wins. */
export function voteGridFrom(
  rows: Iterable<{ participant: string; statement: string; vote: Vote }>,
  statementCapacity: number,
): VoteGrid {
  const grid = new VoteGrid(statementCapacity)
  for (const row of rows) {
    const s = grid.statement(row.statement)
    if (s >= 0) grid.set(grid.participant(row.participant), s, row.vote)
  }
  return grid
}
