// Kysely types of the notifications tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'

export const FOLLOW_SUBJECTS = ['body', 'process'] as const
export type FollowSubject = (typeof FOLLOW_SUBJECTS)[number]
export const FREQUENCIES = ['daily', 'weekly', 'never'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export interface NotificationsFollowTable {
  id: Generated<number>
  accountId: number
  subjectType: FollowSubject
  subjectId: number
  createdAt: CreatedAt
}

export interface NotificationsPreferenceTable {
  accountId: number
  frequency: Generated<Frequency>
  lastPeriodStart: Date | null
  updatedAt: CreatedAt
}

export type NotificationsTables = {
  notificationsFollow: NotificationsFollowTable
  notificationsPreference: NotificationsPreferenceTable
  notificationsNotice: NotificationsNoticeTable
  notificationsKindPreference: NotificationsKindPreferenceTable
  notificationsSetting: NotificationsSettingTable
  notificationsCursor: NotificationsCursorTable
  notificationsDeadline: NotificationsDeadlineTable
}

export const DELIVERIES = ['immediate', 'daily', 'inbox', 'off'] as const
export type Delivery = (typeof DELIVERIES)[number]

export interface NotificationsNoticeTable {
  id: Generated<number>
  accountId: number
  kind: string
  sourceSeq: number | null
  sourceKey: string
  href: string
  messageValues: Json<Record<string, string | number>>
  dueAt: Date | null
  delivery: Exclude<Delivery, 'off'>
  createdAt: CreatedAt
  readAt: Date | null
  mailedAt: Date | null
}

export interface NotificationsKindPreferenceTable {
  accountId: number
  kind: string
  delivery: Delivery
  updatedAt: CreatedAt
}

export interface NotificationsSettingTable {
  accountId: number
  timeZone: Generated<string>
  updatedAt: CreatedAt
}

export interface NotificationsCursorTable {
  name: string
  seq: number
}

export const DEADLINE_KINDS = ['call', 'silence', 'annual_report'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export interface NotificationsDeadlineTable {
  id: Generated<number>
  kind: DeadlineKind
  ref: string
  dueAt: Date
  facts: Json<Record<string, unknown>>
  settledAt: Date | null
  warnedAt: Date | null
}
