// The vote matrix: participants x statements, held as a dense byte grid while votes arrive (one
// byte a cell: 33,422 x 783 is 26 MB) and compressed to sparse rows (CSR) for the analysis.

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

  /** `statementCapacity` bounds the statements (the grid's width); it grows rows as participants come. */
  constructor(statementCapacity: number, participantCapacity = 1024) {
    this.statementCapacity = Math.max(1, statementCapacity)
    this.capacity = Math.max(1, participantCapacity)
    this.cells = new Int8Array(this.capacity * this.statementCapacity)
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
    const cell = participant * this.statementCapacity + statement
    if (this.cells[cell] === MISSING) this.filled++
    this.cells[cell] = encode(vote)
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
    this.capacity = capacity
  }

  /**
   * The CSR form over the participants and statements seen so far, columns in order; with `keep`,
   * only the statements marked 1 (moderated-out statements drop out), renumbered in order.
   */
  sparse(keep?: Uint8Array): SparseVotes & { statementIds: string[] } {
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
