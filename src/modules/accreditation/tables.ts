// Kysely types of the accreditation tables.
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'

export type AccreditationKind = 'government_delegate' | 'stakeholder_representative'
export type AccreditationStatus = 'pending' | 'approved' | 'refused' | 'withdrawn'

export interface AccreditationRequestTable {
  id: Generated<number>
  accountId: number
  kind: AccreditationKind
  memberStateIso3: string | null
  organizationId: number | null
  title: string
  justification: string | null
  status: Generated<AccreditationStatus>
  createdAt: CreatedAt
  decidedAt: Date | null
  decidedBy: number | null
  decisionReason: string | null
  roleGrantId: number | null
}

export type AccreditationTables = {
  accreditationRequest: AccreditationRequestTable
}
