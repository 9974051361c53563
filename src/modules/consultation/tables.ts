// Kysely types of the consultation tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'
import type { Format } from './sources/records.ts'

export type ImportStatus = 'waiting' | 'running' | 'done' | 'failed'

export interface ConsultationImportTable {
  id: Generated<number>
  callId: number
  accountId: number
  fileName: string
  fileSha256: string
  format: Format
  status: Generated<ImportStatus>
  lineDone: Generated<number>
  records: Generated<number>
  accepted: Generated<number>
  alreadyThere: Generated<number>
  rejected: Generated<number>
  content: Uint8Array | null
  error: string | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
  finishedAt: Date | null
}

export interface ConsultationRejectTable {
  importId: number
  line: number
  externalId: string | null
  reason: string
  record: unknown
}

export interface ConsultationSettingTable {
  callId: number
  threshold: Generated<number>
  rebuiltAt: Date | null
  /** contributions the analysis has read, and those of them in no campaign */
  analysed: Generated<number>
  lone: Generated<number>
}

export interface ConsultationCampaignTable {
  id: Generated<number>
  callId: number
  size: number
  exactGroups: number
  template: string
  templateTextId: number | null
  firstAt: Date
  lastAt: Date
  profile: Generated<CampaignProfile>
  /** the most sent distinct personal additions, the most sent first */
  topAdditions: Generated<{ text: string; count: number }[]>
}

/** Who a campaign's speakers are, and its signals of coordination. */
export interface CampaignProfile {
  groups?: Record<string, number>
  regions?: Record<string, number>
  ldc?: number
  lldc?: number
  sids?: number
  /** submissions from accounts made in the week before (platform submissions only) */
  newAccounts?: number
  platform?: number
  /** most submissions in one minute */
  peakPerMinute?: number
  /** members sharing name, group, region and language with another member */
  identicalMetadata?: number
}

export interface ConsultationTextTable {
  id: Generated<number>
  callId: number
  hash: string
  signature: Uint8Array
  campaignId: number | null
  members: number
  additions: Generated<string>
}

export interface ConsultationBucketTable {
  callId: number
  bucket: number
  textId: number
}

export interface ConsultationMemberTable {
  contributionId: number
  callId: number
  textId: number
  campaignId: number | null
  submittedAt: Date
}

export type ConsultationTables = {
  consultationImport: ConsultationImportTable
  consultationReject: ConsultationRejectTable
  consultationSetting: ConsultationSettingTable
  consultationCampaign: ConsultationCampaignTable
  consultationText: ConsultationTextTable
  consultationBucket: ConsultationBucketTable
  consultationMember: ConsultationMemberTable
}
