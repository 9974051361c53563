// The demo's negotiation, an illustrative replay of the WGEC's last session (January 2018): the
// Chair opens a negotiating text from the recommendations of the WGEC report (seed 003, word for
// word); the demo's delegations of Brazil, South Africa and France give positions; France tables
// an amendment that is incorporated; the Chair declares recommendation 1 adopted, 2 agreed ad ref,
// and records 2 bis and 2 tres as divergent views; recommendation 3 goes under silence; APC
// comments for the civil-society committee and the Secretariat answers; Rev.1 is issued. Two
// illustrative proposals are merged, and a second text opens from the merged one. The positions
// are illustrative, not the States' record.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Actor } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { DemoContext } from '../../core/module.ts'
import type { Result } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { listProcesses } from '../processes/index.ts'
import { mergeProposals, submitProposal } from '../proposals/index.ts'
import { decideAmendment, tableAmendment } from './commands-amendments.ts'
import { declare, recordStatement } from './commands-consensus.ts'
import { createDocument, issueRevision } from './commands-documents.ts'
import { answerComment, postComment, takePosition } from './commands-positions.ts'
import { circulateUnderSilence } from './commands-silence.ts'
import { paragraphsOf } from './queries.ts'
import type { Position } from './rules/consensus.ts'
import { parseUnText } from './rules/parse.ts'

async function actorOf(ctx: DemoContext, handle: string): Promise<Extract<Actor, { kind: 'account' }>> {
  const account = ctx.accounts.get(handle)
  if (!account) throw new Error(`demo account ${handle} is missing`)
  const grants = await activeGrants(ctx.db, account.id)
  return { kind: 'account', accountId: account.id, displayName: handle, email: account.email, grants, via: 'session' }
}

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** The recommendations of the WGEC report (seed 003), from their heading to the end. */
export function wgecRecommendations(): string {
  const dir = join(import.meta.dirname, 'rules', 'fixtures')
  const file = readdirSync(dir).find((f) => f.startsWith('003_'))
  if (!file) throw new Error('seed 003 is missing from rules/fixtures')
  const text = readFileSync(join(dir, file), 'utf8')
  const at = text.search(/^Recommendations\s*$/m)
  return at >= 0 ? text.slice(at) : text
}

