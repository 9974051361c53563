// The demo's deliberation: "Principles for cross-border data flows", replayed from generated
// votes (300 participants, with planted opinion groups, as a past consultation would be imported)
// and analysed; and one statement from a delegate waiting for the Secretariat's moderation. Then
// the deliberation on a proposal's wordings (demo-wordings.ts).
import { SYSTEM } from '../../core/auth/actor.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { DemoContext } from '../../core/module.ts'
import { REGIONAL_GROUPS } from '../actors/index.ts'
import { openDeliberation } from './commands.ts'
import { loadWordingsDemo } from './demo-wordings.ts'
import { runAnalysis } from './engine.ts'
import {
  insertParticipant,
  insertStatement,
  upsertExternalParticipants,
  upsertExternalStatements,
  upsertVotes,
} from './queries-write.ts'
import { DECLARED_STAKEHOLDER_GROUPS } from './rules/declared.ts'
import { plantVotes } from './rules/planted.ts'

// the first three every group agrees with; the next three one group only (rules/planted.ts)
const STATEMENTS = [
  'Rules on cross-border data flows should be developed with all stakeholders, not by governments alone.',
  'Least developed countries need support to take part in negotiations on data governance.',
  'Personal data deserves the same protection wherever it is processed.',
  'Data localization requirements are the best way to protect national security.',
  'Companies should be free to move data wherever they choose.',
  'A new binding treaty on data flows is needed within five years.',
  'Existing trade agreements already cover data flows adequately.',
  'Governments should be able to access data held abroad for criminal investigations.',
  'Open government data should be published in machine-readable formats by default.',
  'Encryption standards should not include access for law enforcement.',
  'Regional agreements are more realistic than a global one.',
  'Data flows should be discussed at the IGF rather than in a new body.',
]

export async function loadDeliberationDemo(ctx: DemoContext): Promise<void> {
  const now = new Date()
  const opened = await openDeliberation(
    ctx.db,
    { actor: SYSTEM, now },
    {
      title: 'Principles for cross-border data flows',
      description:
        'A replay of a consultation on principles for cross-border data flows (generated votes, for the demo): which statements bridge the regional and stakeholder groups?',
    },
  )
  if (!opened.ok) throw new Error(`demo deliberation: ${JSON.stringify(opened.error)}`)
  const id = opened.value.id
  const planted = plantVotes({
    participants: 300,
    statements: STATEMENTS.length,
    votesPerParticipant: [8, 12],
    bridgingShare: 0.25,
    oneGroupShare: 0.25,
    seed: 2026,
  })
  const { grid } = planted
  await inTransaction(ctx.db, async (trx) => {
    const statements = await upsertExternalStatements(
      trx,
      id,
      grid.statementIds.map((externalId, j) => ({ externalId, text: STATEMENTS[j] ?? externalId })),
    )
    const participants = await upsertExternalParticipants(
      trx,
      id,
      grid.participantIds.map((externalId, i) => ({
        externalId,
        regionalGroup: REGIONAL_GROUPS[planted.regional[i] as number] ?? null,
        stakeholderGroup: DECLARED_STAKEHOLDER_GROUPS[planted.stakeholder[i] as number] ?? null,
      })),
    )
    const votes = []
    for (const [i, participant] of grid.participantIds.entries()) {
      for (const [j, statement] of grid.statementIds.entries()) {
        const vote = grid.get(i, j)
        if (vote === null) continue
        votes.push({
          deliberationId: id,
          participantId: participants.ids.get(participant) as number,
          statementId: statements.ids.get(statement) as number,
          vote,
          votedAt: now,
        })
      }
    }
    await upsertVotes(trx, votes)
    const author = ctx.accounts.get('delegate-zaf')
    if (author) {
      const participantId = await insertParticipant(trx, {
        deliberationId: id,
        accountId: author.id,
        regionalGroup: 'african',
        stakeholderGroup: 'government',
        createdAt: now,
      })
      await insertStatement(trx, {
        deliberationId: id,
        text: 'Capacity building should come before any new obligations on data.',
        authorParticipantId: participantId,
        createdAt: now,
      })
    }
  })
  await runAnalysis(ctx.db, id, () => now)
  await loadWordingsDemo(ctx)
}
