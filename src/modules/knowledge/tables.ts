// Kysely types of the knowledge tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'

export const ITEM_TYPES = ['paper', 'report', 'brief', 'dataset'] as const
export type ItemType = (typeof ITEM_TYPES)[number]
export type ItemStatus = 'suggested' | 'published' | 'declined'

export interface KnowledgeItemTable {
  id: Generated<number>
  workId: number | null
  type: ItemType
  title: string
  abstract: Generated<string>
  language: string
  authors: string[]
  organizationIds: number[]
  issueSlugs: string[]
  publishedOn: string | null
  url: string | null
  status: Generated<ItemStatus>
  suggestedBy: number | null
  decidedBy: number | null
  decisionNote: string | null
  searchText: string
  fileName: string | null
  fileMediaType: string | null
  fileSize: number | null
  fileSha256: string | null
  fileContent: Uint8Array | null
  search: Generated<string>
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export type KnowledgeTables = { knowledgeItem: KnowledgeItemTable }
