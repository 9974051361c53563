// For the Chair: which proposed wordings bridge. The statements of the deliberations a proposal
// opened, ranked by their bridging score in the last analysis, with each declared group's
// agreement. The negotiation's pages may call this through index.ts.
import type { Db } from '../../core/db/database.ts'
import { deliberationsOfProposal, findAnalysis, statementsOf } from './queries.ts'

export interface BridgingWording {
  deliberationId: number
  statementId: number
  text: string
  /** min over declared groups of (agree + 1) / (seen + 2) */
  score: number
  byGroup: Record<string, number>
}

/** The proposal's wordings that bridge, best first (empty when no deliberation or no analysis yet). */
export async function bridgingWordings(db: Db, proposalId: number, limit = 10): Promise<BridgingWording[]> {
  const found: BridgingWording[] = []
  for (const deliberation of await deliberationsOfProposal(db, proposalId)) {
    found.push(...(await rankedWordings(db, deliberation.id)))
  }
  return found.sort((a, b) => b.score - a.score).slice(0, limit)
}

/** One deliberation's accepted statements in the order of the last analysis's bridging list. */
export async function rankedWordings(db: Db, deliberationId: number): Promise<BridgingWording[]> {
  const [analysis, statements] = await Promise.all([
    findAnalysis(db, deliberationId),
    statementsOf(db, deliberationId, 'accepted'),
  ])
  if (!analysis) return []
  const byShownId = new Map(statements.map((s) => [s.externalId ?? String(s.id), s]))
  return analysis.result.bridging.flatMap((row) => {
    const statement = byShownId.get(row.statement)
    return statement
      ? [{ deliberationId, statementId: statement.id, text: statement.text, score: row.score, byGroup: row.byGroup }]
      : []
  })
}
