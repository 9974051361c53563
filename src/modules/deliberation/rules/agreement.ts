// Agreement of groups of participants with statements: counts per group, Polis's group-informed
// consensus and representativeness, divisiveness, and bridging across declared groups.
import type { SparseVotes } from './matrix.ts'

/** Votes per group x statement: agree, disagree and seen (passes included), each [g * m + j]. */
export interface GroupCounts {
  groups: number
  statements: number
  agree: Float64Array
  disagree: Float64Array
  seen: Float64Array
}

/** Counts the votes of each group (participants labelled -1 count nowhere). */
export function countByGroup(votes: SparseVotes, labels: Int32Array, groups: number): GroupCounts {
  return countByGroups(votes, [{ labels, groups }])[0] as GroupCounts
}

/** A way of putting participants in groups: each one's group (-1: none) and how many there are. */
export interface Labelling {
  labels: Int32Array
  groups: number
}

/**
 * Counts the votes of each group of several labellings (opinion groups, regional groups,
 * stakeholder groups) in one pass over the votes: each participant's combination of groups is
 * tallied once, by statement and vote, then each combination's tally is added to its groups.
 */
export function countByGroups(votes: SparseVotes, labellings: Labelling[]): GroupCounts[] {
  const { participants: n, statements: m, rowStart, col, val } = votes
  const comboOf = new Int32Array(n).fill(-1)
  const found = new Map<number, number>()
  const combos: number[][] = []
  for (let i = 0; i < n; i++) {
    let key = 0
    let any = false
    for (const { labels, groups } of labellings) {
      const g = labels[i] as number
      key = key * (groups + 1) + (g + 1)
      if (g >= 0) any = true
    }
    if (!any) continue
    let id = found.get(key)
    if (id === undefined) {
      id = combos.length
      found.set(key, id)
      combos.push(labellings.map(({ labels }) => labels[i] as number))
    }
    comboOf[i] = id
  }
  // [(combination * m + statement) * 3 + vote + 1]
  const tally = new Int32Array(combos.length * m * 3)
  for (let i = 0; i < n; i++) {
    const c = comboOf[i] as number
    if (c < 0) continue
    const base = c * m * 3 + 1
    for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) {
      const cell = base + (col[k] as number) * 3 + (val[k] as number)
      tally[cell] = (tally[cell] as number) + 1
    }
  }
  return labellings.map(({ groups }, d) => {
    const agree = new Float64Array(groups * m)
    const disagree = new Float64Array(groups * m)
    const seen = new Float64Array(groups * m)
    combos.forEach((labels, c) => {
      const g = labels[d] as number
      if (g < 0) return
      for (let j = 0; j < m; j++) {
        const t = (c * m + j) * 3
        const cell = g * m + j
        const no = tally[t] as number
        const pass = tally[t + 1] as number
        const yes = tally[t + 2] as number
        agree[cell] = (agree[cell] as number) + yes
        disagree[cell] = (disagree[cell] as number) + no
        seen[cell] = (seen[cell] as number) + yes + no + pass
      }
    })
    return { groups, statements: m, agree, disagree, seen }
  })
}

/** Smoothed agreement (A + 1) / (S + 2): the mean of a Beta(1, 1) prior updated by the votes. */
export const agreement = (agree: number, seen: number): number => (agree + 1) / (seen + 2)

/**
 * Group-informed consensus of each statement: ∏_g (A_g + 1) / (S_g + 2) over the opinion groups.
 * One group that disagrees sinks the score.
 */
export function groupInformedConsensus(counts: GroupCounts): Float64Array {
  const score = new Float64Array(counts.statements).fill(1)
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < counts.statements; j++) {
      const cell = g * counts.statements + j
      score[j] = (score[j] as number) * agreement(counts.agree[cell] as number, counts.seen[cell] as number)
    }
  }
  return score
}

/** Divisiveness: max_g − min_g of the smoothed agreement across opinion groups (0 with one group). */
export function divisiveness(counts: GroupCounts): Float64Array {
  const score = new Float64Array(counts.statements)
  for (let j = 0; j < counts.statements; j++) {
    let low = 1
    let high = 0
    for (let g = 0; g < counts.groups; g++) {
      const cell = g * counts.statements + j
      const a = agreement(counts.agree[cell] as number, counts.seen[cell] as number)
      low = Math.min(low, a)
      high = Math.max(high, a)
    }
    score[j] = counts.groups > 1 ? high - low : 0
  }
  return score
}

