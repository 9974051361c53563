import { describe, expect, it } from 'vitest'
import { agreement, bridging, countByGroup, groupInformedConsensus, proportionZ } from './agreement.ts'
import { analyze, binMap } from './analyze.ts'
import { plantVotes } from './planted.ts'
import { adjustedRandIndex } from './rand-index.ts'

const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const STAKEHOLDERS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
]

function plantedAnalysis(seed: number) {
  const planted = plantVotes({ participants: 900, statements: 80, votesPerParticipant: [30, 60], seed })
  const { grid } = planted
  const { result } = analyze({
    votes: grid.sparse(),
    participantIds: grid.participantIds,
    statementIds: grid.statementIds,
    declared: [
      { names: REGIONS, labels: planted.regional },
      { names: STAKEHOLDERS, labels: planted.stakeholder },
    ],
  })
  return { planted, result }
}

describe('the analysis of planted opinion groups', () => {
  for (const seed of [1, 2, 3]) {
    it(`recovers the planted groups with an adjusted Rand index of at least 0.9 (seed ${seed})`, () => {
      const { planted, result } = plantedAnalysis(seed)
      const found = new Int32Array(planted.truth.length).fill(-1)
      const row = new Map(planted.grid.participantIds.map((id, i) => [id, i]))
      for (const group of result.groups) for (const member of group.members) found[row.get(member) as number] = group.id
      expect(result.groups).toHaveLength(3)
      expect(adjustedRandIndex(planted.truth, found)).toBeGreaterThanOrEqual(0.9)
    })
  }

  it('ranks every planted bridging statement above every planted one-group statement', () => {
    const { planted, result } = plantedAnalysis(4)
    const kindOf = (statement: string) => planted.kinds[Number(statement.slice(1)) - 1]
    const ranks = result.bridging.map((row) => kindOf(row.statement))
    const lastBridging = ranks.lastIndexOf('bridging')
    const firstOneGroup = ranks.indexOf('one-group')
    expect(lastBridging).toBeGreaterThanOrEqual(0)
    expect(lastBridging).toBeLessThan(firstOneGroup)
    // and group-informed consensus agrees
    const consensusKinds = result.consensus.map((row) => kindOf(row.statement))
    expect(consensusKinds.lastIndexOf('bridging')).toBeLessThan(consensusKinds.indexOf('one-group'))
  })

  it('names every declared group present in the bridging rows, and only those', () => {
    const { result } = plantedAnalysis(5)
    expect(Object.keys(result.bridging[0]?.byGroup ?? {}).sort()).toEqual([...REGIONS, ...STAKEHOLDERS].sort())
    expect(result.declared.weog).toBeGreaterThan(0)
  })
})

describe('agreement rules (hand-computed)', () => {
  const votes = {
    participants: 4,
    statements: 1,
    rowStart: Int32Array.of(0, 1, 2, 3, 4),
    col: Int32Array.of(0, 0, 0, 0),
    val: Int8Array.of(1, 1, -1, 0),
  }

  it('counts agree, disagree and seen (passes included) per group', () => {
    const counts = countByGroup(votes, Int32Array.of(0, 0, 1, 1), 2)
    expect(Array.from(counts.agree)).toEqual([2, 0])
    expect(Array.from(counts.disagree)).toEqual([0, 1])
    expect(Array.from(counts.seen)).toEqual([2, 2])
  })

  it("multiplies the groups' smoothed agreement for group-informed consensus: 3/4 x 1/4", () => {
    const counts = countByGroup(votes, Int32Array.of(0, 0, 1, 1), 2)
    expect(groupInformedConsensus(counts)[0]).toBeCloseTo(0.1875, 12)
  })

  it('takes the least smoothed agreement among groups present for bridging, ignoring absent groups', () => {
    const counts = countByGroup(votes, Int32Array.of(0, 0, 1, 1), 3)
    const result = bridging(counts, Float64Array.of(2, 2, 0))
    expect(result.score[0]).toBeCloseTo(agreement(0, 2), 12)
    expect(result.present).toEqual([true, true, false])
  })

  it('lets one small group of agreeing voters lift the score only a little (prior 1 of 2)', () => {
    expect(agreement(1, 1)).toBeCloseTo(2 / 3, 12)
    expect(agreement(100, 100)).toBeGreaterThan(0.99)
  })

  it('tests a proportion against one half: 10 of 10 is significant, 5 of 10 is not', () => {
    expect(proportionZ(10, 10)).toBeGreaterThan(1.2816)
    expect(proportionZ(5, 10)).toBeLessThan(1.2816)
  })
})

describe('the opinion map', () => {
  it('bins places into a 40 x 40 grid over their extent, each cell with its count and its largest group', () => {
    const place = { x: Float64Array.of(-1, 1, 1, 0.5), y: Float64Array.of(-1, 1, 1, 0.5) }
    // participant 3 has not voted (an empty row): left off the map
    const map = binMap(place, Int32Array.of(0, 1, 1, -1), 2, Int32Array.of(0, 1, 2, 3, 3))
    expect(map.extent).toEqual([-1, 1, -1, 1])
    // cell (0, 0) and cell (39, 39), each 2/40 wide: centres at -1 + 0.5 x 0.05 and -1 + 39.5 x 0.05
    expect(map.cells).toEqual([
      { x: -0.975, y: -0.975, group: 0, count: 1 },
      { x: 0.975, y: 0.975, group: 1, count: 2 },
    ])
  })

  it('marks a cell where the unclustered outnumber every group as group -1, and keeps the origin in view', () => {
    const place = { x: Float64Array.of(2, 2, 2), y: Float64Array.of(3, 3, 3) }
    const map = binMap(place, Int32Array.of(-1, -1, 0), 1)
    expect(map.extent).toEqual([0, 2, 0, 3])
    expect(map.cells).toEqual([{ x: 1.975, y: 2.9625, group: -1, count: 3 }])
  })

  it('draws nothing when no one voted', () => {
    const place = { x: Float64Array.of(1, 2), y: Float64Array.of(1, 2) }
    expect(binMap(place, Int32Array.of(0, 0), 1, Int32Array.of(0, 0, 0))).toEqual({ cells: [], extent: [0, 0, 0, 0] })
  })
})
