// The proposals module's open data: every proposal in its latest version, with its proponents and
// its fate (the negotiation's datasets follow it in the bundle and name it by id).
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { listProcesses } from '../processes/index.ts'
import { type ProposalDetail, proposalsOf } from './queries.ts'

export async function proposalsOpenData(db: Db): Promise<OpenDataset[]> {
  const proposals: ProposalDetail[] = []
  for (const process of await listProcesses(db)) proposals.push(...(await proposalsOf(db, process.id)))
  return [
    {
      name: 'proposals',
      description: 'Proposals of recommendations, in their latest version, with their proponents and fate',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'process_id', type: 'integer', description: 'The process' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'language', type: 'string', description: 'The language it is written in' },
        {
          name: 'status',
          type: 'string',
          description: 'submitted, under_discussion, merged, adopted, no_consensus or withdrawn',
        },
        { name: 'versions', type: 'integer', description: 'Number of versions' },
        { name: 'merged_into_id', type: 'integer', description: 'The proposal it was merged into' },
        { name: 'member_states', type: 'string', description: 'Proponent States (ISO alpha-3), separated by spaces' },
        { name: 'organizations', type: 'string', description: 'Proponent organizations (ids), separated by spaces' },
        { name: 'text', type: 'string', description: 'The text of the latest version' },
        { name: 'rationale', type: 'string', description: 'Its rationale' },
        { name: 'submitted_at', type: 'datetime', description: 'When it was first submitted (UTC)' },
      ],
      primaryKey: ['id'],
      foreignKeys: [
        { fields: ['process_id'], reference: { resource: 'processes', fields: ['id'] } },
        { fields: ['merged_into_id'], reference: { resource: 'proposals', fields: ['id'] } },
      ],
      rows: proposals
        .sort((a, b) => a.id - b.id)
        .map((p) => ({
          id: p.id,
          process_id: p.processId,
          title: p.title,
          language: p.language,
          status: p.status,
          versions: p.versionCount,
          merged_into_id: p.mergedIntoId,
          member_states: p.memberStates.join(' '),
          organizations: p.organizations.join(' '),
          text: p.versions.at(-1)?.text ?? '',
          rationale: p.versions.at(-1)?.rationale ?? '',
          submitted_at: p.createdAt,
        })),
    },
  ]
}
