// The whole analysis of a deliberation from its votes: places (PCA), opinion groups (k-means,
// silhouette), group-informed consensus, divisiveness, what each group thinks, and bridging
// across the declared groups. Pure: the caller loads the votes and stores the result.
import {
  bridging,
  countByGroups,
  divisiveness,
  type GroupCounts,
  groupInformedConsensus,
  type Representative,
  representative,
} from './agreement.ts'
import type { Covariance } from './covariance.ts'
import { opinionGroups } from './groups.ts'
import type { SparseVotes } from './matrix.ts'
import { pca2, project } from './pca.ts'

/** A dimension of declared groups (UN regional group, stakeholder group): names and each participant's. */
export interface DeclaredDimension {
  names: readonly string[]
  /** index into names per participant, -1 when undeclared */
  labels: Int32Array
}

export interface AnalysisInput {
  votes: SparseVotes
  participantIds: readonly string[]
  statementIds: readonly string[]
  declared: DeclaredDimension[]
  previous?: AnalysisState | undefined
  /** CᵀC of these votes when the caller keeps it (VoteGrid.covariance); counted here otherwise */
  covariance?: Covariance | undefined
}

/** What a run keeps to warm-start the next: the components (by statement) and the base centres. */
export interface AnalysisState {
  statements: string[]
  components: [number[], number[]]
  baseCenters: number[]
}

/** The previous components over this run's statements (a statement new since counts 0). */
function alignedStart(previous: AnalysisState, statementIds: readonly string[]): [Float64Array, Float64Array] {
  const at = new Map(previous.statements.map((id, j) => [id, j]))
  const pick = (component: number[]) =>
    Float64Array.from(statementIds, (id) => {
      const j = at.get(id)
      return j === undefined ? 0 : (component[j] ?? 0)
    })
  return [pick(previous.components[0]), pick(previous.components[1])]
}

export interface Scored {
  statement: string
  score: number
}

export interface BridgingRow extends Scored {
  byGroup: Record<string, number>
}

export interface GroupView {
  id: number
  size: number
  representative: Array<{ statement: string; direction: Representative['direction']; rate: number }>
}

export interface MapCell {
  /** cell centre in the plane of the two components */
  x: number
  y: number
  /** the most common opinion group in the cell (-1: not clustered) */
  group: number
  count: number
}

export interface AnalysisResult {
  groups: Array<{ id: number; members: string[]; center: [number, number] }>
  consensus: Scored[]
  bridging: BridgingRow[]
  divisive: Scored[]
  groupViews: GroupView[]
  /** participants with at least one vote per declared group */
  declared: Record<string, number>
  map: { cells: MapCell[]; extent: [number, number, number, number] }
  totals: { participants: number; statements: number; votes: number; clustered: number }
  silhouette: number
  /** variance along each component, per participant */
  eigenvalues: [number, number]
}

/** Participants need min(7, statements) votes to be clustered (Polis). */
export const MIN_VOTES_TO_CLUSTER = 7
/** Map bins per side. */
export const MAP_BINS = 40

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits

