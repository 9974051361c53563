// Kysely types of the accreditation tables.
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'

export type AccreditationKind = 'government_delegate' | 'stakeholder_representative'
export type AccreditationStatus = 'pending' | 'approved' | 'refused' | 'appealed' | 'withdrawn'
export type AppealStatus = 'pending' | 'granted' | 'dismissed' | 'withdrawn'

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

/** The one appeal a refused request may have, with the refusal it is against. */
export interface AccreditationAppealTable {
  id: Generated<number>
  requestId: number
  lodgedBy: number
  reason: string
  lodgedAt: Date
  refusedBy: number | null
  refusalReason: string
  status: Generated<AppealStatus>
  decidedBy: number | null
  decidedAt: Date | null
  decisionReason: string | null
}

export type AccreditationTables = {
  accreditationRequest: AccreditationRequestTable
  accreditationAppeal: AccreditationAppealTable
}
