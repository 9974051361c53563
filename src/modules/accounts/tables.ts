// Kysely types of the accounts module's own tables (accounts themselves are core/auth's).
import type { Db } from '../../core/db/database.ts'

export interface AccountsThrottleTable {
  key: string
  failures: number
  lastFailureAt: Date
  blockedUntil: Date
}

export type AccountsTables = {
  accountsThrottle: AccountsThrottleTable
}

export const adb = (db: Db) => db.withTables<AccountsTables>()
