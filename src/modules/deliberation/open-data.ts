// Deliberations in the open-data bundle: the deliberations, their accepted statements with the
// vote counts, and each statement's scores from the last analysis. Votes are not published one
// by one (how a person voted is not public), only counted.
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { listAnalyses, listDeliberations, statementTallies } from './queries.ts'

async function scoreRows(db: Db) {
  const rows = await listAnalyses(db)
  return rows.flatMap((a) => {
    const consensus = new Map(a.result.consensus.map((r) => [r.statement, r.score]))
    const divisive = new Map(a.result.divisive.map((r) => [r.statement, r.score]))
    return a.result.bridging.map((r) => ({
      deliberation_id: a.deliberationId,
      statement: r.statement,
      consensus: consensus.get(r.statement) ?? 0,
      bridging: r.score,
      divisive: divisive.get(r.statement) ?? 0,
      by_group: r.byGroup,
      computed_at: a.computedAt,
    }))
  })
}

export async function deliberationOpenData(db: Db): Promise<OpenDataset[]> {
  const [deliberations, statements, scores] = await Promise.all([
    listDeliberations(db),
    statementTallies(db),
    scoreRows(db),
  ])
  return [
    {
      name: 'deliberations',
      description: 'Deliberations in the way of Polis: statements voted agree, disagree or pass',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'call_id', type: 'integer', description: 'The call that opened it, if any' },
        { name: 'proposal_id', type: 'integer', description: 'The proposal that opened it, if any' },
        { name: 'status', type: 'string', description: 'open or closed' },
        { name: 'created_at', type: 'datetime', description: 'When it was opened' },
      ],
      primaryKey: ['id'],
      rows: deliberations.map((d) => ({
        id: d.id,
        title: d.title,
        call_id: d.callId ?? '',
        proposal_id: d.proposalId ?? '',
        status: d.status,
        created_at: d.createdAt,
      })),
    },
    {
      name: 'deliberation_statements',
      description: 'Accepted statements of deliberations with their vote counts',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'deliberation_id', type: 'integer', description: 'The deliberation' },
        { name: 'statement', type: 'string', description: 'Identifier given at import, or the id' },
        { name: 'text', type: 'string', description: 'The statement' },
        { name: 'agree', type: 'integer', description: 'Votes agree' },
        { name: 'disagree', type: 'integer', description: 'Votes disagree' },
        { name: 'pass', type: 'integer', description: 'Votes pass' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['deliberation_id'], reference: { resource: 'deliberations', fields: ['id'] } }],
      rows: statements.map((s) => ({
        id: s.id,
        deliberation_id: s.deliberationId,
        statement: s.externalId ?? String(s.id),
        text: s.text,
        agree: Number(s.agree ?? 0),
        disagree: Number(s.disagree ?? 0),
        pass: Number(s.pass ?? 0),
      })),
    },
    {
      name: 'deliberation_scores',
      description:
        "Per statement, from the last analysis: group-informed consensus, bridging across declared groups (with each group's smoothed agreement) and divisiveness (docs/deliberation.md)",
      fields: [
        { name: 'deliberation_id', type: 'integer', description: 'The deliberation' },
        { name: 'statement', type: 'string', description: 'Identifier given at import, or the id' },
        { name: 'consensus', type: 'number', description: 'Product over opinion groups of (agree + 1) / (seen + 2)' },
        { name: 'bridging', type: 'number', description: 'Minimum over declared groups of (agree + 1) / (seen + 2)' },
        { name: 'divisive', type: 'number', description: 'Range of (agree + 1) / (seen + 2) across opinion groups' },
        { name: 'by_group', type: 'object', description: 'Smoothed agreement per declared group' },
        { name: 'computed_at', type: 'datetime', description: 'When the analysis ran' },
      ],
      primaryKey: ['deliberation_id', 'statement'],
      foreignKeys: [{ fields: ['deliberation_id'], reference: { resource: 'deliberations', fields: ['id'] } }],
      rows: scores,
    },
  ]
}
