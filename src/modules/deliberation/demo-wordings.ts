// The demo's deliberation opened from a proposal: six alternative wordings of the merged WGEC
// proposal's paragraph (the negotiation demo opens a text from it), voted by 60 participants, three
// per UN regional group and stakeholder group, after a fixed pattern (no randomness): two
// wordings every group agrees with, four that one side rejects. The Chair sees on the
// paragraph's page which wordings bridge.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { REGIONAL_GROUPS } from '../actors/index.ts'
import { listProcesses } from '../processes/index.ts'
import { proposalsOf } from '../proposals/index.ts'
import { openDeliberation } from './commands.ts'
import { runAnalysis } from './engine.ts'
import { upsertExternalParticipants, upsertExternalStatements, upsertVotes } from './queries-write.ts'

type Region = (typeof REGIONAL_GROUPS)[number]
const STAKEHOLDERS = ['government', 'civil_society', 'private_sector', 'technical_community'] as const
type Stakeholder = (typeof STAKEHOLDERS)[number]

/** Each wording and who agrees (1), disagrees (-1) or passes (0). */
const WORDINGS: { id: string; text: string; vote: (region: Region, group: Stakeholder) => -1 | 0 | 1 }[] = [
  {
    id: 'committees',
    text: 'Stakeholder committees, one per stakeholder group, advise the mechanism in a consultative capacity.',
    vote: (region, group) => (region === 'weog' && group === 'private_sector' ? 0 : 1),
  },
  {
    id: 'open-calls',
    text: 'Before each session, stakeholders are consulted through an open call, and every contribution is published.',
    vote: () => 1,
  },
  {
    id: 'equal-footing',
    text: 'Stakeholders take part in every decision on an equal footing with governments.',
    vote: (_, group) => (group === 'government' ? -1 : group === 'private_sector' ? 0 : 1),
  },
  {
    id: 'governments-alone',
    text: 'Governments decide alone; stakeholders may be heard at the Chair’s discretion.',
    vote: (region, group) => (group === 'government' && (region === 'african' || region === 'asia-pacific') ? 1 : -1),
  },
  {
    id: 'new-body',
    text: 'A new intergovernmental body, with its own secretariat, hosts the mechanism.',
    vote: (region) => (region === 'weog' || region === 'eastern-european' ? -1 : 1),
  },
  {
    id: 'igf',
    text: 'The Internet Governance Forum hosts these discussions; no new mechanism is created.',
    vote: (region) => (region === 'weog' ? 1 : -1),
  },
]

export async function loadWordingsDemo(ctx: DemoContext): Promise<void> {
  const wgec = (await listProcesses(ctx.db)).find((p) => p.slug === 'wgec-2016-2018')
  // the proposal the negotiation demo opened a text from
  const proposal = wgec && (await proposalsOf(ctx.db, wgec.id)).find((p) => p.status === 'under_discussion')
  if (!proposal) return
  const now = new Date('2018-01-31T12:00:00Z')
  const opened = await openDeliberation(
    ctx.db,
    { actor: SYSTEM, now },
    {
      title: 'Which wording of the stakeholder paragraph bridges?',
      description:
        'Alternative wordings of the merged proposal’s paragraph on stakeholder committees (illustrative votes, for the demo).',
      proposalId: proposal.id,
    },
  )
  if (!opened.ok) throw new Error(`demo deliberation on wordings: ${JSON.stringify(opened.error)}`)
  const id = opened.value.id
  const statements = await upsertExternalStatements(
    ctx.db,
    id,
    WORDINGS.map((w) => ({ externalId: w.id, text: w.text })),
  )
  const people = REGIONAL_GROUPS.flatMap((region) =>
    STAKEHOLDERS.flatMap((group) => [1, 2, 3].map((k) => ({ externalId: `${region}-${group}-${k}`, region, group }))),
  )
  const participants = await upsertExternalParticipants(
    ctx.db,
    id,
    people.map((p) => ({ externalId: p.externalId, regionalGroup: p.region, stakeholderGroup: p.group })),
  )
  const votes = people.flatMap((p, i) =>
    WORDINGS.flatMap((w, j) => {
      // a fixed pattern of abstentions and unseen statements, so the groups are not unanimous
      if ((i + 5 * j) % 13 === 0) return []
      return [
        {
          deliberationId: id,
          participantId: participants.ids.get(p.externalId) as number,
          statementId: statements.ids.get(w.id) as number,
          vote: (7 * i + 3 * j) % 11 === 0 ? 0 : w.vote(p.region, p.group),
          votedAt: now,
        },
      ]
    }),
  )
  await upsertVotes(ctx.db, votes)
  await runAnalysis(ctx.db, id, () => now)
}
