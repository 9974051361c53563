// Weighted k-means on points of the plane (the participants' places on the two components), with
// k-means++ seeding from a fixed seed or a warm start from earlier centres, and the silhouette.
import { seededRandom } from './pca.ts'

export interface Points {
  x: Float64Array
  y: Float64Array
  /** how many participants each point stands for (1 when absent) */
  weight?: Float64Array
}

export interface KMeans {
  /** centres as [x0, y0, x1, y1, ...] */
  centers: Float64Array
  labels: Int32Array
  /** weighted sum of squared distances to the centres */
  inertia: number
  iterations: number
}

const weightOf = (p: Points, i: number) => (p.weight ? (p.weight[i] as number) : 1)

function distance2(p: Points, i: number, cx: number, cy: number): number {
  const dx = (p.x[i] as number) - cx
  const dy = (p.y[i] as number) - cy
  return dx * dx + dy * dy
}

/** k-means++ seeding: each next centre drawn with probability proportional to weight x squared distance. */
function seedCenters(p: Points, k: number, random: () => number): Float64Array {
  const n = p.x.length
  const centers = new Float64Array(2 * k)
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  let total = 0
  for (let i = 0; i < n; i++) total += weightOf(p, i)
  let pick = 0
  let target = random() * total
  for (let i = 0; i < n; i++) {
    target -= weightOf(p, i)
    if (target <= 0) {
      pick = i
      break
    }
  }
  for (let c = 0; c < k; c++) {
    centers[2 * c] = p.x[pick] as number
    centers[2 * c + 1] = p.y[pick] as number
    let sum = 0
    for (let i = 0; i < n; i++) {
      const d = Math.min(nearest[i] as number, distance2(p, i, p.x[pick] as number, p.y[pick] as number))
      nearest[i] = d
      sum += d * weightOf(p, i)
    }
    if (sum === 0) continue
    target = random() * sum
    for (let i = 0; i < n; i++) {
      target -= (nearest[i] as number) * weightOf(p, i)
      if (target <= 0) {
        pick = i
        break
      }
    }
  }
  return centers
}

/**
 * Lloyd's algorithm, weighted. A centre left without points moves to the point farthest from its
 * own centre, so k groups come out whenever there are k distinct points.
 *
 * Each step skips the search over all centres for a point that cannot change group (Hamerly's
 * bounds): its distance to its own centre is below half the distance from that centre to the
 * nearest other, or below a lower bound on its distance to every other centre (the second
 * nearest at the last search, less how far the centres have moved since). Once the centres
 * barely move, most points cost one distance a step instead of k; the groups are Lloyd's.
 *
 * @example
 * kmeans({ x: Float64Array.of(0, 0, 10, 10), y: Float64Array.of(0, 1, 0, 1) }, 2).centers // (0, .5), (10, .5)
 */
