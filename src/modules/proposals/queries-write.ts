// The writes proposal commands make, inside their transaction (commands.ts and
// commands-cosponsors.ts authorize, check and audit); and the two the negotiation asks for
// through index.ts: a proposal taken into a document, the fate of the paragraph it became.
import type { Db } from '../../core/db/database.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { pdb } from './queries.ts'
import type { CosponsorshipStatus } from './tables.ts'

export interface NewProposalRow {
  processId: number
  title: string
  text: string
  rationale?: string | undefined
  language?: Locale | undefined
  memberStates: string[]
  organizations: number[]
  contributionIds?: number[] | undefined
  status: 'submitted' | 'under_discussion'
}

/** A proposal with its first version, its proponents and the contributions it draws on. */
export async function insertProposal(
  trx: Db,
  ctx: { accountId: number; now: Date },
  input: NewProposalRow,
): Promise<{ id: number }> {
  const n = pdb(trx)
  const row = await n
    .insertInto('proposalsProposal')
    .values({
      processId: input.processId,
      title: input.title,
      status: input.status,
      mergedIntoId: null,
      authorAccountId: ctx.accountId,
      language: input.language ?? 'en',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await n
    .insertInto('proposalsProposalVersion')
    .values({
      proposalId: row.id,
      number: 1,
      text: input.text,
      rationale: input.rationale ?? '',
      createdBy: ctx.accountId,
      createdAt: ctx.now,
    })
    .execute()
  await insertProponents(trx, row.id, input.memberStates, input.organizations)
  const sources = [...new Set(input.contributionIds ?? [])]
  if (sources.length)
    await n
      .insertInto('proposalsProposalSource')
      .values(sources.map((contributionId) => ({ proposalId: row.id, contributionId })))
      .execute()
  return row
}

async function insertProponents(trx: Db, proposalId: number, states: readonly string[], orgs: readonly number[]) {
  const rows = [
    ...[...new Set(states)].map((memberStateIso3) => ({ proposalId, memberStateIso3, organizationId: null })),
    ...[...new Set(orgs)].map((organizationId) => ({ proposalId, memberStateIso3: null, organizationId })),
  ]
  if (rows.length) await pdb(trx).insertInto('proposalsProposalProponent').values(rows).execute()
}

/** A new version of a proposal; returns its number. */
export async function addVersion(
  trx: Db,
  proposalId: number,
  v: { text: string; rationale: string; createdBy: number; now: Date },
): Promise<number> {
  const n = pdb(trx)
  const updated = await n
    .updateTable('proposalsProposal')
    .set((eb) => ({ versionCount: eb('versionCount', '+', 1), updatedAt: v.now }))
    .where('id', '=', proposalId)
    .returning('versionCount')
    .executeTakeFirstOrThrow()
  await n
    .insertInto('proposalsProposalVersion')
    .values({
      proposalId,
      number: updated.versionCount,
      text: v.text,
      rationale: v.rationale,
      createdBy: v.createdBy,
      createdAt: v.now,
    })
    .execute()
  return updated.versionCount
}

/** A proposal's status, its row locked until the transaction ends (a revision and a withdrawal or merge do not cross). */
export async function lockProposalStatus(trx: Db, proposalId: number): Promise<string | undefined> {
  const row = await pdb(trx)
    .selectFrom('proposalsProposal')
    .select('status')
    .where('id', '=', proposalId)
    .forUpdate()
    .executeTakeFirst()
  return row?.status
}

export async function setWithdrawn(trx: Db, proposalId: number, now: Date): Promise<void> {
  await pdb(trx)
    .updateTable('proposalsProposal')
    .set({ status: 'withdrawn', updatedAt: now })
    .where('id', '=', proposalId)
    .execute()
}

export async function setMerged(trx: Db, ids: readonly number[], intoId: number, now: Date): Promise<void> {
  await pdb(trx)
    .updateTable('proposalsProposal')
    .set({ status: 'merged', mergedIntoId: intoId, updatedAt: now })
    .where('id', 'in', [...ids])
    .execute()
}

type Who = { memberStateIso3: string | null; organizationId: number | null }

/** A request to co-sponsor; returns its id. */
export async function insertCosponsorship(
  trx: Db,
  proposalId: number,
  party: Who,
  requestedBy: number,
  now: Date,
): Promise<number> {
  const row = await pdb(trx)
    .insertInto('proposalsCosponsorship')
    .values({ proposalId, ...party, requestedBy, requestedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A request to co-sponsor, locked for its answer. */
export async function lockCosponsorship(trx: Db, id: number) {
  return pdb(trx)
    .selectFrom('proposalsCosponsorship')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** Records the answer; an accepted co-sponsor speaks with the proposal, a withdrawn one no longer. */
export async function answerCosponsorshipRow(
  trx: Db,
  proposalId: number,
  request: { id: number } & Who,
  status: CosponsorshipStatus,
  answeredBy: number,
  now: Date,
): Promise<void> {
  const n = pdb(trx)
  await n
    .updateTable('proposalsCosponsorship')
    .set({ status, answeredBy, answeredAt: now })
    .where('id', '=', request.id)
    .execute()
  const who = { memberStateIso3: request.memberStateIso3, organizationId: request.organizationId }
  if (status === 'accepted')
    await n
      .insertInto('proposalsProposalProponent')
      .values({ proposalId, ...who, role: 'cosponsor' })
      .execute()
  if (status === 'withdrawn') {
    let gone = n
      .deleteFrom('proposalsProposalProponent')
      .where('proposalId', '=', proposalId)
      .where('role', '=', 'cosponsor')
    gone = who.memberStateIso3
      ? gone.where('memberStateIso3', '=', who.memberStateIso3)
      : gone.where('organizationId', '=', who.organizationId as number)
    await gone.execute()
  }
}

/** Proposals a new negotiating document starts from are under discussion from then on. */
export async function markUnderDiscussion(trx: Db, proposalId: number, now: Date): Promise<void> {
  await pdb(trx)
    .updateTable('proposalsProposal')
    .set({ status: 'under_discussion', updatedAt: now })
    .where('id', '=', proposalId)
    .where('status', '=', 'submitted')
    .execute()
}

/** The fate of a proposal whose paragraph was adopted or declared without consensus. */
export async function recordProposalFate(
  trx: Db,
  proposalId: number,
  fate: 'adopted' | 'no_consensus',
  now: Date,
): Promise<void> {
  await pdb(trx)
    .updateTable('proposalsProposal')
    .set({ status: fate, updatedAt: now })
    .where('id', '=', proposalId)
    .where('status', 'in', ['submitted', 'under_discussion'])
    .execute()
}
