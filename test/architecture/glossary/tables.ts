// Kysely types of the glossary's table (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../../src/core/db/tables.ts'

export interface GlossaryTermTable {
  id: Generated<number>
  term: string
  definition: string
  proposedBy: number
  withdrawnAt: Date | null
  createdAt: CreatedAt
}

export type GlossaryTables = { glossaryTerm: GlossaryTermTable }
