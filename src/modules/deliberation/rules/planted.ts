// Generated votes with planted opinion groups and planted kinds of statement, for the tests and
// the bench (`npm run bench -- --only deliberation`): the shape of Polis's largest conversation.
import { VoteGrid } from './matrix.ts'
import { seededRandom } from './pca.ts'

export type PlantedKind = 'bridging' | 'one-group' | 'axis'

export interface PlantedOptions {
  participants: number
  statements: number
  /** opinion groups' shares of the participants */
  shares?: number[]
  /** votes per participant: uniform in [min, max] */
  votesPerParticipant?: [number, number]
  /** share of statements every group agrees with */
  bridgingShare?: number
  /** share of statements one group agrees with and the others reject */
  oneGroupShare?: number
  seed?: number
}

export interface Planted {
  grid: VoteGrid
  /** the planted opinion group of each participant (grid row order) */
  truth: Int32Array
  kinds: PlantedKind[]
  /** declared groups per participant: regional (0..4) follows the opinion group half the time */
  regional: Int32Array
  stakeholder: Int32Array
}

/** Votes of `participants` people on `statements` statements, with known groups and kinds. */
export function plantVotes(options: PlantedOptions): Planted {
  const random = seededRandom(options.seed ?? 42)
  const shares = options.shares ?? [0.5, 0.3, 0.2]
  const [low, high] = options.votesPerParticipant ?? [20, 100]
  const m = options.statements
  const bridgingCount = Math.round(m * (options.bridgingShare ?? 0.1))
  const oneGroupCount = Math.round(m * (options.oneGroupShare ?? 0.3))
  const kinds: PlantedKind[] = []
  // per statement and group: probability of agree and of disagree (the rest pass)
  const pAgree: number[][] = []
  const pDisagree: number[][] = []
  for (let j = 0; j < m; j++) {
    const kind: PlantedKind = j < bridgingCount ? 'bridging' : j < bridgingCount + oneGroupCount ? 'one-group' : 'axis'
    kinds.push(kind)
    const owner = j % shares.length
    const stance = shares.map(() => (random() < 0.5 ? 1 : -1))
    pAgree.push(
      shares.map((_, g) =>
        kind === 'bridging' ? 0.8 : kind === 'one-group' ? (g === owner ? 0.85 : 0.1) : stance[g] === 1 ? 0.8 : 0.1,
      ),
    )
    pDisagree.push(
      shares.map((_, g) =>
        kind === 'bridging' ? 0.1 : kind === 'one-group' ? (g === owner ? 0.05 : 0.8) : stance[g] === 1 ? 0.1 : 0.8,
      ),
    )
  }
  const n = options.participants
  const grid = new VoteGrid(m, n)
  const truth = new Int32Array(n)
  const regional = new Int32Array(n)
  const stakeholder = new Int32Array(n)
  const order = Int32Array.from({ length: m }, (_, j) => j)
  for (let j = 0; j < m; j++) grid.statement(`s${j + 1}`)
  for (let i = 0; i < n; i++) {
    const row = grid.participant(`p${i + 1}`)
    let r = random()
    let g = 0
    while (g < shares.length - 1 && r >= (shares[g] as number)) r -= shares[g++] as number
    truth[row] = g
    regional[row] = random() < 0.5 ? g % 5 : Math.floor(random() * 5)
    stakeholder[row] = Math.floor(random() * 6)
    const count = Math.min(m, low + Math.floor(random() * (high - low + 1)))
    // a partial Fisher-Yates shuffle picks the statements this participant was shown
    for (let t = 0; t < count; t++) {
      const pick = t + Math.floor(random() * (m - t))
      const j = order[pick] as number
      order[pick] = order[t] as number
      order[t] = j
      const u = random()
      const agree = pAgree[j]?.[g] as number
      const vote = u < agree ? 1 : u < agree + (pDisagree[j]?.[g] as number) ? -1 : 0
      grid.set(row, j, vote)
    }
  }
  return { grid, truth, kinds, regional, stakeholder }
}
