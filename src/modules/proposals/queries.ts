// Reading proposals with their versions, proponents, co-sponsorships, sources and lineage.
import type { Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { ProposalsCosponsorshipTable, ProposalsProposalTable, ProposalTables } from './tables.ts'

type ProposalsDb = Kysely<CoreTables & ProposalTables>
export const pdb = (db: Db): ProposalsDb => db.withTables<ProposalTables>()

export type Proposal = Selectable<ProposalsProposalTable>
export type Cosponsorship = Selectable<ProposalsCosponsorshipTable>

export interface ProposalDetail extends Proposal {
  /** the States and organizations it speaks for: original proponents and accepted co-sponsors */
  memberStates: string[]
  organizations: number[]
  /** the original proponents alone (they revise and withdraw it) */
  proponentStates: string[]
  proponentOrganizations: number[]
  /** every request to co-sponsor it, with its answer */
  cosponsorships: Cosponsorship[]
  versions: { number: number; text: string; rationale: string; createdAt: Date }[]
  contributions: number[]
  /** proposals merged into this one */
  mergedFrom: number[]
}

export async function proposalsOf(db: Db, processId: number): Promise<ProposalDetail[]> {
  const proposals = await pdb(db)
    .selectFrom('proposalsProposal')
    .selectAll()
    .where('processId', '=', processId)
    .orderBy('id')
    .execute()
  return withDetails(db, proposals)
}

/** How many proposals a process has, in one statement (a section that shows only the count). */
export async function countProposals(db: Db, processId: number): Promise<number> {
  const row = await pdb(db)
    .selectFrom('proposalsProposal')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('processId', '=', processId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findProposal(db: Db, id: number): Promise<ProposalDetail | undefined> {
  const proposal = await pdb(db).selectFrom('proposalsProposal').selectAll().where('id', '=', id).executeTakeFirst()
  return proposal ? (await withDetails(db, [proposal]))[0] : undefined
}

async function withDetails(db: Db, proposals: Proposal[]): Promise<ProposalDetail[]> {
  const ids = proposals.map((p) => p.id)
  if (ids.length === 0) return []
  const n = pdb(db)
  const [proponents, versions, sources, cosponsorships] = await Promise.all([
    n.selectFrom('proposalsProposalProponent').selectAll().where('proposalId', 'in', ids).execute(),
    n
      .selectFrom('proposalsProposalVersion')
      .select(['proposalId', 'number', 'text', 'rationale', 'createdAt'])
      .where('proposalId', 'in', ids)
      .orderBy('number')
      .execute(),
    n.selectFrom('proposalsProposalSource').selectAll().where('proposalId', 'in', ids).execute(),
    n.selectFrom('proposalsCosponsorship').selectAll().where('proposalId', 'in', ids).orderBy('id').execute(),
  ])
  const merged = await n
    .selectFrom('proposalsProposal')
    .select(['id', 'mergedIntoId'])
    .where('mergedIntoId', 'in', ids)
    .execute()
  return proposals.map((p) => ({
    ...p,
    memberStates: proponents
      .filter((x) => x.proposalId === p.id && x.memberStateIso3)
      .map((x) => x.memberStateIso3 as string),
    organizations: proponents
      .filter((x) => x.proposalId === p.id && x.organizationId)
      .map((x) => x.organizationId as number),
    proponentStates: proponents
      .filter((x) => x.proposalId === p.id && x.memberStateIso3 && x.role === 'proponent')
      .map((x) => x.memberStateIso3 as string),
    proponentOrganizations: proponents
      .filter((x) => x.proposalId === p.id && x.organizationId && x.role === 'proponent')
      .map((x) => x.organizationId as number),
    cosponsorships: cosponsorships.filter((c) => c.proposalId === p.id),
    versions: versions.filter((v) => v.proposalId === p.id),
    contributions: sources.filter((s) => s.proposalId === p.id).map((s) => s.contributionId),
    mergedFrom: merged.filter((m) => m.mergedIntoId === p.id).map((m) => m.id),
  }))
}
