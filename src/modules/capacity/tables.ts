// Kysely types of the capacity tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { GapStatus, Modality } from './rules/matching.ts'

export interface CapacityGapTable {
  id: Generated<number>
  memberStateIso3: string | null
  regionalGroup: string | null
  issueSlug: string
  description: string
  source: Generated<string>
  identifiedOn: string
  status: Generated<GapStatus>
  createdBy: number | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface CapacityGapEventTable {
  id: Generated<number>
  gapId: number
  status: GapStatus
  note: Generated<string>
  recordedBy: number | null
  at: CreatedAt
}

export interface CapacityOfferTable {
  id: Generated<number>
  organizationId: number
  title: string
  description: Generated<string>
  issueSlugs: string[]
  regions: string[]
  modality: Modality
  languages: string[]
  url: string | null
  createdBy: number | null
  createdAt: CreatedAt
}

export interface CapacityMatchTable {
  gapId: number
  offerId: number
  note: Generated<string>
  matchedBy: number | null
  matchedAt: CreatedAt
}

export type CapacityTables = {
  capacityGap: CapacityGapTable
  capacityGapEvent: CapacityGapEventTable
  capacityOffer: CapacityOfferTable
  capacityMatch: CapacityMatchTable
}