export async function loadNegotiationDemo(ctx: DemoContext): Promise<void> {
  const process = (await listProcesses(ctx.db)).find((p) => p.slug === 'wgec-2016-2018')
  if (!process) return
  const [chair, secretariat, bra, zaf, fra, apcRep] = await Promise.all(
    ['chair', 'secretariat', 'delegate-bra', 'delegate-zaf', 'delegate-fra', 'apc'].map((h) => actorOf(ctx, h)),
  )
  const apc = await findOrganizationBySlug(ctx.db, 'apc')
  if (!chair || !secretariat || !bra || !zaf || !fra || !apcRep || !apc) return
  const at = (actor: Actor, iso: string) => ({ actor, now: new Date(iso) })

  // two illustrative proposals, merged by the Chair into one that keeps both lineages
  const first = must(
    await submitProposal(ctx.db, at(bra, '2017-09-20T10:00:00Z'), {
      processId: process.id,
      title: 'A space for governments on an equal footing (illustrative)',
      text: 'The Working Group recommends that governments, on an equal footing and in consultation with all stakeholders, have a dedicated space within the United Nations to consider international Internet-related public policy issues.',
      rationale: 'Paragraph 69 of the Tunis Agenda still lacks a practical implementation mechanism.',
      memberStates: ['BRA', 'ZAF'],
      organizations: [],
      contributionIds: [1, 2],
    }),
    'proposal 1',
  )
  const second = must(
    await submitProposal(ctx.db, at(apcRep, '2017-09-22T10:00:00Z'), {
      processId: process.id,
      title: 'Stakeholder committees in an advisory capacity (illustrative)',
      text: 'Any mechanism for enhanced cooperation should involve stakeholder committees, one per stakeholder group, in a consultative and advisory capacity, as the OECD CDEP does.',
      memberStates: [],
      organizations: [apc.id],
    }),
    'proposal 2',
  )
  const merged = must(
    await mergeProposals(ctx.db, at(chair, '2017-09-27T16:00:00Z'), {
      ids: [first.id, second.id],
      title: 'A mechanism with stakeholder committees (merged, illustrative)',
      text: 'The Working Group recommends a mechanism where governments, on an equal footing, consider international Internet-related public policy issues, with stakeholder committees in a consultative and advisory capacity.',
    }),
    'merge',
  )

  const document = must(
    await createDocument(ctx.db, at(chair, '2018-01-15T09:00:00Z'), {
      processId: process.id,
      title: 'Recommendations of the Working Group on Enhanced Cooperation: negotiating text (illustrative replay)',
      enactingFormula: 'The Working Group on Enhanced Cooperation,',
      stakeholdersMayTable: false,
      imported: parseUnText(wgecRecommendations()),
    }),
    'document',
  )
  const paragraphs = await paragraphsOf(ctx.db, document.id)
  const byLabel = (label: string) => paragraphs.find((p) => p.label?.replace(/\.$/, '') === label)
  const rec1 = byLabel('1')
  const rec2 = byLabel('2')
  const bis = byLabel('2 bis')
  const tres = byLabel('2 tres')
  const rec3 = byLabel('3')
  if (!rec1 || !rec2 || !bis || !tres || !rec3) return

  const position = async (actor: Actor, iso3: string, paragraphId: number, p: Position, when: string, note?: string) =>
    must(
      await takePosition(ctx.db, at(actor, when), {
        subjectType: 'paragraph',
        subjectId: paragraphId,
        memberStateIso3: iso3,
        position: p,
        note,
      }),
      `position ${iso3}`,
    )
  await position(bra, 'BRA', rec1.id, 'support', '2018-01-29T10:05:00Z')
  await position(zaf, 'ZAF', rec1.id, 'no_objection', '2018-01-29T10:06:00Z')
  await position(fra, 'FRA', rec1.id, 'support', '2018-01-29T10:07:00Z')
  must(await declare(ctx.db, at(chair, '2018-01-29T10:30:00Z'), rec1.id, 'adopted', 'It is so decided.'), 'rec 1')

  const amendment = must(
    await tableAmendment(ctx.db, at(fra, '2018-01-29T11:00:00Z'), document.id, {
      paragraphId: rec2.id,
      operation: 'insert_text',
      quotedOld: 'respect for human rights and fundamental freedoms',
      newText: ', online as offline',
      justification: 'Illustrative: to recall that the same rights apply online.',
      speaker: { memberStateIso3: 'FRA' },
    }),
    'amendment',
  )
  must(
    await takePosition(ctx.db, at(bra, '2018-01-29T11:10:00Z'), {
      subjectType: 'amendment',
      subjectId: amendment.id,
      memberStateIso3: 'BRA',
      position: 'no_objection',
    }),
    'amendment position',
  )
  must(await decideAmendment(ctx.db, at(chair, '2018-01-29T11:30:00Z'), amendment.id, 'incorporated'), 'incorporate')
  for (const [actor, iso3] of [
    [bra, 'BRA'],
    [zaf, 'ZAF'],
    [fra, 'FRA'],
  ] as const)
    await position(actor, iso3, rec2.id, 'no_objection', '2018-01-29T12:00:00Z')
  must(await declare(ctx.db, at(chair, '2018-01-29T12:15:00Z'), rec2.id, 'agreed_ad_ref'), 'rec 2')

  await position(zaf, 'ZAF', bis.id, 'support', '2018-01-30T10:00:00Z')
  await position(fra, 'FRA', bis.id, 'objection', '2018-01-30T10:02:00Z', 'Existing mechanisms suffice.')
  await position(fra, 'FRA', tres.id, 'support', '2018-01-30T10:03:00Z')
  await position(bra, 'BRA', tres.id, 'objection', '2018-01-30T10:04:00Z')
  must(await declare(ctx.db, at(chair, '2018-01-30T11:00:00Z'), bis.id, 'no_consensus'), '2 bis')
  must(await declare(ctx.db, at(chair, '2018-01-30T11:01:00Z'), tres.id, 'no_consensus'), '2 tres')
  must(
    await recordStatement(ctx.db, at(chair, '2018-01-30T11:05:00Z'), document.id, {
      kind: 'explanation',
      memberStateIso3: 'BRA',
      paragraphId: bis.id,
      text: 'Illustrative: Brazil regrets that no consensus could be reached on an institutional mechanism.',
    }),
    'explanation',
  )

  const comment = must(
    await postComment(ctx.db, at(apcRep, '2018-01-30T12:00:00Z'), document.id, {
      organizationId: apc.id,
      paragraphId: bis.id,
      text: 'Illustrative: the civil-society committee asks that any mechanism give stakeholders a consultative role from the outset.',
    }),
    'comment',
  )
  must(
    await answerComment(
      ctx.db,
      at(secretariat, '2018-01-30T16:00:00Z'),
      comment.id,
      'Reflected in the merged proposal and recorded in Annex II.',
    ),
    'answer',
  )
  must(await issueRevision(ctx.db, at(chair, '2018-01-30T18:00:00Z'), document.id, 'After the second reading'), 'Rev.1')
  // circulated under silence until 2 February: the job adopts it once the server runs
  must(
    await circulateUnderSilence(ctx.db, at(chair, '2018-01-30T18:30:00Z'), document.id, {
      paragraphIds: [rec3.id],
      deadline: new Date('2018-02-02T18:30:00Z'),
      note: 'Circulated under silence procedure until 2 February 2018, 18:30 UTC.',
    }),
    'silence',
  )

  // a second text, from the merged proposal: its paragraph's alternative wordings are what the
  // deliberation demo puts to the vote, so the Chair sees there which wordings bridge
  must(
    await createDocument(ctx.db, at(chair, '2018-01-31T09:00:00Z'), {
      processId: process.id,
      title: 'A mechanism with stakeholder committees: negotiating text (illustrative)',
      proposalIds: [merged.id],
    }),
    'document from the merged proposal',
  )
}
