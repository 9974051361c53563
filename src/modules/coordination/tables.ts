// Kysely types of the coordination tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { GovernmentParticipation, MechanismType, Scope, StakeholderParticipation } from './vocabulary.ts'

export type IssueStatus = 'active' | 'proposed' | 'declined'
export type Names = Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>>

export interface CoordinationIssueTable {
  id: Generated<number>
  slug: string
  basket: string
  name: Names
  description: Names
  scope: Scope
  scopeRationale: Generated<string>
  status: Generated<IssueStatus>
  emerging: Generated<boolean>
  firstRaisedOn: string | null
  origin: Generated<string>
  proposedBy: number | null
  triageReason: string | null
  triagedBy: number | null
  triagedAt: Date | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface CoordinationMechanismTable {
  id: Generated<number>
  organizationId: number
  name: string
  type: MechanismType
  description: Generated<string>
  governments: GovernmentParticipation
  stakeholders: StakeholderParticipation
  support: string[]
  website: string | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface CoordinationMechanismIssueTable {
  mechanismId: number
  issueId: number
}

export type CoordinationTables = {
  coordinationIssue: CoordinationIssueTable
  coordinationMechanism: CoordinationMechanismTable
  coordinationMechanismIssue: CoordinationMechanismIssueTable
}