/** One-proportion z statistic of `success` in `n` against one half (both counts plus one). */
export function proportionZ(success: number, n: number): number {
  return 2 * Math.sqrt(n + 1) * ((success + 1) / (n + 1) - 0.5)
}

/** Two-proportion z statistic of s1/n1 against s2/n2 (each count plus one). */
export function twoProportionZ(s1: number, n1: number, s2: number, n2: number): number {
  const p1 = (s1 + 1) / (n1 + 1)
  const p2 = (s2 + 1) / (n2 + 1)
  const pooled = (s1 + s2 + 2) / (n1 + n2 + 2)
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / (n1 + 1) + 1 / (n2 + 1)))
  return spread > 0 ? (p1 - p2) / spread : 0
}

/** z for 90 % one-sided: a statement represents a group only when both tests pass it. */
export const Z_90 = 1.2816

export interface Representative {
  statement: number
  /** agree or disagree: what the group does more than the others */
  direction: 'agree' | 'disagree'
  /** the group's smoothed rate of that vote */
  rate: number
  score: number
}

/**
 * Statements that set group g apart (Polis's repness): rate p = (1 + n_vote) / (2 + seen) in the
 * group, ratio r = p ÷ the same rate among everyone else, both tested (p against one half, p
 * against the others) at 90 %; ranked by r · z_r · p · z_p, agreements first.
 */
export function representative(counts: GroupCounts, g: number, limit = 5): Representative[] {
  const m = counts.statements
  const found: Representative[] = []
  for (let j = 0; j < m; j++) {
    const cell = g * m + j
    let restSeen = 0
    let restAgree = 0
    let restDisagree = 0
    for (let h = 0; h < counts.groups; h++) {
      if (h === g) continue
      restSeen += counts.seen[h * m + j] as number
      restAgree += counts.agree[h * m + j] as number
      restDisagree += counts.disagree[h * m + j] as number
    }
    const seen = counts.seen[cell] as number
    if (seen === 0) continue
    for (const [direction, mine, rest] of [
      ['agree', counts.agree[cell] as number, restAgree],
      ['disagree', counts.disagree[cell] as number, restDisagree],
    ] as const) {
      const rate = agreement(mine, seen)
      const ratio = rate / agreement(rest, restSeen)
      const zRate = proportionZ(mine, seen)
      const zRatio = twoProportionZ(mine, seen, rest, restSeen)
      if (zRate > Z_90 && zRatio > Z_90)
        found.push({ statement: j, direction, rate, score: ratio * zRatio * rate * zRate })
    }
  }
  found.sort((a, b) => (a.direction === b.direction ? b.score - a.score : a.direction === 'agree' ? -1 : 1))
  return found.slice(0, limit)
}

export interface Bridging {
  /** min over the declared groups present of their smoothed agreement */
  score: Float64Array
  /** the mean of the same, to order ties of the minimum */
  mean: Float64Array
  /** smoothed agreement [g * m + j] */
  byGroup: Float64Array
  /** groups with at least one participant who voted */
  present: boolean[]
}

/**
 * Bridging across declared groups: b_j = min over the groups present of (A_gj + 1) / (S_gj + 2).
 * A group that has not seen a statement counts one half, so a statement bridges only once every
 * group has voted on it and agreed; a small group's few votes move its rate only a little.
 */
export function bridging(counts: GroupCounts, participantsPerGroup: Float64Array): Bridging {
  const m = counts.statements
  const present = Array.from({ length: counts.groups }, (_, g) => (participantsPerGroup[g] as number) > 0)
  const groupsPresent = present.filter(Boolean).length
  const score = new Float64Array(m).fill(groupsPresent ? 1 : 0)
  const mean = new Float64Array(m)
  const byGroup = new Float64Array(counts.groups * m)
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < m; j++) {
      const cell = g * m + j
      const a = agreement(counts.agree[cell] as number, counts.seen[cell] as number)
      byGroup[cell] = a
      if (!present[g]) continue
      score[j] = Math.min(score[j] as number, a)
      mean[j] = (mean[j] as number) + a / groupsPresent
    }
  }
  return { score, mean, byGroup, present }
}
