// An update after new votes reuses what the last run left (the grid's pair counts and CSR form,
// the components, the base centres): it must find what a cold analysis of the same votes finds.
import { describe, expect, it } from 'vitest'
import { analyze } from './analyze.ts'
import { pairCountsOf } from './covariance.ts'
import { type Vote, VoteGrid } from './matrix.ts'
import { plantVotes } from './planted.ts'
import { adjustedRandIndex } from './rand-index.ts'

const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const STAKEHOLDERS = ['government', 'private_sector', 'civil_society', 'technical_community', 'academic_community']

/** A grid holding the same votes as `grid`, filled from scratch (nothing kept from earlier runs). */
function copyOf(grid: VoteGrid): VoteGrid {
  const copy = new VoteGrid(grid.width)
  for (const id of grid.statementIds) copy.statement(id)
  for (const [i, id] of grid.participantIds.entries()) {
    const row = copy.participant(id)
    for (let j = 0; j < grid.statementIds.length; j++) {
      const vote = grid.get(i, j)
      if (vote !== null) copy.set(row, j, vote)
    }
  }
  return copy
}

/** Votes, some new, some replacing earlier ones, some by newcomers. */
function moreVotes(grid: VoteGrid, count: number, seed: number) {
  let s = seed
  for (let k = 0; k < count; k++) {
    s = (s * 48_271) % 2_147_483_647
    const newcomer = k % 50 === 0
    const row = newcomer ? grid.participant(`late${k}`) : s % grid.participantIds.length
    grid.set(row, (s >> 8) % grid.statementIds.length, (((s >> 4) % 3) - 1) as Vote)
  }
}

describe('an incremental update', () => {
  it('keeps the pair counts and the sparse rows exactly as counting the votes afresh would', () => {
    const { grid } = plantVotes({ participants: 300, statements: 40, votesPerParticipant: [5, 30], seed: 11 })
    grid.sparse()
    grid.covariance()
    moreVotes(grid, 400, 3)
    const keep = Uint8Array.from(grid.statementIds, (_, j) => (j % 7 === 3 ? 0 : 1))
    for (const mask of [undefined, keep, keep]) {
      const kept = grid.sparse(mask)
      const fresh = copyOf(grid).sparse(mask)
      expect(Array.from(kept.rowStart)).toEqual(Array.from(fresh.rowStart))
      expect(Array.from(kept.col)).toEqual(Array.from(fresh.col))
      expect(Array.from(kept.val)).toEqual(Array.from(fresh.val))
      const counted = pairCountsOf(fresh).covariance(fresh.statements)
      const updated = grid.covariance(mask)
      expect(updated.statements).toBe(counted.statements)
      updated.matrix.forEach((value, cell) => {
        expect(value).toBeCloseTo(counted.matrix[cell] as number, 9)
      })
      moreVotes(grid, 50, 17)
    }
  })

  it('finds the same opinion groups, consensus and bridging as a cold analysis of the same votes', () => {
    const planted = plantVotes({ participants: 1500, statements: 90, votesPerParticipant: [20, 60], seed: 5 })
    const { grid } = planted
    const declared = () => [
      { names: REGIONS, labels: Int32Array.from(grid.participantIds, (_, i) => planted.regional[i] ?? -1) },
      { names: STAKEHOLDERS, labels: Int32Array.from(grid.participantIds, (_, i) => planted.stakeholder[i] ?? -1) },
    ]
    let state = analyze({
      votes: grid.sparse(),
      participantIds: grid.participantIds,
      statementIds: grid.statementIds,
      declared: declared(),
      covariance: grid.covariance(),
    }).state
    let warm: ReturnType<typeof analyze> | undefined
    for (let round = 0; round < 3; round++) {
      moreVotes(grid, 500, 7 + round)
      warm = analyze({
        votes: grid.sparse(),
        participantIds: grid.participantIds,
        statementIds: grid.statementIds,
        declared: declared(),
        covariance: grid.covariance(),
        previous: state,
      })
      state = warm.state
    }
    const fresh = copyOf(grid)
    const cold = analyze({
      votes: fresh.sparse(),
      participantIds: fresh.participantIds,
      statementIds: fresh.statementIds,
      declared: declared(),
    })
    if (!warm) throw new Error('no update ran')
    const labelsOf = (result: typeof cold.result) => {
      const labels = new Int32Array(grid.participantIds.length).fill(-1)
      const row = new Map(grid.participantIds.map((id, i) => [id, i]))
      for (const group of result.groups)
        for (const member of group.members) labels[row.get(member) as number] = group.id
      return labels
    }
    expect(warm.result.groups).toHaveLength(cold.result.groups.length)
    expect(adjustedRandIndex(labelsOf(cold.result), labelsOf(warm.result))).toBeGreaterThanOrEqual(0.98)
    // the components: the same axes (up to rounding)
    for (const c of [0, 1] as const) {
      const dot = state.components[c].reduce((s, v, j) => s + v * (cold.state.components[c][j] as number), 0)
      expect(Math.abs(dot)).toBeGreaterThan(0.9999)
    }
    const scores = (rows: Array<{ statement: string; score: number }>) =>
      new Map(rows.map((r) => [r.statement, r.score]))
    const coldConsensus = scores(cold.result.consensus)
    for (const row of warm.result.consensus)
      expect(Math.abs(row.score - (coldConsensus.get(row.statement) ?? -1))).toBeLessThan(0.02)
    expect(
      warm.result.consensus
        .slice(0, 5)
        .map((r) => r.statement)
        .sort(),
    ).toEqual(
      cold.result.consensus
        .slice(0, 5)
        .map((r) => r.statement)
        .sort(),
    )
    // bridging depends on the declared groups only: exactly the same
    expect(warm.result.bridging).toEqual(cold.result.bridging)
    expect(warm.result.totals).toEqual(cold.result.totals)
  })
})
