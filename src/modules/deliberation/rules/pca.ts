// Principal components of the vote matrix, as Polis computes them: a missing vote is filled with
// the statement's mean vote, so the centred matrix is as sparse as the votes; the two leading
// components come from orthogonal (power) iteration on CᵀC, warm-started from the previous run.
import { type Covariance, pairCountsOf } from './covariance.ts'
import type { SparseVotes } from './matrix.ts'

export interface Pca {
  /** mean vote per statement over those who voted on it (agree 1, disagree -1, pass 0) */
  means: Float64Array
  /** two unit vectors over the statements */
  components: [Float64Array, Float64Array]
  /** their eigenvalues (variance along each, per participant) */
  eigenvalues: [number, number]
  iterations: number
}

export interface PcaOptions {
  /** the previous components (same statements, maybe fewer): a warm start */
  start?: [Float64Array, Float64Array] | undefined
  maxIterations?: number
  /** stop when 1 - |cos| between successive vectors falls below this */
  tolerance?: number
  /** CᵀC of these votes, when already counted */
  covariance?: Covariance | undefined
}

/** Mean vote of each statement among those who voted on it (0 when nobody did). */
export function statementMeans(votes: SparseVotes): Float64Array {
  const sums = new Float64Array(votes.statements)
  const counts = new Float64Array(votes.statements)
  const nnz = votes.rowStart[votes.participants] as number
  for (let k = 0; k < nnz; k++) {
    const j = votes.col[k] as number
    sums[j] = (sums[j] as number) + (votes.val[k] as number)
    counts[j] = (counts[j] as number) + 1
  }
  for (let j = 0; j < votes.statements; j++) sums[j] = counts[j] ? (sums[j] as number) / (counts[j] as number) : 0
  return sums
}

/** A small deterministic generator (mulberry32), so runs repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function normalize(v: Float64Array): number {
  let s = 0
  for (let j = 0; j < v.length; j++) s += (v[j] as number) ** 2
  const norm = Math.sqrt(s)
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) / norm
  return norm
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number)
  return s
}

/** Removes from v its part along the unit vector u and normalizes it; returns the norm left. */
function orthonormalize(v: Float64Array, u: Float64Array): number {
  const overlap = dot(v, u)
  for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) - overlap * (u[j] as number)
  return normalize(v)
}

/** The basis vector least along u, made orthogonal to it. */
function basisOrthogonalTo(v: Float64Array, u: Float64Array): void {
  let best = 0
  for (let j = 1; j < u.length; j++) if (Math.abs(u[j] as number) < Math.abs(u[best] as number)) best = j
  v.fill(0)
  v[best] = 1
  orthonormalize(v, u)
}

function startVector(m: number, previous: Float64Array | undefined, random: () => number): Float64Array {
  const v = new Float64Array(m)
  for (let j = 0; j < m; j++) v[j] = previous && j < previous.length ? (previous[j] as number) : random() - 0.5
  // a previous vector can be all but zero on the statements still present: top it up
  if (normalize(v) < 1e-6) for (let j = 0; j < m; j++) v[j] = random() - 0.5
  normalize(v)
  return v
}

/**
 * The two leading principal components of the mean-filled vote matrix.
 *
 * Orthogonal (power) iteration on CᵀC (covariance.ts): each step multiplies both vectors by the
 * statements x statements matrix and orthonormalizes them (Gram-Schmidt). `options.covariance`
 * is CᵀC already at hand (kept up to date as votes come, by the grid); otherwise it is counted
 * from the votes.
 */
export function pca2(votes: SparseVotes, options: PcaOptions = {}): Pca {
  const n = votes.participants
  const { statements: m, means, matrix } = options.covariance ?? pairCountsOf(votes).covariance(votes.statements)
  const random = seededRandom(7)
  let w1 = startVector(m, options.start?.[0], random)
  let w2 = startVector(m, options.start?.[1], random)
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-9
  let lambda1 = 0
  let lambda2 = 0
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const z1 = new Float64Array(m)
    const z2 = new Float64Array(m)
    for (let j = 0; j < m; j++) {
      const base = j * m
      let a = 0
      let b = 0
      for (let l = 0; l < m; l++) {
        const c = matrix[base + l] as number
        a += c * (w1[l] as number)
        b += c * (w2[l] as number)
      }
      z1[j] = a
      z2[j] = b
    }
    lambda1 = normalize(z1) / Math.max(1, n)
    // no spread at all: the start vectors stand
    if (lambda1 === 0) z1.set(w1)
    lambda2 = orthonormalize(z2, z1) / Math.max(1, n)
    // rank one: any unit vector orthogonal to the first will do; keep the last one
    if (lambda2 < 1e-12 * Math.max(lambda1, 1e-300)) {
      lambda2 = 0
      z2.set(w2)
      if (orthonormalize(z2, z1) < 1e-9) basisOrthogonalTo(z2, z1)
    }
    const change = Math.max(1 - Math.abs(dot(z1, w1)), 1 - Math.abs(dot(z2, w2)))
    w1 = z1
    w2 = z2
    if (change < tolerance) {
      iterations++
      break
    }
  }
  orient(w1, options.start?.[0])
  orient(w2, options.start?.[1])
  return { means, components: [w1, w2], eigenvalues: [lambda1, lambda2], iterations }
}

/** A component's sign is arbitrary: keep the previous one's, or make its largest entry positive. */
function orient(w: Float64Array, previous: Float64Array | undefined): void {
  let sign = 0
  if (previous) {
    let s = 0
    for (let j = 0; j < Math.min(w.length, previous.length); j++) s += (w[j] as number) * (previous[j] as number)
    sign = Math.sign(s)
  }
  if (sign === 0) {
    let largest = 0
    for (let j = 0; j < w.length; j++) if (Math.abs(w[j] as number) > Math.abs(largest)) largest = w[j] as number
    sign = largest < 0 ? -1 : 1
  }
  if (sign < 0) for (let j = 0; j < w.length; j++) w[j] = -(w[j] as number)
}

/**
 * Each participant's place on the two components, from the statements they voted on only and
 * scaled by √(statements / their votes) (Polis), so that a participant with few votes is not
 * pulled to the centre. Participants with no vote sit at the origin.
 */
export function project(votes: SparseVotes, pca: Pca): { x: Float64Array; y: Float64Array } {
  const { participants: n, statements: m, rowStart, col, val } = votes
  const [w1, w2] = pca.components
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const start = rowStart[i] as number
    const end = rowStart[i + 1] as number
    if (end === start) continue
    let a = 0
    let b = 0
    for (let k = start; k < end; k++) {
      const j = col[k] as number
      const c = (val[k] as number) - (pca.means[j] as number)
      a += c * (w1[j] as number)
      b += c * (w2[j] as number)
    }
    const scale = Math.sqrt(m / (end - start))
    x[i] = a * scale
    y[i] = b * scale
  }
  return { x, y }
}
