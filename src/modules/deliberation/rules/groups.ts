// Opinion groups, in Polis's two stages: up to 100 base clusters of the participants' places,
// then weighted k-means of the base centres for k = 2..5, the k with the best silhouette kept.
import { type KMeans, kmeans, type Points, silhouette } from './kmeans.ts'

export const BASE_CLUSTERS = 100
export const MIN_GROUPS = 2
export const MAX_GROUPS = 5

export interface OpinionGroups {
  k: number
  /** group of each participant, -1 when not clustered (too few votes) */
  labels: Int32Array
  /** group centres as [x0, y0, x1, y1, ...], largest group first */
  centers: Float64Array
  silhouette: number
  /** the base centres, kept to warm-start the next run */
  baseCenters: Float64Array
}

/**
 * Clusters the participants for whom `eligible` is true.
 *
 * @param previousBase base centres of the previous run (warm start: groups stay put between runs)
 */
export function opinionGroups(
  place: { x: Float64Array; y: Float64Array },
  eligible: Uint8Array,
  previousBase?: Float64Array,
): OpinionGroups {
  const n = place.x.length
  let count = 0
  for (let i = 0; i < n; i++) if (eligible[i]) count++
  const members = new Int32Array(count)
  const points: Points = { x: new Float64Array(count), y: new Float64Array(count) }
  for (let i = 0, at = 0; i < n; i++) {
    if (!eligible[i]) continue
    members[at] = i
    points.x[at] = place.x[i] as number
    points.y[at++] = place.y[i] as number
  }
  const labels = new Int32Array(n).fill(-1)
  const baseCount = Math.min(BASE_CLUSTERS, members.length)
  if (baseCount < MIN_GROUPS + 1) {
    return { k: 0, labels, centers: new Float64Array(0), silhouette: 0, baseCenters: new Float64Array(0) }
  }
  const init = previousBase && previousBase.length === 2 * baseCount ? previousBase : undefined
  // base clusters only summarize the cloud of places, so a few steps do; a warm start needs fewer
  const base = kmeans(points, baseCount, { init, maxIterations: init ? 5 : 20 })
  const baseWeight = new Float64Array(baseCount)
  for (let at = 0; at < count; at++) {
    const label = base.labels[at] as number
    baseWeight[label] = (baseWeight[label] as number) + 1
  }
  // empty base clusters drop out
  const used: number[] = []
  for (let c = 0; c < baseCount; c++) if ((baseWeight[c] as number) > 0) used.push(c)
  const centres: Points = {
    x: Float64Array.from(used, (c) => base.centers[2 * c] as number),
    y: Float64Array.from(used, (c) => base.centers[2 * c + 1] as number),
    weight: Float64Array.from(used, (c) => baseWeight[c] as number),
  }
  let best: { run: KMeans; k: number; score: number } | undefined
  const maxK = Math.min(MAX_GROUPS, used.length - 1)
  for (let k = MIN_GROUPS; k <= maxK; k++) {
    // several seeds: k-means++ can land in a poor local optimum on few weighted points
    let run: KMeans | undefined
    for (const seed of [1, 2, 3]) {
      const attempt = kmeans(centres, k, { seed })
      if (!run || attempt.inertia < run.inertia) run = attempt
    }
    if (!run) continue
    const score = silhouette(centres, run.labels, k)
    if (!best || score > best.score + 1e-12) best = { run, k, score }
  }
  if (!best) return { k: 0, labels, centers: new Float64Array(0), silhouette: 0, baseCenters: base.centers }
  // order groups by size, largest first, so ids read the same way on every run
  const size = new Float64Array(best.k)
  best.run.labels.forEach((g, index) => {
    size[g] = (size[g] as number) + (centres.weight?.[index] as number)
  })
  const order = Array.from({ length: best.k }, (_, g) => g).sort((a, b) => (size[b] as number) - (size[a] as number))
  const rank = new Int32Array(best.k)
  order.forEach((g, r) => {
    rank[g] = r
  })
  const groupOfBase = new Int32Array(baseCount).fill(-1)
  used.forEach((c, index) => {
    groupOfBase[c] = rank[best.run.labels[index] as number] as number
  })
  for (let at = 0; at < count; at++) labels[members[at] as number] = groupOfBase[base.labels[at] as number] as number
  const centers = new Float64Array(2 * best.k)
  order.forEach((g, r) => {
    centers[2 * r] = best.run.centers[2 * g] as number
    centers[2 * r + 1] = best.run.centers[2 * g + 1] as number
  })
  return { k: best.k, labels, centers, silhouette: best.score, baseCenters: base.centers }
}
