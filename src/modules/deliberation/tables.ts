// Kysely types of the deliberation tables (migrations/).
import type { ColumnType, Generated, RawBuilder } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'
import type { AnalysisResult, AnalysisState } from './rules/analyze.ts'

export type StatementStatus = 'pending' | 'accepted' | 'rejected'

export interface DeliberationTable {
  id: Generated<number>
  title: string
  description: Generated<string>
  callId: number | null
  proposalId: number | null
  status: Generated<'open' | 'closed'>
  createdBy: number | null
  createdAt: CreatedAt
}

export interface DeliberationParticipantTable {
  id: Generated<number>
  deliberationId: number
  externalId: string | null
  accountId: number | null
  regionalGroup: string | null
  stakeholderGroup: string | null
  createdAt: CreatedAt
}

export interface DeliberationStatementTable {
  id: Generated<number>
  deliberationId: number
  externalId: string | null
  text: Generated<string>
  authorParticipantId: number | null
  status: Generated<StatementStatus>
  moderationNote: Generated<string>
  /** votes recorded on it (a changed vote counts once): the least voted is shown first */
  votes: Generated<number>
  createdAt: CreatedAt
}

export interface DeliberationVoteTable {
  deliberationId: number
  participantId: number
  statementId: number
  vote: number
  seq: ColumnType<number, never, RawBuilder<number>>
  votedAt: CreatedAt
}

export interface DeliberationAnalysisTable {
  deliberationId: number
  result: Json<AnalysisResult>
  state: Json<AnalysisState>
  lastSeq: number
  computedAt: Date
  durationMs: number
}

// a type, not an interface: withTables<T>() needs its index signature
export type DeliberationTables = {
  deliberationDeliberation: DeliberationTable
  deliberationParticipant: DeliberationParticipantTable
  deliberationStatement: DeliberationStatementTable
  deliberationVote: DeliberationVoteTable
  deliberationAnalysis: DeliberationAnalysisTable
}