export function kmeans(
  p: Points,
  k: number,
  options: { init?: Float64Array | undefined; seed?: number; maxIterations?: number } = {},
): KMeans {
  const n = p.x.length
  const centers =
    options.init && options.init.length === 2 * k
      ? Float64Array.from(options.init)
      : seedCenters(p, k, seededRandom(options.seed ?? 1))
  const labels = new Int32Array(n).fill(-1)
  // lower bound on each point's distance to every centre but its own (0: search them all)
  const lower = new Float64Array(n)
  const half = new Float64Array(k)
  const moved = new Float64Array(k)
  const sx = new Float64Array(k)
  const sy = new Float64Array(k)
  const sw = new Float64Array(k)
  const maxIterations = options.maxIterations ?? 100
  // settled when no more than this many points change group (none, on small inputs)
  const settled = Math.floor(n / 1000)
  const xs = p.x
  const ys = p.y
  const ws = p.weight
  let iterations = 0
  let inertia = 0
  for (; iterations < maxIterations; iterations++) {
    let changed = 0
    inertia = 0
    sx.fill(0)
    sy.fill(0)
    sw.fill(0)
    let farthest = -1
    let farthestDistance = -1
    for (let c = 0; c < k; c++) {
      let nearest = Number.POSITIVE_INFINITY
      for (let o = 0; o < k; o++) {
        if (o === c) continue
        const dx = (centers[2 * c] as number) - (centers[2 * o] as number)
        const dy = (centers[2 * c + 1] as number) - (centers[2 * o + 1] as number)
        nearest = Math.min(nearest, dx * dx + dy * dy)
      }
      half[c] = Math.sqrt(nearest) / 2
    }
    for (let i = 0; i < n; i++) {
      const px = xs[i] as number
      const py = ys[i] as number
      let best = labels[i] as number
      let bestDistance = Number.POSITIVE_INFINITY
      if (best >= 0) {
        const dx = px - (centers[2 * best] as number)
        const dy = py - (centers[2 * best + 1] as number)
        bestDistance = dx * dx + dy * dy
      }
      const own = Math.sqrt(bestDistance)
      if (!(own < (half[best] as number) || own < (lower[i] as number))) {
        // search every centre: the nearest, and the second nearest as the new lower bound
        best = 0
        bestDistance = Number.POSITIVE_INFINITY
        let second = Number.POSITIVE_INFINITY
        for (let c = 0; c < k; c++) {
          const dx = px - (centers[2 * c] as number)
          const dy = py - (centers[2 * c + 1] as number)
          const d = dx * dx + dy * dy
          if (d < bestDistance) {
            second = bestDistance
            bestDistance = d
            best = c
          } else if (d < second) second = d
        }
        lower[i] = Math.sqrt(second)
        if (labels[i] !== best) {
          labels[i] = best
          changed++
        }
      }
      const w = ws ? (ws[i] as number) : 1
      inertia += w * bestDistance
      sx[best] = (sx[best] as number) + w * px
      sy[best] = (sy[best] as number) + w * py
      sw[best] = (sw[best] as number) + w
      if (bestDistance > farthestDistance) {
        farthestDistance = bestDistance
        farthest = i
      }
    }
    let most = 0
    for (let c = 0; c < k; c++) {
      const ox = centers[2 * c] as number
      const oy = centers[2 * c + 1] as number
      if ((sw[c] as number) > 0) {
        centers[2 * c] = (sx[c] as number) / (sw[c] as number)
        centers[2 * c + 1] = (sy[c] as number) / (sw[c] as number)
      } else if (farthest >= 0 && farthestDistance > 0) {
        centers[2 * c] = xs[farthest] as number
        centers[2 * c + 1] = ys[farthest] as number
        farthestDistance = 0
        changed = settled + 1
      }
      moved[c] = Math.hypot((centers[2 * c] as number) - ox, (centers[2 * c + 1] as number) - oy)
      most = Math.max(most, moved[c] as number)
    }
    if (changed <= settled) {
      iterations++
      break
    }
    // every other centre may have come closer by as much as the farthest one moved
    for (let i = 0; i < n; i++) lower[i] = (lower[i] as number) - most
  }
  return { centers, labels, inertia, iterations }
}

/**
 * The mean silhouette, weighted: a point of weight w stands for w participants at one place.
 * For participant i, a = mean distance to the others of its group, b = the least mean distance
 * to another group's members, s = (b − a) / max(a, b) (0 when alone in its group).
 */
export function silhouette(p: Points, labels: Int32Array, k: number): number {
  const n = p.x.length
  const groupWeight = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    const g = labels[i] as number
    if (g >= 0) groupWeight[g] = (groupWeight[g] as number) + weightOf(p, i)
  }
  const sums = new Float64Array(k)
  let total = 0
  let weighted = 0
  for (let i = 0; i < n; i++) {
    const own = labels[i] as number
    if (own < 0) continue
    sums.fill(0)
    for (let j = 0; j < n; j++) {
      const g = labels[j] as number
      if (j === i || g < 0) continue
      const d = Math.sqrt(distance2(p, i, p.x[j] as number, p.y[j] as number))
      sums[g] = (sums[g] as number) + weightOf(p, j) * d
    }
    const wi = weightOf(p, i)
    total += wi
    const others = (groupWeight[own] as number) - 1
    if (others <= 0) continue
    const a = (sums[own] as number) / others
    let b = Number.POSITIVE_INFINITY
    for (let g = 0; g < k; g++) {
      if (g !== own && (groupWeight[g] as number) > 0) b = Math.min(b, (sums[g] as number) / (groupWeight[g] as number))
    }
    if (!Number.isFinite(b)) continue
    const s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0
    weighted += wi * s
  }
  return total > 0 ? weighted / total : 0
}
