// Kysely types of the proposals module's tables. They are created by the negotiation module's
// migrations (20261126-0300-negotiation-create-tables, 20261206-0120-negotiation-cosponsorship-consent),
// which stay where they landed; the tables are this module's alone, and others reach them through
// index.ts.
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
export interface NegotiationProposalTable {
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

export interface NegotiationProposalVersionTable {
  proposalId: number
  number: number
  text: string
  rationale: Generated<string>
  createdBy: number
  createdAt: CreatedAt
}

export interface NegotiationProposalProponentTable {
  proposalId: number
  memberStateIso3: string | null
  organizationId: number | null
  /** an original proponent, or a co-sponsor that accepted */
  role: Generated<'proponent' | 'cosponsor'>
}

export const COSPONSORSHIP_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const
export type CosponsorshipStatus = (typeof COSPONSORSHIP_STATUSES)[number]

/** A request to co-sponsor a proposal, and the answer of the State or organization asked. */
export interface NegotiationCosponsorshipTable {
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

export interface NegotiationProposalSourceTable {
  proposalId: number
  contributionId: number
}

export type ProposalTables = {
  negotiationProposal: NegotiationProposalTable
  negotiationProposalVersion: NegotiationProposalVersionTable
  negotiationProposalProponent: NegotiationProposalProponentTable
  negotiationProposalSource: NegotiationProposalSourceTable
  negotiationCosponsorship: NegotiationCosponsorshipTable
}
