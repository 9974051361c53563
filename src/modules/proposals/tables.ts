// Kysely types of the proposals module's tables. The negotiation module's first migrations
// created them (20261126-0300-negotiation-create-tables, 20261206-0120-negotiation-cosponsorship-
// consent) before proposals were a module; since 20261214-0310-proposals-own-their-tables they
// carry this module's prefix. They are this module's alone: others reach them through index.ts.
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { Locale } from '../../core/i18n/locales.ts'

export const PROPOSAL_STATUSES = [
  'submitted',
  'under_discussion',
  'merged',
  'adopted',
  'no_consensus',
  'withdrawn',
] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
export interface ProposalsProposalTable {
  id: Generated<number>
  processId: number
  title: string
  status: Generated<ProposalStatus>
  versionCount: Generated<number>
  mergedIntoId: number | null
  authorAccountId: number
  /** the language the proposal is written in */
  language: Generated<Locale>
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface ProposalsProposalVersionTable {
  proposalId: number
  number: number
  text: string
  rationale: Generated<string>
  createdBy: number
  createdAt: CreatedAt
}

export interface ProposalsProposalProponentTable {
  proposalId: number
  memberStateIso3: string | null
  organizationId: number | null
  /** an original proponent, or a co-sponsor that accepted */
  role: Generated<'proponent' | 'cosponsor'>
}

export const COSPONSORSHIP_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const
export type CosponsorshipStatus = (typeof COSPONSORSHIP_STATUSES)[number]

/** A request to co-sponsor a proposal, and the answer of the State or organization asked. */
export interface ProposalsCosponsorshipTable {
  id: Generated<number>
  proposalId: number
  memberStateIso3: string | null
  organizationId: number | null
  status: Generated<CosponsorshipStatus>
  requestedBy: number
  requestedAt: Date
  answeredBy: number | null
  answeredAt: Date | null
}

export interface ProposalsProposalSourceTable {
  proposalId: number
  contributionId: number
}

export type ProposalTables = {
  proposalsProposal: ProposalsProposalTable
  proposalsProposalVersion: ProposalsProposalVersionTable
  proposalsProposalProponent: ProposalsProposalProponentTable
  proposalsProposalSource: ProposalsProposalSourceTable
  proposalsCosponsorship: ProposalsCosponsorshipTable
}