export function analyze(input: AnalysisInput): { result: AnalysisResult; state: AnalysisState } {
  const { votes, participantIds, statementIds } = input
  const n = votes.participants
  const m = votes.statements
  const previous = input.previous
  const pca = pca2(votes, {
    start: previous?.statements ? alignedStart(previous, statementIds) : undefined,
    covariance: input.covariance,
  })
  const place = project(votes, pca)
  const eligible = new Uint8Array(n)
  const needed = Math.min(MIN_VOTES_TO_CLUSTER, m)
  let voters = 0
  for (let i = 0; i < n; i++) {
    const count = (votes.rowStart[i + 1] as number) - (votes.rowStart[i] as number)
    if (count > 0) voters++
    eligible[i] = count >= needed && count > 0 ? 1 : 0
  }
  const groups = opinionGroups(place, eligible, previous ? Float64Array.from(previous.baseCenters) : undefined)
  // declared groups: every dimension's names in one label space
  const names: string[] = []
  const declaredLabels: Int32Array[] = []
  for (const dimension of input.declared) {
    const offset = names.length
    names.push(...dimension.names)
    declaredLabels.push(dimension.labels.map((label) => (label >= 0 ? label + offset : -1)))
  }
  const [counts, ...declaredCounts] = countByGroups(votes, [
    { labels: groups.labels, groups: groups.k },
    ...declaredLabels.map((labels) => ({ labels, groups: names.length })),
  ]) as [GroupCounts, ...GroupCounts[]]
  const gic = groupInformedConsensus(counts)
  const divisive = divisiveness(counts)
  const voted = new Uint8Array(m)
  for (let k = 0; k < (votes.rowStart[n] as number); k++) voted[votes.col[k] as number] = 1
  const ranked = (score: Float64Array, tie?: Float64Array): number[] =>
    Array.from({ length: m }, (_, j) => j)
      .filter((j) => voted[j])
      .sort(
        (a, b) =>
          (score[b] as number) - (score[a] as number) || (tie ? (tie[b] as number) - (tie[a] as number) : 0) || a - b,
      )
  const members: string[][] = Array.from({ length: groups.k }, () => [])
  for (let i = 0; i < n; i++) {
    const g = groups.labels[i] as number
    if (g >= 0) members[g]?.push(participantIds[i] as string)
  }
  const sid = (j: number) => statementIds[j] as string

  const cells = names.length * m
  const merged: GroupCounts = {
    groups: names.length,
    statements: m,
    agree: new Float64Array(cells),
    disagree: new Float64Array(cells),
    seen: new Float64Array(cells),
  }
  const perGroup = new Float64Array(names.length)
  for (const [d, c] of declaredCounts.entries()) {
    for (let cell = 0; cell < c.seen.length; cell++) {
      merged.agree[cell] = (merged.agree[cell] as number) + (c.agree[cell] as number)
      merged.disagree[cell] = (merged.disagree[cell] as number) + (c.disagree[cell] as number)
      merged.seen[cell] = (merged.seen[cell] as number) + (c.seen[cell] as number)
    }
    const labels = declaredLabels[d] as Int32Array
    for (let i = 0; i < n; i++) {
      const g = labels[i] as number
      if (g >= 0 && (votes.rowStart[i + 1] as number) > (votes.rowStart[i] as number))
        perGroup[g] = (perGroup[g] as number) + 1
    }
  }
  const bridge = bridging(merged, perGroup)
  const declared: Record<string, number> = {}
  names.forEach((name, g) => {
    if (bridge.present[g]) declared[name] = perGroup[g] as number
  })

  const result: AnalysisResult = {
    groups: members.map((list, g) => ({
      id: g,
      members: list,
      center: [round(groups.centers[2 * g] as number), round(groups.centers[2 * g + 1] as number)],
    })),
    consensus: ranked(gic).map((j) => ({ statement: sid(j), score: round(gic[j] as number) })),
    bridging: ranked(bridge.score, bridge.mean).map((j) => {
      const byGroup: Record<string, number> = {}
      names.forEach((name, g) => {
        if (bridge.present[g]) byGroup[name] = round(bridge.byGroup[g * m + j] as number)
      })
      return { statement: sid(j), score: round(bridge.score[j] as number), byGroup }
    }),
    divisive: ranked(divisive).map((j) => ({ statement: sid(j), score: round(divisive[j] as number) })),
    groupViews: members.map((list, g) => ({
      id: g,
      size: list.length,
      representative: representative(counts, g).map((r) => ({
        statement: sid(r.statement),
        direction: r.direction,
        rate: round(r.rate),
      })),
    })),
    declared,
    map: binMap(place, groups.labels, groups.k, votes.rowStart),
    totals: {
      participants: voters,
      statements: m,
      votes: votes.rowStart[n] as number,
      clustered: members.flat().length,
    },
    silhouette: round(groups.silhouette),
    eigenvalues: [round(pca.eigenvalues[0], 6), round(pca.eigenvalues[1], 6)],
  }
  const state: AnalysisState = {
    statements: [...statementIds],
    components: [Array.from(pca.components[0]), Array.from(pca.components[1])],
    baseCenters: Array.from(groups.baseCenters),
  }
  return { result, state }
}

/** Bins the participants' places into a MAP_BINS² grid (what the SVG draws: no person is a dot). */
export function binMap(
  place: { x: Float64Array; y: Float64Array },
  labels: Int32Array,
  k: number,
  rowStart?: Int32Array,
): AnalysisResult['map'] {
  const n = place.x.length
  // participants without a vote are left off the map
  const voted = (i: number) => !rowStart || (rowStart[i + 1] as number) > (rowStart[i] as number)
  let [x0, x1, y0, y1] = [0, 0, 0, 0]
  for (let i = 0; i < n; i++) {
    if (!voted(i)) continue
    x0 = Math.min(x0, place.x[i] as number)
    x1 = Math.max(x1, place.x[i] as number)
    y0 = Math.min(y0, place.y[i] as number)
    y1 = Math.max(y1, place.y[i] as number)
  }
  const width = x1 - x0 || 1
  const height = y1 - y0 || 1
  const tally = new Map<number, Float64Array>()
  for (let i = 0; i < n; i++) {
    if (!voted(i)) continue
    const bx = Math.min(MAP_BINS - 1, Math.floor((((place.x[i] as number) - x0) / width) * MAP_BINS))
    const by = Math.min(MAP_BINS - 1, Math.floor((((place.y[i] as number) - y0) / height) * MAP_BINS))
    const key = by * MAP_BINS + bx
    let counts = tally.get(key)
    if (!counts) {
      counts = new Float64Array(k + 1)
      tally.set(key, counts)
    }
    const g = (labels[i] as number) + 1
    counts[g] = (counts[g] as number) + 1
  }
  const cells: MapCell[] = []
  for (const [key, counts] of [...tally].sort((a, b) => a[0] - b[0])) {
    let best = 0
    for (let g = 1; g <= k; g++) if ((counts[g] as number) > (counts[best] as number)) best = g
    cells.push({
      x: round(x0 + ((key % MAP_BINS) + 0.5) * (width / MAP_BINS)),
      y: round(y0 + (Math.floor(key / MAP_BINS) + 0.5) * (height / MAP_BINS)),
      group: best - 1,
      count: counts.reduce((s, c) => s + c, 0),
    })
  }
  return { cells, extent: [round(x0), round(x1), round(y0), round(y1)] }
}
