// The covariance of the mean-filled vote matrix, CᵀC (C: each vote minus its statement's mean,
// a missing vote counting as the mean, so 0), from counts over pairs of statements that a new
// vote updates in O(votes of its participant). With it the power iteration of the PCA costs
// statements² a step, whatever the number of votes, and an update after new votes reads none of
// the others. For statements j and l, over the participants who voted on both:
//   (CᵀC)_jl = Σ v_j v_l − μ_l Σ v_j − μ_j Σ v_l + μ_j μ_l · count
// (μ: the mean vote of each statement among those who voted on it).
import type { SparseVotes } from './matrix.ts'

/** CᵀC over m statements, row-major, with the statements' means. */
export interface Covariance {
  statements: number
  means: Float64Array
  matrix: Float64Array
}

/** Fields of a pair's counts, 4 per pair of columns j ≤ l, at (j * width + l) * 4. */
const BOTH = 0 // participants who voted on both (on the diagonal: on j)
const PRODUCT = 1 // Σ v_j · v_l over them
const SUM_LOW = 2 // Σ v_j over them (j, the lower column)
const SUM_HIGH = 3 // Σ v_l over them

/**
 * Counts over pairs of statements (columns of a grid `width` wide), one cell of four numbers per
 * pair j ≤ l, side by side so that counting a pair touches one cache line.
 */
export class PairCounts {
  readonly cells: Int32Array
  // a plain field, not a parameter property: the worker thread runs this file with types stripped
  readonly width: number

  constructor(width: number) {
    this.width = width
    this.cells = new Int32Array(width * width * 4)
  }

  /**
   * Adds (sign 1) or removes (sign −1) the vote `vote` on column j of a participant whose other
   * votes are `row` (grid codes: 0 missing, vote + 2 otherwise; the code at j is not read).
   */
  apply(row: Int8Array, j: number, vote: number, sign: 1 | -1): void {
    const { width, cells } = this
    for (let l = 0; l < row.length; l++) {
      const code = row[l] as number
      if (code === 0 || l === j) continue
      const other = code - 2
      const at = (j < l ? j * width + l : l * width + j) * 4
      cells[at + BOTH] = (cells[at + BOTH] as number) + sign
      cells[at + PRODUCT] = (cells[at + PRODUCT] as number) + sign * vote * other
      cells[at + SUM_LOW] = (cells[at + SUM_LOW] as number) + sign * (j < l ? vote : other)
      cells[at + SUM_HIGH] = (cells[at + SUM_HIGH] as number) + sign * (j < l ? other : vote)
    }
    const d = (j * width + j) * 4
    cells[d + BOTH] = (cells[d + BOTH] as number) + sign
    cells[d + PRODUCT] = (cells[d + PRODUCT] as number) + sign * vote * vote
    cells[d + SUM_LOW] = (cells[d + SUM_LOW] as number) + sign * vote
    cells[d + SUM_HIGH] = (cells[d + SUM_HIGH] as number) + sign * vote
  }

  /** Adds every pair of one participant's votes at once (columns and votes in step, no column twice). */
  addRow(cols: Int32Array, votes: Int8Array, count: number): void {
    const { width, cells } = this
    for (let p = 0; p < count; p++) {
      const j = cols[p] as number
      const vj = votes[p] as number
      for (let q = p; q < count; q++) {
        const l = cols[q] as number
        const vl = votes[q] as number
        // the grid's rows come with columns ascending: the first branch
        const low = l >= j
        const at = (low ? j * width + l : l * width + j) * 4
        cells[at + BOTH] = (cells[at + BOTH] as number) + 1
        cells[at + PRODUCT] = (cells[at + PRODUCT] as number) + vj * vl
        cells[at + SUM_LOW] = (cells[at + SUM_LOW] as number) + (low ? vj : vl)
        cells[at + SUM_HIGH] = (cells[at + SUM_HIGH] as number) + (low ? vl : vj)
      }
    }
  }

  /** CᵀC over the columns kept (`keep[j]` 1; all when absent), renumbered in order. */
  covariance(columns: number, keep?: Uint8Array): Covariance {
    const { width, cells } = this
    const kept: number[] = []
    for (let j = 0; j < columns; j++) if (!keep || keep[j]) kept.push(j)
    const m = kept.length
    const means = new Float64Array(m)
    for (let a = 0; a < m; a++) {
      const d = (kept[a] as number) * (width + 1) * 4
      const voters = cells[d + BOTH] as number
      means[a] = voters > 0 ? (cells[d + SUM_LOW] as number) / voters : 0
    }
    const matrix = new Float64Array(m * m)
    for (let a = 0; a < m; a++) {
      const jRow = (kept[a] as number) * width
      const muJ = means[a] as number
      for (let b = a; b < m; b++) {
        const muL = means[b] as number
        const at = (jRow + (kept[b] as number)) * 4
        const value =
          (cells[at + PRODUCT] as number) -
          muL * (cells[at + SUM_LOW] as number) -
          muJ * (cells[at + SUM_HIGH] as number) +
          muJ * muL * (cells[at + BOTH] as number)
        matrix[a * m + b] = value
        matrix[b * m + a] = value
      }
    }
    return { statements: m, means, matrix }
  }
}

/** The pair counts of sparse votes (every participant's votes, pair by pair). */
export function pairCountsOf(votes: SparseVotes): PairCounts {
  const counts = new PairCounts(votes.statements)
  for (let i = 0; i < votes.participants; i++) {
    const start = votes.rowStart[i] as number
    const end = votes.rowStart[i + 1] as number
    counts.addRow(votes.col.subarray(start, end), votes.val.subarray(start, end), end - start)
  }
  return counts
}
