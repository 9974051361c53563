// Kysely types of the notifications tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt } from '../../core/db/tables.ts'

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
}
