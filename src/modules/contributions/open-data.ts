// The contributions module's open data: every contribution that was made public (published,
// withdrawn with its public note, hidden with its public reason) and the answers of the published
// ones. Nothing held for review, no text of a withdrawn or hidden contribution, no account or email.
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { currentAnswers } from './queries.ts'
import { publicContributions } from './queries-open-data.ts'

/** How many contributions' answers are read at once (parameter limits). */
const SLICE = 2000

export async function contributionsOpenData(db: Db): Promise<OpenDataset[]> {
  const rows = await publicContributions(db)
  const published = rows.filter((r) => r.status === 'published')
  const answers: { contribution_id: number; question_id: number; revision: number; language: string; text: string }[] =
    []
  for (let i = 0; i < published.length; i += SLICE) {
    const slice = published.slice(i, i + SLICE)
    const current = await currentAnswers(
      db,
      slice.map((r) => r.id),
    )
    for (const r of slice)
      for (const a of current.get(r.id) ?? [])
        answers.push({
          contribution_id: r.id,
          question_id: a.questionId,
          revision: r.revisionCount,
          language: r.language,
          text: a.body,
        })
  }
  return [
    {
      name: 'contributions',
      description:
        'Contributions to calls that were made public: published, withdrawn (with the public note) or hidden (with the public reason); the answers are in contribution_answers',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'call_id', type: 'integer', description: 'The call answered' },
        { name: 'process_id', type: 'integer', description: 'The process' },
        { name: 'speaking_for', type: 'string', description: 'member_state, organization or self' },
        { name: 'member_state', type: 'string', description: 'ISO alpha-3 when a State speaks' },
        { name: 'organization_id', type: 'integer', description: 'The organization when one speaks' },
        { name: 'contributor', type: 'string', description: 'Name of the contributor, as published' },
        { name: 'stakeholder_group', type: 'string', description: 'government, a stakeholder group, or individual' },
        { name: 'regional_group', type: 'string', description: 'UN regional group' },
        { name: 'language', type: 'string', description: 'Language of the answers' },
        { name: 'status', type: 'string', description: 'published, withdrawn or hidden' },
        { name: 'revisions', type: 'integer', description: 'Number of revisions' },
        { name: 'submitted_at', type: 'datetime', description: 'When it was first submitted (UTC)' },
        { name: 'published_at', type: 'datetime', description: 'When it was published (UTC)' },
        { name: 'withdrawn_at', type: 'datetime', description: 'When its contributor withdrew it (UTC)' },
        { name: 'withdrawal_note', type: 'string', description: 'The public note left when it was withdrawn' },
        { name: 'hidden_at', type: 'datetime', description: 'When the Secretariat hid it (UTC)' },
        { name: 'hidden_reason', type: 'string', description: 'The public reason it was hidden' },
      ],
      primaryKey: ['id'],
      foreignKeys: [
        { fields: ['call_id'], reference: { resource: 'calls', fields: ['id'] } },
        { fields: ['process_id'], reference: { resource: 'processes', fields: ['id'] } },
        { fields: ['organization_id'], reference: { resource: 'organizations', fields: ['id'] } },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        call_id: r.callId,
        process_id: r.processId,
        speaking_for: r.speakingFor,
        member_state: r.memberStateIso3,
        organization_id: r.organizationId,
        contributor: r.contributorName,
        stakeholder_group: r.stakeholderGroup,
        regional_group: r.regionalGroup,
        language: r.language,
        status: r.status,
        revisions: r.revisionCount,
        submitted_at: r.createdAt,
        published_at: r.publishedAt,
        withdrawn_at: r.withdrawnAt,
        withdrawal_note: r.withdrawalNote,
        hidden_at: r.hiddenAt,
        hidden_reason: r.status === 'hidden' ? r.hiddenReason : null,
      })),
    },
    {
      name: 'contribution_answers',
      description:
        'The answers of published contributions to each guiding question, as last revised (Markdown, in the contribution’s language)',
      fields: [
        { name: 'contribution_id', type: 'integer', description: 'The contribution' },
        { name: 'question_id', type: 'integer', description: 'The guiding question answered' },
        { name: 'revision', type: 'integer', description: 'The revision these answers are from' },
        { name: 'language', type: 'string', description: 'Language of the answer' },
        { name: 'text', type: 'string', description: 'The answer (Markdown)' },
      ],
      primaryKey: ['contribution_id', 'question_id'],
      foreignKeys: [{ fields: ['contribution_id'], reference: { resource: 'contributions', fields: ['id'] } }],
      rows: answers,
    },
  ]
}
